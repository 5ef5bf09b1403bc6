using System.Globalization;
using System.IO.Compression;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Targets.Core.Data;
using Targets.Core.Errors;
using Targets.Core.Periods;
using Targets.Spreadsheets.Layout;

namespace Targets.Spreadsheets.Reading;

/// <summary>
/// Reads a filled-in figures workbook (.xlsx, the layout of <see cref="Templates.FigureTemplate"/>) as a dataset. The
/// package is opened with the Open XML SDK; the shared strings are streamed with a plain <see cref="XmlReader"/> (no DTDs,
/// a character cap) and the sheet with <see cref="SheetScanner"/>, so that a workbook of a whole country's communes reads
/// within the 2 s budget and a hostile one is stopped at the first limit it passes (<see cref="SpreadsheetLimits"/>).
/// </summary>
public static class XlsxDatasetReader
{
    private static readonly XmlReaderSettings XmlSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = SpreadsheetLimits.MaxPartCharacters,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    /// <summary>Reads a workbook.</summary>
    /// <param name="name">The name to cite in errors (the file).</param>
    /// <param name="bytes">The file's bytes.</param>
    /// <param name="locality">The locality when the workbook does not say (its 'Thông tin' sheet).</param>
    /// <exception cref="DataException">The file is not a workbook, breaks a limit, or a cell cannot be a figure.</exception>
    public static Dataset Read(string name, ReadOnlyMemory<byte> bytes, string? locality = null)
    {
        var array = bytes.ToArray();
        using var zip = OpenPackage(name, array);
        using var stream = new MemoryStream(array, writable: false);
        SpreadsheetDocument document;
        try
        {
            document = SpreadsheetDocument.Open(stream, isEditable: false, new OpenSettings { MaxCharactersInPart = SpreadsheetLimits.MaxPartCharacters });
        }
        catch (Exception exception) when (exception is OpenXmlPackageException or InvalidDataException or XmlException or IOException or InvalidOperationException or ArgumentException or FileFormatException)
        {
            throw new DataException($"the file is not a valid .xlsx workbook ({FirstSentence(exception.Message)})", new SourceLocation(name));
        }

        using (document)
        {
            try
            {
                return ReadWorkbook(name, document, zip, locality);
            }
            catch (Exception exception) when (exception is XmlException or OpenXmlPackageException or InvalidDataException or FormatException)
            {
                throw new DataException($"the workbook cannot be read ({FirstSentence(exception.Message)})", new SourceLocation(name));
            }
        }
    }

    /// <summary>
    /// Refuses what is not a zip (an encrypted workbook or an old .xls is an OLE file), and a zip whose parts would expand
    /// too far, before the SDK reads anything.
    /// </summary>
    private static ZipArchive OpenPackage(string name, byte[] bytes)
    {
        var span = bytes.AsSpan();
        var location = new SourceLocation(name);
        if (span.Length >= 4 && span[0] == 0xD0 && span[1] == 0xCF && span[2] == 0x11 && span[3] == 0xE0)
        {
            throw new DataException("the file is an encrypted workbook or an old .xls file; save it as .xlsx without a password", location);
        }

        if (span.Length < 4 || span[0] != (byte)'P' || span[1] != (byte)'K')
        {
            throw new DataException("the file is not an .xlsx workbook (an .xlsx file is a zip archive, and this one is not)", location);
        }

        ZipArchive? zip = null;
        try
        {
            zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            if (zip.Entries.Count > SpreadsheetLimits.MaxParts)
            {
                throw new DataException(FormattableString.Invariant($"the workbook has {zip.Entries.Count} parts; at most {SpreadsheetLimits.MaxParts} are read"), location);
            }

            long expanded = 0;
            foreach (var entry in zip.Entries)
            {
                expanded += entry.Length;
                if (entry.Length > SpreadsheetLimits.RatioCheckedAbove && entry.Length > (long)SpreadsheetLimits.MaxCompressionRatio * Math.Max(1, entry.CompressedLength))
                {
                    throw new DataException(
                        FormattableString.Invariant($"the part '{entry.FullName}' would expand from {entry.CompressedLength:N0} to {entry.Length:N0} bytes: the file looks like a zip bomb and is not read"), location);
                }
            }

            if (expanded > SpreadsheetLimits.MaxExpandedBytes)
            {
                throw new DataException(FormattableString.Invariant($"the workbook would expand to {expanded:N0} bytes; at most {SpreadsheetLimits.MaxExpandedBytes:N0} are read"), location);
            }

            return zip;
        }
        catch (Exception exception)
        {
            zip?.Dispose();
            throw exception is InvalidDataException
                ? new DataException($"the file is not an .xlsx workbook (a damaged zip archive: {FirstSentence(exception.Message)})", location)
                : exception;
        }
    }

    private static Dataset ReadWorkbook(string name, SpreadsheetDocument document, ZipArchive zip, string? locality)
    {
        var workbook = document.WorkbookPart ?? throw new DataException("the file is a zip archive but not a workbook (it has no workbook part)", new SourceLocation(name));
        var sheets = workbook.Workbook?.Sheets?.Elements<Sheet>().ToList() ?? [];
        var figureSheet = FindSheet(workbook, sheets, FigureSheet.Name)
            ?? throw new DataException(
                $"the workbook has no sheet '{FigureSheet.Name}' (its sheets: {string.Join(", ", sheets.Select(s => $"'{s.Name?.Value}'"))}); fill in the template that 'targets template' writes",
                new SourceLocation(name));
        var strings = ReadSharedStrings(name, workbook.SharedStringTablePart);
        var dates = DateStyles(workbook.WorkbookStylesPart);

        string? description = null;
        DateOnly? asOf = null;
        if (FindSheet(workbook, sheets, FigureSheet.InfoSheet) is { } info)
        {
            (locality, asOf, description) = ReadInfo(name, info, zip, strings, dates, locality);
        }

        var figures = new List<Figure>();
        FigureRows? rows = null;
        var currentRow = 0;
        var columns = new Dictionary<FigureField, int>();
        SourceLocation Locate(FigureField field) =>
            new(name, Path: string.Create(CultureInfo.InvariantCulture, $"{FigureSheet.Name}!{FigureSheet.Letters(columns.GetValueOrDefault(field))}{currentRow}"));
        ReadRows(name, FigureSheet.Name, figureSheet, zip, strings, dates, (number, cells) =>
        {
            currentRow = number;
            if (rows is null)
            {
                if (cells.All(c => c.Kind == CellKind.Empty))
                {
                    return;
                }

                columns = FigureRows.Columns(cells, new SourceLocation(name, Path: string.Create(CultureInfo.InvariantCulture, $"{FigureSheet.Name}!A{number}")));
                rows = new FigureRows(columns, Locate);
                return;
            }

            if (rows.Read(cells) is { } figure)
            {
                figures.Add(figure);
            }
        });

        return new Dataset
        {
            Locality = locality ?? throw new DataException(
                $"the workbook does not say which locality it is for (sheet '{FigureSheet.InfoSheet}', '{FigureSheet.LocalityLabel}'); add it, or give --locality",
                new SourceLocation(name)),
            Description = description,
            AsOf = asOf,
            Figures = figures,
            SourceFile = name,
        };
    }

    private static WorksheetPart? FindSheet(WorkbookPart workbook, List<Sheet> sheets, string wanted)
    {
        var sheet = sheets.FirstOrDefault(s => string.Equals(
            s.Name?.Value?.Trim().Normalize(System.Text.NormalizationForm.FormC), wanted, StringComparison.OrdinalIgnoreCase));
        return sheet?.Id?.Value is { } id && workbook.TryGetPartById(id, out var part) ? part as WorksheetPart : null;
    }

    private static (string? Locality, DateOnly? AsOf, string? Description) ReadInfo(
        string name, WorksheetPart info, ZipArchive zip, string[] strings, HashSet<int> dates, string? locality)
    {
        DateOnly? asOf = null;
        string? description = null;
        ReadRows(name, FigureSheet.InfoSheet, info, zip, strings, dates, (number, cells) =>
        {
            if (cells.Count < 2 || cells[0].Kind != CellKind.Text || cells[1].Kind == CellKind.Empty)
            {
                return;
            }

            var location = new SourceLocation(name, Path: string.Create(CultureInfo.InvariantCulture, $"{FigureSheet.InfoSheet}!B{number}"));
            var label = cells[0].Text;
            var value = cells[1];
            if (label.StartsWith(FigureSheet.LocalityLabel, StringComparison.OrdinalIgnoreCase))
            {
                locality = value.Text;
            }
            else if (label.StartsWith(FigureSheet.AsOfLabel, StringComparison.OrdinalIgnoreCase))
            {
                asOf = AsOf(value, location);
            }
            else if (label.StartsWith(FigureSheet.DescriptionLabel, StringComparison.OrdinalIgnoreCase))
            {
                description = value.Text;
            }
        });

        return (locality, asOf, description);
    }

    /// <summary>The as-of date: a date cell, or text 2025-12-31 or 31/12/2025, within <see cref="AsOfRange"/>.</summary>
    private static DateOnly AsOf(SheetCell cell, SourceLocation location)
    {
        DateOnly date;
        if (cell.Kind == CellKind.Date && double.TryParse(cell.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 0 and < 2958466)
        {
            date = DateOnly.FromDateTime(DateTime.FromOADate(serial));
        }
        else if (cell.Kind != CellKind.Text ||
                 !DateOnly.TryParseExact(cell.Text, ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            throw new DataException($"'{cell.Text}' is not a date: write the as-of date as 2025-12-31 (or 31/12/2025)", location);
        }

        return AsOfRange.Problem(date.Year, FormattableString.Invariant($"the as-of date ({date:yyyy-MM-dd})")) is { } problem ? throw new DataException(problem, location) : date;
    }

    /// <summary>Streams the rows of a sheet, each as its cells by column (empty cells filled in), with its row number.</summary>
    /// <remarks>The part is read from the zip entry itself when it can be: the package's own part stream is slower by half.</remarks>
    private static void ReadRows(string name, string sheetName, WorksheetPart sheet, ZipArchive zip, string[] strings, HashSet<int> dates, Action<int, List<SheetCell>> onRow)
    {
        using var stream = zip.GetEntry(sheet.Uri.OriginalString.TrimStart('/'))?.Open() ?? sheet.GetStream(FileMode.Open, FileAccess.Read);
        new SheetScanner(stream, name, sheetName).ReadRows(strings, dates, onRow);
    }

    /// <summary>
    /// Walks the child elements of the element the reader is on, at any depth, yielding with the reader on each; a child
    /// whose content a caller read (ReadInnerXml, Skip) is not read twice. Ends on the element's end (or on it, when empty).
    /// </summary>
    private static IEnumerable<bool> Children(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            yield break;
        }

        var depth = reader.Depth;
        reader.Read();
        while (!reader.EOF && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                var before = Position(reader);
                yield return true;

                // The caller may have read past the element: then the reader is already on the next node.
                if (Position(reader) == before)
                {
                    reader.Read();
                }

                continue;
            }

            reader.Read();
        }
    }

    private static (int Line, int Column) Position(XmlReader reader) =>
        reader is IXmlLineInfo info ? (info.LineNumber, info.LinePosition) : throw new InvalidOperationException("the XML reader keeps no positions");

    private static string[] ReadSharedStrings(string name, SharedStringTablePart? part)
    {
        if (part is null)
        {
            return [];
        }

        using var stream = part.GetStream(FileMode.Open, FileAccess.Read);
        using var reader = XmlReader.Create(stream, XmlSettings);
        var strings = new List<string>();
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "si")
            {
                continue;
            }

            if (strings.Count >= SpreadsheetLimits.MaxSharedStrings)
            {
                throw new DataException(FormattableString.Invariant($"the workbook holds more than {SpreadsheetLimits.MaxSharedStrings:N0} shared strings"), new SourceLocation(name, Path: "sharedStrings"));
            }

            var text = string.Empty;
            foreach (var _ in Children(reader))
            {
                // Text runs (<t>), but not phonetic readings (<rPh><t>).
                if (reader.LocalName == "rPh")
                {
                    reader.Skip();
                }
                else if (reader.LocalName == "t")
                {
                    text += reader.ReadElementContentAsString();
                    if (text.Length > SpreadsheetLimits.MaxCellCharacters)
                    {
                        throw new DataException(
                            FormattableString.Invariant($"shared string {strings.Count} holds more than {SpreadsheetLimits.MaxCellCharacters:N0} characters"), new SourceLocation(name, Path: "sharedStrings"));
                    }
                }
            }

            strings.Add(text);
        }

        return [.. strings];
    }

    /// <summary>The cell styles whose number format shows a date or time: a number in such a cell is a date.</summary>
    private static HashSet<int> DateStyles(WorkbookStylesPart? part)
    {
        var dates = new HashSet<int>();
        var stylesheet = part?.Stylesheet;
        if (stylesheet?.CellFormats is not { } formats)
        {
            return dates;
        }

        var custom = stylesheet.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId?.Value is not null)
            .GroupBy(f => f.NumberFormatId!.Value)
            .ToDictionary(g => g.Key, g => g.First().FormatCode?.Value ?? string.Empty) ?? [];
        var index = 0;
        foreach (var format in formats.Elements<CellFormat>())
        {
            var id = format.NumberFormatId?.Value ?? 0;
            if (id is >= 14 and <= 22 or >= 27 and <= 36 or >= 45 and <= 47 or >= 50 and <= 58 || (custom.TryGetValue(id, out var code) && IsDateFormat(code)))
            {
                dates.Add(index);
            }

            index++;
        }

        return dates;
    }

    /// <summary>Whether a number format code shows a date or time: d, m, y, h or s outside quotes, escapes and brackets.</summary>
    private static bool IsDateFormat(string code)
    {
        var quoted = false;
        var bracket = false;
        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c == '\\')
            {
                i++;
            }
            else if (!quoted && c == '[')
            {
                bracket = true;
            }
            else if (!quoted && c == ']')
            {
                bracket = false;
            }
            else if (!quoted && !bracket && char.ToLowerInvariant(c) is 'd' or 'm' or 'y' or 'h' or 's')
            {
                return true;
            }
        }

        return false;
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return (end < 0 ? message : message[..end]).TrimEnd('.');
    }
}
