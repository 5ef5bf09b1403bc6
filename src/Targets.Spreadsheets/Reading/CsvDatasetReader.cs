using System.Globalization;
using System.Text;
using CsvHelper;
using Targets.Core.Data;
using Targets.Core.Errors;
using Targets.Spreadsheets.Layout;

namespace Targets.Spreadsheets.Reading;

/// <summary>
/// Reads figures from CSV (UTF-8; comma, semicolon or tab), with the figures sheet's headers (Vietnamese, or the dataset
/// JSON's names). A CSV file holds no locality or as-of date: the locality is given by the caller.
/// </summary>
public static class CsvDatasetReader
{
    /// <summary>Reads a CSV file's figures.</summary>
    /// <param name="name">The name to cite in errors.</param>
    /// <param name="bytes">The file's bytes.</param>
    /// <param name="locality">The locality the figures are for (a CSV file does not say).</param>
    /// <exception cref="DataException">The file is not UTF-8 CSV, breaks a limit, or a field cannot be a figure.</exception>
    public static Dataset Read(string name, ReadOnlyMemory<byte> bytes, string? locality)
    {
        var file = new SourceLocation(name);
        if (locality is null)
        {
            throw new DataException("a CSV file does not say which locality its figures are for: give --locality", file);
        }

        string text;
        try
        {
            var span = bytes.Span;
            var bom = span.Length >= 3 && span[0] == 0xEF && span[1] == 0xBB && span[2] == 0xBF ? 3 : 0;
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(span[bom..]);
        }
        catch (DecoderFallbackException)
        {
            throw new DataException("the file is not UTF-8 text; save the CSV as UTF-8", file);
        }

        var options = new CsvReaderOptions
        {
            HasHeader = true,
            TrimWhitespace = true,
            TrackLineNumbers = true,
            MalformedData = CsvMalformedDataHandling.Throw,
            MaxRecordSize = SpreadsheetLimits.MaxCellCharacters * 16,
            FormatProvider = CultureInfo.InvariantCulture,
        };

        var figures = new List<Figure>();
        try
        {
            using var reader = CsvReader.FromText(text, options);
            var headers = reader.Headers;
            if (headers.Count == 0)
            {
                throw new DataException("the file is empty: expected a header row and one figure per line", file);
            }

            var columns = FigureRows.Columns([.. headers.Select(SheetCell.OfText)], new SourceLocation(name, 1));
            var line = 1L;
            var rows = new FigureRows(columns, field => new SourceLocation(
                name, line, Path: $"column '{(columns.TryGetValue(field, out var i) && i < headers.Count ? headers[i] : FigureSheet.Columns.First(c => c.Field == field).JsonName)}'"));
            var cells = new List<SheetCell>(headers.Count);
            while (reader.Read())
            {
                line = reader.LineNumber;
                if (reader.RowNumber > SpreadsheetLimits.MaxRows)
                {
                    throw new DataException(FormattableString.Invariant($"the file has more than {SpreadsheetLimits.MaxRows:N0} rows of figures"), new SourceLocation(name, line));
                }

                cells.Clear();
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var field = reader.GetString(i);
                    cells.Add(field.Length <= SpreadsheetLimits.MaxCellCharacters
                        ? SheetCell.OfText(field)
                        : throw new DataException(FormattableString.Invariant($"a field holds {field.Length:N0} characters; a field holds at most {SpreadsheetLimits.MaxCellCharacters:N0}"), new SourceLocation(name, line)));
                }

                if (rows.Read(cells) is { } figure)
                {
                    figures.Add(figure);
                }
            }
        }
        catch (CsvFormatException exception)
        {
            throw new DataException($"malformed CSV: {FirstLine(exception.Message)}", new SourceLocation(name, exception.LineNumber > 0 ? exception.LineNumber : null));
        }

        return new Dataset { Locality = locality, Figures = figures, SourceFile = name };
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}
