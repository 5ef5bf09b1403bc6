namespace Targets.Spreadsheets.Reading;

/// <summary>
/// The bounds a data file must keep. A hostile file (a zip bomb, a sheet of millions of rows, a shared-string table that
/// would fill the memory) is refused with one line as soon as it passes one, before more is read.
/// </summary>
public static class SpreadsheetLimits
{
    /// <summary>The largest data file read (.xlsx or .csv), in bytes: 64 MB.</summary>
    public const long MaxFileBytes = 64L * 1024 * 1024;

    /// <summary>The most parts (zip entries) a workbook may have; a real one has a few dozen.</summary>
    public const int MaxParts = 1_000;

    /// <summary>The most all parts may expand to, as the zip declares them: 1 GB.</summary>
    public const long MaxExpandedBytes = 1024L * 1024 * 1024;

    /// <summary>
    /// The highest expansion ratio of a large part (over <see cref="RatioCheckedAbove"/>); sheet XML compresses about
    /// 10 to 20 times, a zip bomb thousands of times.
    /// </summary>
    public const int MaxCompressionRatio = 250;

    /// <summary>Parts smaller than this (16 MB expanded) are not checked for their ratio.</summary>
    public const long RatioCheckedAbove = 16L * 1024 * 1024;

    /// <summary>The most characters read from one XML part, whatever the zip declares (a lying header stops here).</summary>
    public const long MaxPartCharacters = 768L * 1024 * 1024;

    /// <summary>The most rows of figures: a sheet's own limit in Excel.</summary>
    public const int MaxRows = 1_048_576;

    /// <summary>The most columns read from a row; further cells are ignored.</summary>
    public const int MaxColumns = 32;

    /// <summary>The most shared strings a workbook may hold.</summary>
    public const int MaxSharedStrings = 2_000_000;

    /// <summary>The longest text of one cell: Excel's own limit.</summary>
    public const int MaxCellCharacters = 32_767;
}
