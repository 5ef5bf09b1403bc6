using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Targets.Core.Errors;

namespace Targets.Spreadsheets.Reading;

/// <summary>
/// Streams the rows of a worksheet part (SpreadsheetML <c>sheetData</c>) from its UTF-8 bytes. A general XML reader spends
/// most of its time on what a sheet never has, and a country's communes make a 170 MB sheet; this scanner knows the few
/// elements a sheet's data is made of (<c>row</c>, <c>c</c>, <c>v</c>, <c>f</c>, <c>is</c>/<c>t</c>, with any namespace
/// prefix), decodes the five XML entities, character references and CDATA, skips comments and processing
/// instructions, refuses a document type declaration (no entity expansion, ever), and never holds more than a row beyond
/// its buffer. Anything it cannot read is a <see cref="DataException"/> naming the sheet and row.
/// </summary>
internal sealed class SheetScanner
{
    /// <summary>The longest row read: far beyond any real one (32 columns of 32,767 characters).</summary>
    private const int MaxRowBytes = 16 * 1024 * 1024;

    private readonly Stream _stream;
    private readonly string _name;
    private readonly string _sheet;
    private byte[] _buffer = new byte[1 << 20];
    private int _start;
    private int _end;
    private bool _eof;
    private long _read;

    public SheetScanner(Stream stream, string name, string sheet)
    {
        _stream = stream;
        _name = name;
        _sheet = sheet;
    }

    /// <summary>Calls <paramref name="onRow"/> for each row, with its number and its cells by column (gaps empty).</summary>
    public void ReadRows(string[] strings, HashSet<int> dates, Action<int, List<SheetCell>> onRow)
    {
        if (!SkipToSheetData())
        {
            return;
        }

        var cells = new List<SheetCell>(16);
        var rowNumber = 0;
        var rows = 0;
        while (true)
        {
            var open = Find((byte)'<', 0);
            if (open < 0)
            {
                throw Malformed(rowNumber, "the sheet ends inside its data");
            }

            _start += open;
            if (SkipMarkup(rowNumber))
            {
                continue;
            }

            // Offsets from _start: reading more of the part may move the buffer.
            var tagEnd = FindBytes(">"u8, 0, rowNumber);
            var tag = _buffer.AsSpan(_start, tagEnd + 1);
            var name = LocalName(tag);
            if (tag[1] == '/')
            {
                if (name.SequenceEqual("sheetData"u8))
                {
                    return;
                }

                throw Malformed(rowNumber, $"an unexpected closing tag {Encoding.UTF8.GetString(tag)}");
            }

            var selfClosing = IsSelfClosing(tag);
            if (!name.SequenceEqual("row"u8))
            {
                // Something else between rows (an extension): skip the element whole.
                _start += selfClosing ? tagEnd + 1 : ElementEnd(name.ToArray(), rowNumber, tagEnd + 1) + 1;
                continue;
            }

            rowNumber = TryAttribute(tag, "r"u8, out var r) && Utf8Parser.TryParse(r, out int given, out var used) && used == r.Length ? given : rowNumber + 1;
            if (++rows > SpreadsheetLimits.MaxRows)
            {
                throw new DataException(FormattableString.Invariant($"the sheet has more than {SpreadsheetLimits.MaxRows:N0} rows"), new SourceLocation(_name, Path: _sheet));
            }

            cells.Clear();
            if (selfClosing)
            {
                _start += tagEnd + 1;
            }
            else
            {
                var end = ElementEnd("row"u8, rowNumber, tagEnd + 1);
                var contentEnd = FindEnd(_buffer.AsSpan(_start, end + 1), tagEnd + 1, "row"u8);
                ReadCells(_buffer.AsSpan(_start + tagEnd + 1, contentEnd - tagEnd - 1), rowNumber, strings, dates, cells);
                _start += end + 1;
            }

            onRow(rowNumber, cells);
        }

    }

    /// <summary>Moves past the start tag of <c>sheetData</c>; false when it is empty or absent.</summary>
    private bool SkipToSheetData()
    {
        while (true)
        {
            var open = Find((byte)'<', 0);
            if (open < 0)
            {
                return false;
            }

            _start += open;
            if (SkipMarkup(0))
            {
                continue;
            }

            var tagEnd = FindBytes(">"u8, 0, 0);
            var tag = _buffer.AsSpan(_start, tagEnd + 1);
            var isSheetData = tag[1] != '/' && LocalName(tag).SequenceEqual("sheetData"u8);
            var selfClosing = IsSelfClosing(tag);
            _start += tagEnd + 1;
            if (isSheetData)
            {
                return !selfClosing;
            }
        }
    }

    private void ReadCells(ReadOnlySpan<byte> row, int rowNumber, string[] strings, HashSet<int> dates, List<SheetCell> cells)
    {
        var column = -1;
        var at = 0;
        while (NextTag(row, ref at, rowNumber, out var tag))
        {
            if (tag.Length < 3 || tag[1] is (byte)'/' or (byte)'!' or (byte)'?' || !LocalName(tag).SequenceEqual("c"u8))
            {
                continue;
            }

            CellAttributes(tag, ref column, out var type, out var style);
            var cell = SheetCell.Empty;
            if (!IsSelfClosing(tag))
            {
                var end = FindEnd(row, at, "c"u8);
                if (end < 0)
                {
                    throw Malformed(rowNumber, "a cell is not closed");
                }

                cell = ReadCell(row[at..end], type, dates.Contains(style), strings, rowNumber, column);
                at = end;
            }

            if (column is >= 0 and < SpreadsheetLimits.MaxColumns)
            {
                while (cells.Count <= column)
                {
                    cells.Add(SheetCell.Empty);
                }

                cells[column] = cell;
            }
        }
    }

    /// <summary>The next tag in <paramref name="span"/> from <paramref name="at"/>, which moves past it; false when there is none.</summary>
    private bool NextTag(ReadOnlySpan<byte> span, ref int at, int rowNumber, out ReadOnlySpan<byte> tag)
    {
        var open = span[at..].IndexOf((byte)'<');
        if (open < 0)
        {
            tag = default;
            return false;
        }

        at += open;
        var close = span[at..].IndexOf((byte)'>');
        if (close < 0)
        {
            throw Malformed(rowNumber, "a tag is not closed");
        }

        tag = span.Slice(at, close + 1);
        at += close + 1;
        return true;
    }

    /// <summary>A cell's column (<c>r</c>, else the next), type (<c>t</c>) and style (<c>s</c>), in one pass over its tag.</summary>
    private static void CellAttributes(ReadOnlySpan<byte> tag, ref int column, out ReadOnlySpan<byte> type, out int style)
    {
        var referenced = -1;
        type = default;
        style = 0;
        var at = 1;
        while (at < tag.Length && tag[at] is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
        {
            at++;
        }

        while (true)
        {
            var equals = tag[at..].IndexOf((byte)'=');
            if (equals < 0 || at + equals + 1 >= tag.Length)
            {
                break;
            }

            var name = tag.Slice(at, equals).Trim(" \t\r\n"u8);
            var quote = tag[at + equals + 1];
            var valueStart = at + equals + 2;
            var length = quote is (byte)'"' or (byte)'\'' ? tag[valueStart..].IndexOf(quote) : -1;
            if (length < 0)
            {
                break;
            }

            var value = tag.Slice(valueStart, length);
            var colon = name.LastIndexOf((byte)':');
            var local = colon < 0 ? name : name[(colon + 1)..];
            if (local.Length == 1)
            {
                switch (local[0])
                {
                    case (byte)'r':
                        referenced = ColumnOf(value);
                        break;
                    case (byte)'t':
                        type = value;
                        break;
                    case (byte)'s' when Utf8Parser.TryParse(value, out int index, out _):
                        style = index;
                        break;
                }
            }

            at = valueStart + length + 1;
        }

        column = referenced >= 0 ? referenced : column + 1;
    }

    private SheetCell ReadCell(ReadOnlySpan<byte> content, ReadOnlySpan<byte> type, bool dateStyle, string[] strings, int rowNumber, int column)
    {
        // The common cell, <v>…</v> alone: a shared string's index or a number, read without a detour.
        if (content.StartsWith("<v>"u8) && content[3..].IndexOf((byte)'<') is var valueEnd and >= 0 &&
            content[(3 + valueEnd)..].SequenceEqual("</v>"u8) && content.Slice(3, valueEnd).IndexOf((byte)'&') < 0)
        {
            var raw = content.Slice(3, valueEnd);
            if (type.SequenceEqual("s"u8))
            {
                return Utf8Parser.TryParse(raw, out int index, out var used) && used == raw.Length && (uint)index < (uint)strings.Length
                    ? SheetCell.OfText(strings[index])
                    : throw new DataException($"the cell refers to shared string {Encoding.UTF8.GetString(raw)}, which the workbook does not have", CellLocation(rowNumber, column));
            }

            if (type.IsEmpty || type.SequenceEqual("n"u8))
            {
                return raw.Trim(" \t\r\n"u8).IsEmpty ? SheetCell.Empty : new SheetCell(dateStyle ? CellKind.Date : CellKind.Number, Encoding.UTF8.GetString(raw.Trim(" \t\r\n"u8)));
            }
        }

        string? value = null;
        string? formula = null;
        StringBuilder? inline = null;
        var at = 0;
        while (NextTag(content, ref at, rowNumber, out var tag))
        {
            if (tag[1] is (byte)'/' or (byte)'!' or (byte)'?')
            {
                continue;
            }

            var name = LocalName(tag);
            var isEmpty = IsSelfClosing(tag);
            if (name.SequenceEqual("rPh"u8) && !isEmpty)
            {
                at = SkipPast(content, at, "rPh"u8, rowNumber);
                continue;
            }

            if (!(name.SequenceEqual("v"u8) || name.SequenceEqual("f"u8) || name.SequenceEqual("t"u8)))
            {
                continue;
            }

            var text = string.Empty;
            if (!isEmpty)
            {
                var end = FindEnd(content, at, name);
                if (end < 0)
                {
                    throw Malformed(rowNumber, "a value is not closed");
                }

                text = Text(content[at..end], rowNumber, column);
                at = end;
            }

            switch (name[0])
            {
                case (byte)'v':
                    value = text;
                    break;
                case (byte)'f':
                    formula = text;
                    break;
                default:
                    inline ??= new StringBuilder();
                    inline.Append(text);
                    if (inline.Length > SpreadsheetLimits.MaxCellCharacters)
                    {
                        throw TooLong(inline.Length, rowNumber, column);
                    }

                    break;
            }
        }

        if (formula is not null)
        {
            return new SheetCell(CellKind.Formula, formula);
        }

        if (type.SequenceEqual("s"u8))
        {
            return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && (uint)i < (uint)strings.Length
                ? SheetCell.OfText(strings[i])
                : throw new DataException($"the cell refers to shared string {value}, which the workbook does not have", CellLocation(rowNumber, column));
        }

        return type switch
        {
            _ when type.SequenceEqual("inlineStr"u8) => SheetCell.OfText(inline?.ToString()),
            _ when type.SequenceEqual("str"u8) => SheetCell.OfText(value),
            _ when type.SequenceEqual("b"u8) => new SheetCell(CellKind.Boolean, value ?? "0"),
            _ when type.SequenceEqual("e"u8) => new SheetCell(CellKind.Error, value ?? "#N/A"),
            _ when type.SequenceEqual("d"u8) => new SheetCell(CellKind.Date, value ?? string.Empty),
            _ when string.IsNullOrWhiteSpace(value) => SheetCell.Empty,
            _ => new SheetCell(dateStyle ? CellKind.Date : CellKind.Number, value!.Trim()),
        };
    }

    /// <summary>The text of an element's content: CDATA kept as is, entities and character references decoded.</summary>
    private string Text(ReadOnlySpan<byte> content, int rowNumber, int column)
    {
        if (content.Length > SpreadsheetLimits.MaxCellCharacters * 4)
        {
            throw TooLong(content.Length, rowNumber, column);
        }

        if (content.IndexOfAny((byte)'&', (byte)'<') < 0)
        {
            var plain = Encoding.UTF8.GetString(content);
            return plain.Length <= SpreadsheetLimits.MaxCellCharacters ? plain : throw TooLong(plain.Length, rowNumber, column);
        }

        var text = new StringBuilder(content.Length);
        var at = 0;
        while (at < content.Length)
        {
            var special = content[at..].IndexOfAny((byte)'&', (byte)'<');
            if (special < 0)
            {
                text.Append(Encoding.UTF8.GetString(content[at..]));
                break;
            }

            text.Append(Encoding.UTF8.GetString(content.Slice(at, special)));
            at += special;
            if (content[at] == '<')
            {
                if (!content[at..].StartsWith("<![CDATA["u8))
                {
                    throw Malformed(rowNumber, "markup inside a value");
                }

                var end = content[(at + 9)..].IndexOf("]]>"u8);
                if (end < 0)
                {
                    throw Malformed(rowNumber, "a CDATA section is not closed");
                }

                text.Append(Encoding.UTF8.GetString(content.Slice(at + 9, end)));
                at += 9 + end + 3;
                continue;
            }

            var semicolon = content[at..].IndexOf((byte)';');
            if (semicolon < 2 || semicolon > 12)
            {
                throw Malformed(rowNumber, "an '&' that starts no entity");
            }

            var entity = content.Slice(at + 1, semicolon - 1);
            text.Append(entity switch
            {
                _ when entity.SequenceEqual("lt"u8) => "<",
                _ when entity.SequenceEqual("gt"u8) => ">",
                _ when entity.SequenceEqual("amp"u8) => "&",
                _ when entity.SequenceEqual("quot"u8) => "\"",
                _ when entity.SequenceEqual("apos"u8) => "'",
                _ when entity[0] == '#' => CharacterReference(entity[1..], rowNumber),
                _ => throw Malformed(rowNumber, $"the entity &{Encoding.UTF8.GetString(entity)}; (only the five XML entities are allowed)"),
            });
            at += semicolon + 1;
        }

        return text.Length <= SpreadsheetLimits.MaxCellCharacters ? text.ToString() : throw TooLong(text.Length, rowNumber, column);
    }

    private string CharacterReference(ReadOnlySpan<byte> digits, int rowNumber)
    {
        var hex = digits.Length > 1 && digits[0] is (byte)'x' or (byte)'X';
        var text = Encoding.ASCII.GetString(hex ? digits[1..] : digits);
        return int.TryParse(text, hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None, CultureInfo.InvariantCulture, out var code) && code is > 0 and <= 0x10FFFF and not (>= 0xD800 and <= 0xDFFF)
            ? char.ConvertFromUtf32(code)
            : throw Malformed(rowNumber, $"the character reference &#{text};");
    }

    /// <summary>
    /// At a '&lt;' (the buffer's start): skips a comment, processing instruction or CDATA section and returns true;
    /// refuses a document type declaration; false for an element.
    /// </summary>
    private bool SkipMarkup(int rowNumber)
    {
        FindBytes(">"u8, 0, rowNumber);
        var markup = _buffer.AsSpan(_start, _end - _start);
        if (markup.Length < 2 || markup[1] is not ((byte)'!' or (byte)'?'))
        {
            return false;
        }

        if (markup.StartsWith("<!DOCTYPE"u8) || markup.StartsWith("<!ENTITY"u8))
        {
            throw Malformed(rowNumber, "a document type declaration (refused: it could define entities)");
        }

        var terminator = markup.StartsWith("<!--"u8) ? "-->"u8.ToArray() : markup.StartsWith("<![CDATA["u8) ? "]]>"u8.ToArray() : markup[1] == '?' ? "?>"u8.ToArray() : ">"u8.ToArray();
        _start += FindBytes(terminator, 1, rowNumber) + terminator.Length;
        return true;
    }

    /// <summary>
    /// The offset from the buffer's start of the '>' of the end tag of <paramref name="name"/>, whose content starts at
    /// offset <paramref name="from"/>, reading more of the part as needed.
    /// </summary>
    private int ElementEnd(ReadOnlySpan<byte> name, int rowNumber, int from)
    {
        while (true)
        {
            var end = FindEnd(_buffer.AsSpan(_start, _end - _start), from, name);
            if (end >= 0)
            {
                return end + _buffer.AsSpan(_start + end, _end - _start - end).IndexOf((byte)'>');
            }

            if (!Fill(rowNumber))
            {
                throw Malformed(rowNumber, $"the element {Encoding.UTF8.GetString(name)} is not closed");
            }
        }
    }

    /// <summary>In <paramref name="span"/> from <paramref name="from"/>, the start of the end tag &lt;/name&gt; (any prefix), or −1.</summary>
    private static int FindEnd(ReadOnlySpan<byte> span, int from, ReadOnlySpan<byte> name)
    {
        var at = from;
        while (true)
        {
            var found = span[at..].IndexOf("</"u8);
            if (found < 0)
            {
                return -1;
            }

            at += found;
            var close = span[at..].IndexOf((byte)'>');
            if (close < 0)
            {
                return -1;
            }

            if (LocalName(span.Slice(at, close + 1)).SequenceEqual(name))
            {
                return at;
            }

            at += 2;
        }
    }

    private int SkipPast(ReadOnlySpan<byte> content, int at, ReadOnlySpan<byte> name, int rowNumber)
    {
        var end = FindEnd(content, at, name);
        var close = end < 0 ? -1 : content[end..].IndexOf((byte)'>');
        return close >= 0 ? end + close + 1 : throw Malformed(rowNumber, $"the element {Encoding.UTF8.GetString(name)} is not closed");
    }

    /// <summary>The offset from the buffer's start of <paramref name="bytes"/> at or after <paramref name="from"/>, reading more as needed.</summary>
    private int FindBytes(ReadOnlySpan<byte> bytes, int from, int rowNumber)
    {
        while (true)
        {
            var found = _buffer.AsSpan(_start + from, _end - _start - from).IndexOf(bytes);
            if (found >= 0)
            {
                return from + found;
            }

            if (!Fill(rowNumber))
            {
                throw Malformed(rowNumber, "the sheet ends inside a tag");
            }
        }
    }

    private int Find(byte value, int from)
    {
        while (true)
        {
            var found = _buffer.AsSpan(_start + from, _end - _start - from).IndexOf(value);
            if (found >= 0)
            {
                return from + found;
            }

            from = _end - _start;
            if (!Fill(0))
            {
                return -1;
            }
        }
    }

    /// <summary>Reads more of the part, keeping what is not consumed; false at its end.</summary>
    private bool Fill(int rowNumber)
    {
        if (_eof)
        {
            return false;
        }

        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            if (_buffer.Length >= MaxRowBytes)
            {
                throw Malformed(rowNumber, FormattableString.Invariant($"a row is longer than {MaxRowBytes:N0} bytes"));
            }

            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _eof = true;
            return false;
        }

        _end += read;
        _read += read;
        if (_read > SpreadsheetLimits.MaxPartCharacters)
        {
            throw new DataException(
                FormattableString.Invariant($"the sheet expands beyond {SpreadsheetLimits.MaxPartCharacters:N0} bytes and is not read"), new SourceLocation(_name, Path: _sheet));
        }

        return true;
    }

    /// <summary>The local name of a tag (<c>&lt;x:row r="1"&gt;</c> → <c>row</c>).</summary>
    private static ReadOnlySpan<byte> LocalName(ReadOnlySpan<byte> tag)
    {
        var start = tag.Length > 1 && tag[1] == '/' ? 2 : 1;
        var end = start;
        while (end < tag.Length && tag[end] is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)'>' or (byte)'/'))
        {
            end++;
        }

        var name = tag[start..end];
        var colon = name.LastIndexOf((byte)':');
        return colon < 0 ? name : name[(colon + 1)..];
    }

    private static bool IsSelfClosing(ReadOnlySpan<byte> tag) => tag.Length >= 2 && tag[^2] == '/';

    private static bool TryAttribute(ReadOnlySpan<byte> tag, ReadOnlySpan<byte> name, out ReadOnlySpan<byte> value)
    {
        var at = 1;
        while (at < tag.Length && tag[at] is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
        {
            at++;
        }

        while (true)
        {
            var equals = tag[at..].IndexOf((byte)'=');
            if (equals < 0)
            {
                value = default;
                return false;
            }

            var attribute = tag.Slice(at, equals).Trim(" \t\r\n"u8);
            var colon = attribute.LastIndexOf((byte)':');
            var local = colon < 0 ? attribute : attribute[(colon + 1)..];
            at += equals + 1;
            while (at < tag.Length && tag[at] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                at++;
            }

            if (at >= tag.Length || tag[at] is not ((byte)'"' or (byte)'\''))
            {
                value = default;
                return false;
            }

            var quote = tag[at];
            var end = tag[(at + 1)..].IndexOf(quote);
            if (end < 0)
            {
                value = default;
                return false;
            }

            if (local.SequenceEqual(name))
            {
                value = tag.Slice(at + 1, end);
                return true;
            }

            at += end + 2;
        }
    }

    /// <summary>The zero-based column of a reference such as <c>D14</c>.</summary>
    private static int ColumnOf(ReadOnlySpan<byte> reference)
    {
        var column = 0;
        foreach (var c in reference)
        {
            if (c is < (byte)'A' or > (byte)'Z')
            {
                break;
            }

            column = Math.Min((column * 26) + (c - 'A' + 1), 1 << 20);
        }

        return column - 1;
    }

    private DataException Malformed(int rowNumber, string problem) =>
        new($"the sheet's XML is malformed: {problem}", new SourceLocation(_name, Path: rowNumber > 0 ? string.Create(CultureInfo.InvariantCulture, $"{_sheet}!{rowNumber}:{rowNumber}") : _sheet));

    private DataException TooLong(int length, int rowNumber, int column) =>
        new(FormattableString.Invariant($"the cell holds {length:N0} characters; a cell holds at most {SpreadsheetLimits.MaxCellCharacters:N0}"), CellLocation(rowNumber, column));

    private SourceLocation CellLocation(int rowNumber, int column) =>
        new(_name, Path: string.Create(CultureInfo.InvariantCulture, $"{_sheet}!{Layout.FigureSheet.Letters(Math.Max(0, column))}{rowNumber}"));
}
