using System.Globalization;
using System.Text;
using System.Text.Json;
using Targets.Core.Data;
using Targets.Core.Errors;
using Targets.Rules.Files;

namespace Targets.Rules.Serialization;

/// <summary>
/// The bytes of one JSON input with its name, checked for size, encoding and syntax before anything reads it. Errors
/// name the file and the line and column where the text goes wrong.
/// </summary>
internal sealed class JsonInput
{
    /// <summary>Inputs above this size are refused with a clear error rather than read into memory.</summary>
    public const long MaxBytes = 32L * 1024 * 1024;

    private JsonInput(string name, ReadOnlyMemory<byte> utf8)
    {
        Name = name;
        Utf8 = utf8;
    }

    public string Name { get; }

    public ReadOnlyMemory<byte> Utf8 { get; }

    public string Text => Encoding.UTF8.GetString(Utf8.Span);

    /// <summary>Reads a file through the one bounded, regular-file-only reader (<see cref="RegularFile"/>).</summary>
    public static JsonInput FromFile(string path, Func<string, Exception> error) =>
        FromBytes(path, RegularFile.ReadAll(path, MaxBytes, "inputs", error), error);

    public static JsonInput FromBytes(string name, ReadOnlyMemory<byte> bytes, Func<string, Exception> error)
    {
        if (bytes.Length > MaxBytes)
        {
            throw error(RegularFile.TooLarge(bytes.Length, MaxBytes, "inputs"));
        }

        var span = bytes.Span;
        if (span.Length >= 4 && ((span[0] == 0xFF && span[1] == 0xFE && span[2] == 0 && span[3] == 0) || (span[0] == 0 && span[1] == 0 && span[2] == 0xFE && span[3] == 0xFF)))
        {
            throw error("the file is UTF-32; save it as UTF-8");
        }

        if (span.Length >= 2 && ((span[0] == 0xFF && span[1] == 0xFE) || (span[0] == 0xFE && span[1] == 0xFF)))
        {
            throw error("the file is UTF-16; save it as UTF-8");
        }

        if (span.Length >= 2 && (span[0] == 0 || span[1] == 0))
        {
            // JSON text never holds a raw NUL, so one in the first two bytes is UTF-16 or UTF-32 written without a BOM.
            throw error("the file starts with NUL bytes, as UTF-16 or UTF-32 text does; save it as UTF-8");
        }

        if (span.Length >= 3 && span[0] == 0xEF && span[1] == 0xBB && span[2] == 0xBF)
        {
            bytes = bytes[3..];
        }

        if (bytes.IsEmpty)
        {
            throw error("the file is empty");
        }

        return new JsonInput(name, bytes);
    }

    /// <summary>
    /// Checks the syntax in one pass, refusing comments, trailing commas, nesting deeper than 64, duplicate keys, text
    /// that is not UTF-8, and numbers out of the range Targets reads; every refusal names the line and column (counted
    /// in characters, as an editor shows them) and the JSON path.
    /// </summary>
    public void CheckSyntax(Func<string, SourceLocation, Exception> error)
    {
        var span = Utf8.Span;
        var reader = new Utf8JsonReader(span, new JsonReaderOptions { MaxDepth = 64, CommentHandling = JsonCommentHandling.Disallow, AllowTrailingCommas = false });
        var frames = new Stack<SyntaxFrame>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        if (frames.Count == 0 && reader.TokenType != JsonTokenType.StartObject)
                        {
                            throw error("the top level must be a JSON object, not an array", At(span, reader.TokenStartIndex, "$"));
                        }

                        frames.Push(new SyntaxFrame(ValuePath(frames), reader.TokenType == JsonTokenType.StartArray));
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        frames.Pop();
                        break;
                    case JsonTokenType.PropertyName:
                        var frame = frames.Peek();
                        var name = ReadText(ref reader, span, frame.Path, error);
                        if (!frame.Names!.Add(name))
                        {
                            throw error($"the property '{name}' appears twice in the same object", At(span, reader.TokenStartIndex, $"{frame.Path}.{name}"));
                        }

                        frame.Name = name;
                        break;
                    default:
                        var path = ValuePath(frames);
                        if (frames.Count == 0)
                        {
                            throw error($"the top level must be a JSON object, not {Article(reader.TokenType)}", At(span, reader.TokenStartIndex, "$"));
                        }

                        if (reader.TokenType == JsonTokenType.String)
                        {
                            ReadText(ref reader, span, path, error);
                        }
                        else if (reader.TokenType == JsonTokenType.Number && NumberProblem(ref reader) is { } problem)
                        {
                            throw error(problem, At(span, reader.TokenStartIndex, path));
                        }

                        break;
                }
            }
        }
        catch (JsonException exception)
        {
            throw error($"malformed JSON: {FirstSentence(exception.Message)}", AtLine(span, exception.LineNumber ?? 0, exception.BytePositionInLine ?? 0, exception.Path));
        }
    }

    /// <summary>The largest magnitude of any number in an input: that of a figure (<see cref="FigureLimits"/>).</summary>
    public const decimal MaxMagnitude = FigureLimits.MaxMagnitude;

    /// <summary>The smallest magnitude of a non-zero number: that of a figure (<see cref="FigureLimits"/>).</summary>
    public const decimal MinMagnitude = FigureLimits.MinMagnitude;

    private static string? NumberProblem(ref Utf8JsonReader reader)
    {
        var text = Encoding.UTF8.GetString(reader.ValueSpan);
        var range = $"numbers lie between -{Grouped(MaxMagnitude)} and {Grouped(MaxMagnitude)} (10^15)";
        if (!reader.TryGetDecimal(out var value) || Math.Abs(value) > MaxMagnitude)
        {
            return $"the number {text} is out of range: {range}";
        }

        if (value == 0 ? reader.TryGetDouble(out var approximate) && approximate != 0 : Math.Abs(value) < MinMagnitude)
        {
            return $"the number {text} is too small: a non-zero number is at least {MinMagnitude.ToString(CultureInfo.InvariantCulture)} in size";
        }

        return null;
    }

    private static string Grouped(decimal value) => value.ToString("#,##0", CultureInfo.InvariantCulture);

    private string ReadText(ref Utf8JsonReader reader, ReadOnlySpan<byte> span, string path, Func<string, SourceLocation, Exception> error)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw error("the text is not valid UTF-8 (or escapes a lone surrogate); save the file as UTF-8", At(span, reader.TokenStartIndex, path));
        }
    }

    private static string ValuePath(Stack<SyntaxFrame> frames)
    {
        if (frames.Count == 0)
        {
            return "$";
        }

        var frame = frames.Peek();
        return frame.IsArray
            ? $"{frame.Path}[{(frame.NextIndex++).ToString(CultureInfo.InvariantCulture)}]"
            : $"{frame.Path}.{frame.Name}";
    }

    private SourceLocation At(ReadOnlySpan<byte> span, long offset, string path) => TextCursor.Locate(Name, span, offset, path);

    /// <summary>The location of a reader error: its zero-based line and byte position turned into a character column.</summary>
    private SourceLocation AtLine(ReadOnlySpan<byte> span, long line, long bytePosition, string? path)
    {
        var lineStart = 0;
        for (var i = 0L; i < line && lineStart < span.Length; i++)
        {
            var next = span[lineStart..].IndexOf((byte)'\n');
            lineStart = next < 0 ? span.Length : lineStart + next + 1;
        }

        var end = (int)Math.Min(span.Length, lineStart + bytePosition);
        return new SourceLocation(Name, line + 1, CharColumn(span[lineStart..end]), path);
    }

    private static long CharColumn(ReadOnlySpan<byte> lineBefore) => Encoding.UTF8.GetCharCount(lineBefore) + 1;

    private static string Article(JsonTokenType kind) => kind switch
    {
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        _ => kind.ToString().ToLowerInvariant(),
    };

    /// <summary>The location of a JSON path (<c>$.figures[3].value</c>), with its line and column.</summary>
    public SourceLocation Locate(string path) => JsonLocator.Locate(this, path);

    internal static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut < 0)
        {
            cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        }

        return (cut < 0 ? message : message[..cut]).TrimEnd('.', ' ');
    }
}

/// <summary>An object or array open during the syntax pass: its path, the next index, the keys seen so far.</summary>
internal sealed class SyntaxFrame(string path, bool isArray)
{
    public string Path { get; } = path;

    public bool IsArray { get; } = isArray;

    public int NextIndex { get; set; }

    public string? Name { get; set; }

    public HashSet<string>? Names { get; } = isArray ? null : new(StringComparer.Ordinal);
}

/// <summary>Finds the line and column of a JSON path by walking the document once; used only when reporting an error.</summary>
internal static class JsonLocator
{
    public static SourceLocation Locate(JsonInput input, string path)
    {
        var span = input.Utf8.Span;
        var reader = new Utf8JsonReader(span);
        var frames = new Stack<Frame>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        frames.Peek().Name = reader.GetString();
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        frames.Pop();
                        break;
                    default:
                        var here = NextPath(frames);
                        if (here == path)
                        {
                            return TextCursor.Locate(input.Name, span, reader.TokenStartIndex, path);
                        }

                        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                        {
                            frames.Push(new Frame(here, reader.TokenType == JsonTokenType.StartArray));
                        }

                        break;
                }
            }
        }
        catch (JsonException)
        {
            // A document that does not parse has already been reported with its own line; fall through to the path.
        }

        return new SourceLocation(input.Name, Path: path);
    }

    /// <summary>The locations of every element of the top-level array <paramref name="property"/>, in one pass.</summary>
    public static List<SourceLocation> LocateElements(JsonInput input, string property) => LocateElements(input, property, out _);

    /// <summary>
    /// The locations of every element of the top-level array <paramref name="property"/>, in one pass, and the bytes the
    /// line and column count examined: at most a few times the input's length, however the input is laid out (it used to
    /// recount each line from its start, quadratic on a dataset written on one line).
    /// </summary>
    public static List<SourceLocation> LocateElements(JsonInput input, string property, out long bytesScanned)
    {
        var span = input.Utf8.Span;
        var reader = new Utf8JsonReader(span);
        var found = new List<SourceLocation>();
        var cursor = new TextCursor(span);
        string? name = null;
        while (reader.Read())
        {
            if (reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.PropertyName)
            {
                name = reader.GetString();
            }
            else if (reader.CurrentDepth == 2 && name == property && reader.TokenType is not (JsonTokenType.EndArray or JsonTokenType.PropertyName))
            {
                cursor.MoveTo(reader.TokenStartIndex);
                found.Add(new SourceLocation(input.Name, cursor.Line, cursor.Column, $"$.{property}[{found.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)}]"));
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    reader.Skip();
                }
            }
        }

        bytesScanned = cursor.BytesScanned;
        return found;
    }

    private static string NextPath(Stack<Frame> frames)
    {
        if (frames.Count == 0)
        {
            return "$";
        }

        var frame = frames.Peek();
        return frame.IsArray
            ? $"{frame.Path}[{(frame.NextIndex++).ToString(System.Globalization.CultureInfo.InvariantCulture)}]"
            : $"{frame.Path}.{frame.Name}";
    }


    private sealed class Frame(string path, bool isArray)
    {
        public string Path { get; } = path;

        public bool IsArray { get; } = isArray;

        public int NextIndex { get; set; }

        public string? Name { get; set; }
    }
}

/// <summary>
/// A position that moves forward through UTF-8 text keeping its line and its column in characters (as an editor shows
/// them): each move examines only the bytes between the last position and the new one.
/// </summary>
internal ref struct TextCursor(ReadOnlySpan<byte> text)
{
    private readonly ReadOnlySpan<byte> _text = text;
    private int _offset;

    public long Line { get; private set; } = 1;

    public long Column { get; private set; } = 1;

    /// <summary>The bytes the counts have examined so far, each pass over a byte counted.</summary>
    public long BytesScanned { get; private set; }

    /// <summary>The location of one offset, counted from the start.</summary>
    public static SourceLocation Locate(string file, ReadOnlySpan<byte> text, long offset, string path)
    {
        var cursor = new TextCursor(text);
        cursor.MoveTo(offset);
        return new SourceLocation(file, cursor.Line, cursor.Column, path);
    }

    /// <summary>Moves forward to <paramref name="offset"/>, a character boundary at or after the current position.</summary>
    public void MoveTo(long offset)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(offset, _offset);
        var passed = _text[_offset..(int)offset];
        var lastNewline = passed.LastIndexOf((byte)'\n');
        BytesScanned += passed.Length - Math.Max(lastNewline, 0);
        if (lastNewline < 0)
        {
            Column += Encoding.UTF8.GetCharCount(passed);
            BytesScanned += passed.Length;
        }
        else
        {
            Line += passed.Count((byte)'\n');
            Column = Encoding.UTF8.GetCharCount(passed[(lastNewline + 1)..]) + 1;
            BytesScanned += passed.Length + (passed.Length - lastNewline - 1);
        }

        _offset = (int)offset;
    }
}
