using System.Globalization;
using System.Text.Json;
using Targets.Core.Errors;

namespace Targets.Reports.Word.Settings;

/// <summary>
/// What the report's heading needs and the figures cannot tell: the issuing body (cơ quan ban hành), the body above it
/// (cơ quan chủ quản), the place name of the date line (địa danh) and the recipients (nơi nhận). Anything left out stays a
/// visible placeholder in the document. Read from a small JSON file (<c>{ "issuer": "…", "parentIssuer": "…",
/// "place": "…", "recipients": ["…"] }</c>) and checked as untrusted input.
/// </summary>
public sealed record ReportSettings
{
    /// <summary>The largest settings file read.</summary>
    public const int MaxFileBytes = 64 * 1024;

    /// <summary>The longest value accepted, in characters.</summary>
    public const int MaxValueLength = 200;

    /// <summary>The most recipients accepted.</summary>
    public const int MaxRecipients = 30;

    /// <summary>No settings: every value is a placeholder.</summary>
    public static ReportSettings Empty { get; } = new();

    /// <summary>The issuing body (<c>Ban Chỉ đạo 138 thành phố Cần Thơ</c>); null for a placeholder.</summary>
    public string? Issuer { get; init; }

    /// <summary>The body the issuer belongs to (cơ quan chủ quản), if any; null to leave the line out.</summary>
    public string? ParentIssuer { get; init; }

    /// <summary>The place name written before the date (<c>Cần Thơ</c>); null for a placeholder.</summary>
    public string? Place { get; init; }

    /// <summary>The recipients, one per line of the “Nơi nhận” block (the archive line “Lưu: VT” is always added).</summary>
    public IReadOnlyList<string> Recipients { get; init; } = [];

    /// <summary>These settings with the values given on the command line (or by a caller) taking precedence.</summary>
    /// <param name="issuer">The issuing body, or null to keep this one.</param>
    /// <param name="parentIssuer">The parent body, or null to keep this one.</param>
    /// <param name="place">The place name, or null to keep this one.</param>
    /// <exception cref="ReportSettingsException">A value is empty, too long or holds control characters.</exception>
    public ReportSettings With(string? issuer, string? parentIssuer, string? place) => this with
    {
        Issuer = issuer is null ? Issuer : Checked(issuer, new SourceLocation("--issuer")),
        ParentIssuer = parentIssuer is null ? ParentIssuer : Checked(parentIssuer, new SourceLocation("--parent-issuer")),
        Place = place is null ? Place : Checked(place, new SourceLocation("--place")),
    };

    /// <summary>Reads settings from a JSON file.</summary>
    /// <param name="path">The file.</param>
    /// <exception cref="ReportSettingsException">The file is missing, not a regular file, too large, malformed, or holds a bad value.</exception>
    public static ReportSettings ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var location = new SourceLocation(path);
        FileInfo file;
        try
        {
            file = new FileInfo(path);
        }
        catch (Exception exception) when (exception is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new ReportSettingsException("the path cannot be read", location);
        }

        if (Directory.Exists(path))
        {
            throw new ReportSettingsException("this is a folder, not a file", location);
        }

        if (!file.Exists)
        {
            throw new ReportSettingsException("the file does not exist", location);
        }

        // A FIFO, a device or a /proc file reports no length: refusing an empty length before opening means such a file is
        // never opened (opening a FIFO blocks) nor read without end.
        if (file.Length == 0)
        {
            throw new ReportSettingsException("the file is empty or not a regular file", location);
        }

        if (file.Length > MaxFileBytes)
        {
            throw new ReportSettingsException($"the file is {file.Length.ToString(CultureInfo.InvariantCulture)} bytes; settings files are at most {MaxFileBytes.ToString(CultureInfo.InvariantCulture)} bytes", location);
        }

        byte[] bytes;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
            bytes = new byte[MaxFileBytes + 1];
            var total = 0;
            int read;
            while (total < bytes.Length && (read = stream.Read(bytes, total, bytes.Length - total)) > 0)
            {
                total += read;
            }

            if (total > MaxFileBytes)
            {
                throw new ReportSettingsException($"the file is larger than {MaxFileBytes.ToString(CultureInfo.InvariantCulture)} bytes", location);
            }

            Array.Resize(ref bytes, total);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new ReportSettingsException($"the file cannot be read ({exception.Message})", location);
        }

        return Read(path, bytes);
    }

    /// <summary>Reads settings from UTF-8 JSON.</summary>
    /// <param name="name">The name to cite in errors.</param>
    /// <param name="utf8">The JSON.</param>
    /// <exception cref="ReportSettingsException">The JSON is malformed or holds a bad value.</exception>
    public static ReportSettings Read(string name, ReadOnlySpan<byte> utf8)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (utf8.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            utf8 = utf8[3..];
        }

        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(utf8.ToArray(), new JsonDocumentOptions { MaxDepth = 4 });
        }
        catch (JsonException exception)
        {
            var line = exception.LineNumber is { } l ? l + 1 : (long?)null;
            var column = exception.BytePositionInLine is { } c ? c + 1 : (long?)null;
            throw new ReportSettingsException("not valid JSON", new SourceLocation(name, line, column));
        }

        using (json)
        {
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new ReportSettingsException("expected an object { \"issuer\", \"parentIssuer\", \"place\", \"recipients\" }", new SourceLocation(name, Path: "$"));
            }

            var settings = new ReportSettings();
            foreach (var property in root.EnumerateObject())
            {
                var at = new SourceLocation(name, Path: "$." + property.Name);
                settings = property.Name switch
                {
                    "issuer" => settings with { Issuer = String(property.Value, at) },
                    "parentIssuer" => settings with { ParentIssuer = String(property.Value, at) },
                    "place" => settings with { Place = String(property.Value, at) },
                    "recipients" => settings with { Recipients = Strings(property.Value, at) },
                    _ => throw new ReportSettingsException($"unknown setting '{Printable(property.Name)}' (expected issuer, parentIssuer, place, recipients)", new SourceLocation(name, Path: "$")),
                };
            }

            return settings;
        }
    }

    private static string String(JsonElement value, SourceLocation at) =>
        value.ValueKind == JsonValueKind.String ? Checked(value.GetString()!, at) : throw new ReportSettingsException("expected a string", at);

    private static List<string> Strings(JsonElement value, SourceLocation at)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw new ReportSettingsException("expected an array of strings", at);
        }

        if (value.GetArrayLength() > MaxRecipients)
        {
            throw new ReportSettingsException($"at most {MaxRecipients.ToString(CultureInfo.InvariantCulture)} recipients", at);
        }

        return [.. value.EnumerateArray().Select((item, i) => String(item, at with { Path = $"{at.Path}[{i.ToString(CultureInfo.InvariantCulture)}]" }))];
    }

    /// <summary>A value as the document will print it: trimmed, not empty, not too long, without control characters.</summary>
    private static string Checked(string value, SourceLocation at)
    {
        var trimmed = value.Trim();
        if (trimmed.Length == 0)
        {
            throw new ReportSettingsException("the value is empty", at);
        }

        if (trimmed.Length > MaxValueLength)
        {
            throw new ReportSettingsException($"the value is {trimmed.Length.ToString(CultureInfo.InvariantCulture)} characters; at most {MaxValueLength.ToString(CultureInfo.InvariantCulture)}", at);
        }

        if (trimmed.Any(c => char.IsControl(c) || char.IsSurrogate(c) || c is '\u2028' or '\u2029'))
        {
            throw new ReportSettingsException("the value holds a control character, a line break or a character outside the basic plane", at);
        }

        return trimmed;
    }

    /// <summary>A name from the file as it may be printed in an error line: control characters shown as <c>?</c>, cut short.</summary>
    private static string Printable(string name)
    {
        var cleaned = new string([.. name.Take(40).Select(c => char.IsControl(c) ? '?' : c)]);
        return name.Length > 40 ? cleaned + "…" : cleaned;
    }
}
