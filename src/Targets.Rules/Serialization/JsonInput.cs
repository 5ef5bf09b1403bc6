using System.Text;
using System.Text.Json;
using Targets.Core.Errors;

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

    public static JsonInput FromFile(string path, Func<string, Exception> error)
    {
        FileInfo file;
        try
        {
            file = new FileInfo(path);
            if (!file.Exists)
            {
                throw error(Directory.Exists(path) ? "this is a folder, not a file" : "the file does not exist");
            }
        }
        catch (Exception exception) when (exception is ArgumentException or NotSupportedException or IOException or UnauthorizedAccessException)
        {
            throw error($"the path cannot be read ({exception.Message})");
        }

        if (file.Length > MaxBytes)
        {
            throw error($"the file is {file.Length / (1024 * 1024)} MB; inputs are limited to {MaxBytes / (1024 * 1024)} MB");
        }

        try
        {
            return FromBytes(path, File.ReadAllBytes(path), error);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw error($"the file cannot be read ({exception.Message})");
        }
    }

    public static JsonInput FromBytes(string name, ReadOnlyMemory<byte> bytes, Func<string, Exception> error)
    {
        if (bytes.Length > MaxBytes)
        {
            throw error($"the input is {bytes.Length / (1024 * 1024)} MB; inputs are limited to {MaxBytes / (1024 * 1024)} MB");
        }

        var span = bytes.Span;
        if (span.Length >= 2 && ((span[0] == 0xFF && span[1] == 0xFE) || (span[0] == 0xFE && span[1] == 0xFF)))
        {
            throw error("the file is UTF-16; save it as UTF-8");
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

    /// <summary>Checks the syntax, refusing comments, trailing commas and duplicate keys.</summary>
    public void CheckSyntax(Func<string, SourceLocation, Exception> error)
    {
        try
        {
            using var document = JsonDocument.Parse(Utf8, new JsonDocumentOptions { AllowDuplicateProperties = false, MaxDepth = 64 });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw error($"the top level must be a JSON object, not {Article(document.RootElement.ValueKind)}", new SourceLocation(Name, 1, 1, "$"));
            }
        }
        catch (JsonException exception)
        {
            throw error(
                $"malformed JSON: {FirstSentence(exception.Message)}",
                new SourceLocation(Name, (exception.LineNumber ?? 0) + 1, (exception.BytePositionInLine ?? 0) + 1, exception.Path));
        }
    }

    /// <summary>The location of a JSON path (<c>$.figures[3].value</c>), with its line and column.</summary>
    public SourceLocation Locate(string path) => JsonLocator.Locate(this, path);

    private static string Article(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        _ => kind.ToString().ToLowerInvariant(),
    };

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
                            return At(input, span, reader.TokenStartIndex, path);
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
    public static List<SourceLocation> LocateElements(JsonInput input, string property)
    {
        var span = input.Utf8.Span;
        var reader = new Utf8JsonReader(span);
        var found = new List<SourceLocation>();
        var line = 1;
        var lineStart = 0L;
        var scanned = 0L;
        string? name = null;
        while (reader.Read())
        {
            if (reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.PropertyName)
            {
                name = reader.GetString();
            }
            else if (reader.CurrentDepth == 2 && name == property && reader.TokenType is not (JsonTokenType.EndArray or JsonTokenType.PropertyName))
            {
                var offset = reader.TokenStartIndex;
                for (; scanned < offset; scanned++)
                {
                    if (span[(int)scanned] == (byte)'\n')
                    {
                        line++;
                        lineStart = scanned + 1;
                    }
                }

                var column = Encoding.UTF8.GetCharCount(span[(int)lineStart..(int)offset]) + 1;
                found.Add(new SourceLocation(input.Name, line, column, $"$.{property}[{found.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)}]"));
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    reader.Skip();
                }
            }
        }

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

    private static SourceLocation At(JsonInput input, ReadOnlySpan<byte> span, long offset, string path)
    {
        var before = span[..(int)offset];
        var line = before.Count((byte)'\n') + 1;
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        var column = Encoding.UTF8.GetCharCount(before[lineStart..]) + 1;
        return new SourceLocation(input.Name, line, column, path);
    }

    private sealed class Frame(string path, bool isArray)
    {
        public string Path { get; } = path;

        public bool IsArray { get; } = isArray;

        public int NextIndex { get; set; }

        public string? Name { get; set; }
    }
}
