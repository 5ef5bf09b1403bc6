namespace Targets.Spreadsheets.Reading;

/// <summary>What a cell holds, as far as reading figures is concerned.</summary>
internal enum CellKind
{
    Empty,
    Text,
    Number,
    Date,
    Boolean,
    Error,
    Formula,
}

/// <summary>One cell as read: its kind and its text (the number as stored, the string, the formula).</summary>
/// <param name="Kind">What it holds.</param>
/// <param name="Text">Its content as text.</param>
internal readonly record struct SheetCell(CellKind Kind, string Text)
{
    public static SheetCell Empty { get; } = new(CellKind.Empty, string.Empty);

    /// <summary>A text cell, or empty when the text is blank.</summary>
    public static SheetCell OfText(string? text) =>
        string.IsNullOrWhiteSpace(text) ? Empty : new SheetCell(CellKind.Text, text.Trim());
}
