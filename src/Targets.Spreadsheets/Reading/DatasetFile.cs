using Targets.Core.Data;
using Targets.Core.Errors;
using Targets.Rules.Files;
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

    /// <summary>The file's bytes, through the one bounded, regular-file-only reader (<see cref="RegularFile"/>).</summary>
    private static byte[] ReadBounded(string path) =>
        RegularFile.ReadAll(path, SpreadsheetLimits.MaxFileBytes, "data files", problem => new DataException(problem, new SourceLocation(path)));
}
