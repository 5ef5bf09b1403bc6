using System.Globalization;

namespace Targets.Core.Periods;

/// <summary>
/// The years an assessment may stand at: an as-of date (a dataset's <c>asOf</c>, the command line's <c>--year</c>, an
/// <c>EvaluationOptions.AsOf</c>) lies in 1900–2100. One range for every way of giving it, so that "năm 23" or "năm 0"
/// is refused the same way wherever it comes from.
/// </summary>
public static class AsOfRange
{
    /// <summary>The first year an assessment may stand at.</summary>
    public const int FirstYear = 1900;

    /// <summary>The last year an assessment may stand at.</summary>
    public const int LastYear = 2100;

    /// <summary>Whether <paramref name="year"/> lies in the range.</summary>
    public static bool Contains(int year) => year is >= FirstYear and <= LastYear;

    /// <summary>Whether <paramref name="date"/>'s year lies in the range.</summary>
    public static bool Contains(DateOnly date) => Contains(date.Year);

    /// <summary>
    /// Why <paramref name="text"/> (as written, for the message) is out of range: "the year 23 is outside 1900–2100 …",
    /// or null when <paramref name="year"/> is in range.
    /// </summary>
    public static string? Problem(int year, string text) =>
        Contains(year)
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"{text} is outside the years an assessment may stand at ({FirstYear} to {LastYear}); write the year in full, e.g. 2023");
}
