using System.Globalization;
using Targets.Core.Data;
using Targets.Core.Errors;
using Targets.Core.Indicators;
using Targets.Core.Periods;
using Targets.Spreadsheets.Layout;

namespace Targets.Spreadsheets.Reading;

/// <summary>
/// Turns the cells of one row of a figures sheet (or CSV line) into a figure, refusing what is not a figure with the cell
/// and what is wrong. Only the form is checked here (an id, a period, a number); what a figure means (a known indicator,
/// a count not below zero, a share within 0–100, no contradictions) is checked by <see cref="FigureTable"/>, as for JSON.
/// </summary>
internal sealed class FigureRows
{
    private readonly IReadOnlyDictionary<FigureField, int> _columns;
    private readonly (FigureField Field, int Index)[] _checked;
    private readonly Func<FigureField, SourceLocation> _locate;

    // A sheet names the same few indicators and periods on every row: each is parsed once.
    private readonly Dictionary<string, IndicatorId> _ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ReportingPeriod> _periods = new(StringComparer.Ordinal);

    /// <param name="columns">The index of each field's column in a row.</param>
    /// <param name="locate">Where a field of the current row is, for errors (<c>Số liệu!D14</c>, or a CSV line).</param>
    public FigureRows(IReadOnlyDictionary<FigureField, int> columns, Func<FigureField, SourceLocation> locate)
    {
        _columns = columns;
        _checked = [.. columns.Where(c => c.Key != FigureField.Name).Select(c => (c.Key, c.Value))];
        _locate = locate;
    }

    /// <summary>The columns of each field from a header row, refusing a sheet without the required ones.</summary>
    /// <exception cref="DataException">A required column is missing, or named twice.</exception>
    public static Dictionary<FigureField, int> Columns(IReadOnlyList<SheetCell> header, SourceLocation where)
    {
        var columns = new Dictionary<FigureField, int>();
        for (var i = 0; i < header.Count; i++)
        {
            if (header[i].Kind == CellKind.Text && FigureSheet.ColumnFor(header[i].Text) is { } column && !columns.TryAdd(column.Field, i))
            {
                throw new DataException($"the column '{column.Header}' appears twice in the header row", where);
            }
        }

        var missing = FigureSheet.Required.Where(field => !columns.ContainsKey(field)).ToList();
        return missing.Count == 0
            ? columns
            : throw new DataException(
                $"the header row has no column {string.Join(", ", missing.Select(f => $"'{FigureSheet.Columns.First(c => c.Field == f).Header}'"))}: " +
                $"expected the headers of the template ({string.Join(", ", FigureSheet.Columns.Select(c => c.Header))}) or their JSON names ({string.Join(", ", FigureSheet.Columns.Select(c => c.JsonName))})",
                where);
    }

    /// <summary>The figure a row holds, or null for a row left empty or whose value is not filled in.</summary>
    /// <exception cref="DataException">A cell holds what its column cannot (a formula, a date for a number, a malformed id or period).</exception>
    public Figure? Read(IReadOnlyList<SheetCell> row)
    {
        SheetCell Cell(FigureField field) => _columns.TryGetValue(field, out var i) && i < row.Count ? row[i] : SheetCell.Empty;
        foreach (var (field, index) in _checked)
        {
            if (index < row.Count && row[index].Kind == CellKind.Formula)
            {
                throw new DataException(
                    $"the cell holds a formula (={row[index].Text}); enter the figure itself (copy, then paste as values)", _locate(field));
            }
        }

        var value = Cell(FigureField.Value);
        var indicator = Cell(FigureField.Indicator);
        if (value.Kind == CellKind.Empty)
        {
            return null;
        }

        if (indicator.Kind == CellKind.Empty)
        {
            throw new DataException("the row has a figure but no indicator id (column 'Mã chỉ số')", _locate(FigureField.Indicator));
        }

        var id = indicator.Text;
        if (!_ids.TryGetValue(id, out var indicatorId))
        {
            _ids[id] = indicatorId = indicator.Kind == CellKind.Text && IndicatorId.IsValid(id)
                ? new IndicatorId(id)
                : throw new DataException($"'{id}' is not an indicator id: expected dotted lower-case segments such as 'crime.social-order.cases'", _locate(FigureField.Indicator));
        }

        var location = _locate(FigureField.Value);
        return new Figure(
            indicatorId,
            Period(Cell(FigureField.Period)),
            Number(value, location),
            Text(Cell(FigureField.AdminUnit)),
            Text(Cell(FigureField.Note)),
            location,
            Text(Cell(FigureField.Unit)),
            Text(Cell(FigureField.Boundary)));
    }

    private ReportingPeriod Period(SheetCell cell)
    {
        SourceLocation Location() => _locate(FigureField.Period);
        switch (cell.Kind)
        {
            case CellKind.Empty:
                throw new DataException("the row has no period (column 'Kỳ'): write 2025, 2025-H1, 2025-Q2 or 2021/2025", Location());
            case CellKind.Date:
                throw new DataException("the period is a date; write it as text: a year '2025', a half '2025-H1', a quarter '2025-Q2' or a span '2021/2025'", Location());
            case CellKind.Number when int.TryParse(cell.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var year):
                return ReportingPeriod.TryParse(year.ToString(CultureInfo.InvariantCulture), out var asYear, out var yearProblem)
                    ? asYear
                    : throw new DataException(yearProblem, Location());
            default:
                if (!_periods.TryGetValue(cell.Text, out var period))
                {
                    _periods[cell.Text] = period = ReportingPeriod.TryParse(cell.Text, out var parsed, out var problem) ? parsed : throw new DataException(problem, Location());
                }

                return period;
        }
    }

    /// <summary>A figure's value: a number cell, or text that is a plain number ('.' for decimals, no thousands separators).</summary>
    private static decimal Number(SheetCell cell, SourceLocation location) => cell.Kind switch
    {
        CellKind.Number => decimal.TryParse(cell.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new DataException($"the number {cell.Text} is out of range: numbers lie between -1,000,000,000,000,000 and 1,000,000,000,000,000 (10^15)", location),
        CellKind.Text => IsPlainNumber(cell.Text) && decimal.TryParse(cell.Text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var typed)
            ? typed
            : throw new DataException(
                $"'{Shorten(cell.Text)}' is not a number: write digits with '.' for decimals and no thousands separators (1051, 44.7)", location),
        CellKind.Date => throw new DataException($"the cell is formatted as a date ({cell.Text}); a figure is a number: format the cell as a number", location),
        CellKind.Boolean => throw new DataException($"the cell holds {(cell.Text == "1" ? "TRUE" : "FALSE")}, not a number", location),
        CellKind.Error => throw new DataException($"the cell holds the error value {cell.Text}, not a number", location),
        _ => throw new DataException("the cell holds no number", location),
    };

    private static bool IsPlainNumber(string text)
    {
        var digits = 0;
        var points = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else if (c == '.' && points++ == 0)
            {
                continue;
            }
            else if (!(c is '-' or '+' && i == 0))
            {
                return false;
            }
        }

        return digits > 0 && digits <= 28;
    }

    private static string? Text(SheetCell cell) => cell.Kind == CellKind.Empty ? null : cell.Text;

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
