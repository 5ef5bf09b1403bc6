using Targets.Core.Data;
using Targets.Core.Errors;
using Targets.Rules.Serialization;

namespace Targets.Spreadsheets.Reading;

/// <summary>A dataset file of any kind Targets reads, told apart by its extension: .json, .xlsx or .csv.</summary>
public static class DatasetFile
{
    /// <summary>Reads a dataset file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="locality">The locality, when the file does not say (a CSV file never does).</param>
    /// <exception cref="DataException">The file is missing, of an unknown kind, malformed, or holds what cannot be a figure.</exception>
    public static Dataset Read(string path, string? locality = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var extension = Path.GetExtension(path).ToLowerInvariant();
        return extension switch
        {
            ".json" => DatasetReader.ReadFile(path),
            ".xlsx" => XlsxDatasetReader.Read(path, ReadBounded(path), locality),
            ".csv" => CsvDatasetReader.Read(path, ReadBounded(path), locality),
            ".xls" => throw new DataException("the file is an old .xls workbook; save it as .xlsx", new SourceLocation(path)),
            _ => throw new DataException($"the data file's kind '{extension}' is not read: give a .json, .xlsx or .csv file", new SourceLocation(path)),
        };
    }

    /// <summary>The file's bytes, refusing a folder, a missing file, and more than <see cref="SpreadsheetLimits.MaxFileBytes"/>.</summary>
    private static byte[] ReadBounded(string path)
    {
        var location = new SourceLocation(path);
        try
        {
            if (Directory.Exists(path))
            {
                throw new DataException("this is a folder, not a file", location);
            }

            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
            if (stream.CanSeek && stream.Length > SpreadsheetLimits.MaxFileBytes)
            {
                throw new DataException(TooLarge(stream.Length), location);
            }

            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > SpreadsheetLimits.MaxFileBytes)
                {
                    throw new DataException(TooLarge(null), location);
                }
            }

            return buffer.ToArray();
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new DataException("the file does not exist", location);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new DataException($"the file cannot be read ({exception.Message})", location);
        }
    }

    private static string TooLarge(long? length) =>
        length is { } known
            ? FormattableString.Invariant($"the file is {known:N0} bytes; data files are limited to {SpreadsheetLimits.MaxFileBytes:N0} bytes")
            : FormattableString.Invariant($"the file is larger than the limit of {SpreadsheetLimits.MaxFileBytes:N0} bytes");
}
