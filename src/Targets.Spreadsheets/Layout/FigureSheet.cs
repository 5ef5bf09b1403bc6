namespace Targets.Spreadsheets.Layout;

/// <summary>One column of the figures sheet: its Vietnamese header, the JSON name a CSV file may use instead, and its field.</summary>
/// <param name="Header">The header as the template writes it.</param>
/// <param name="JsonName">The dataset JSON property it holds (a CSV header may be this).</param>
/// <param name="Field">What it holds.</param>
internal sealed record FigureColumn(string Header, string JsonName, FigureField Field);

/// <summary>What a column of the figures sheet holds.</summary>
internal enum FigureField
{
    Indicator,
    Name,
    Period,
    Value,
    Unit,
    AdminUnit,
    Boundary,
    Note,
}

/// <summary>
/// The layout the template writes and the readers expect: the sheets of the workbook and the columns of its figures
/// sheet, in template order. Readers find columns by header, so a user may move them.
/// </summary>
internal static class FigureSheet
{
    /// <summary>The sheet of figures.</summary>
    public const string Name = "Số liệu";

    /// <summary>The sheet of facts about the dataset: locality, as-of date, description.</summary>
    public const string InfoSheet = "Thông tin";

    /// <summary>The instructions sheet.</summary>
    public const string InstructionsSheet = "Hướng dẫn";

    /// <summary>The info sheet's labels (column A); the values are in column B.</summary>
    public const string LocalityLabel = "Địa phương (mã)";

    /// <summary>The label of the as-of date.</summary>
    public const string AsOfLabel = "Thời điểm số liệu (năm-tháng-ngày)";

    /// <summary>The label of the description.</summary>
    public const string DescriptionLabel = "Mô tả số liệu";

    /// <summary>The columns, in template order (A to H).</summary>
    public static IReadOnlyList<FigureColumn> Columns { get; } =
    [
        new("Mã chỉ số", "indicator", FigureField.Indicator),
        new("Chỉ số", "name", FigureField.Name),
        new("Kỳ", "period", FigureField.Period),
        new("Số liệu", "value", FigureField.Value),
        new("Đơn vị tính", "unit", FigureField.Unit),
        new("Đơn vị hành chính", "adminUnit", FigureField.AdminUnit),
        new("Địa giới", "boundary", FigureField.Boundary),
        new("Ghi chú", "note", FigureField.Note),
    ];

    /// <summary>The fields a figures sheet must have a column for.</summary>
    public static IReadOnlyList<FigureField> Required { get; } = [FigureField.Indicator, FigureField.Period, FigureField.Value];

    /// <summary>The column a header names (Vietnamese or JSON, case and surrounding spaces ignored), if any.</summary>
    public static FigureColumn? ColumnFor(string header)
    {
        var trimmed = header.Trim();
        return Columns.FirstOrDefault(c =>
            string.Equals(c.Header, trimmed, StringComparison.OrdinalIgnoreCase) || string.Equals(c.JsonName, trimmed, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>A column's letters from its zero-based index (0 → A, 26 → AA).</summary>
    public static string Letters(int index)
    {
        var letters = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }

        return letters;
    }
}
