using System.Globalization;
using Targets.Core.Periods;

namespace Targets.Core.Formatting;

/// <summary>
/// Numbers, percentages, dates and periods as Vietnamese reports write them (1.051; 44,7%; ngày 16 tháng 12 năm 2021),
/// whatever the machine's culture: the format is built here, not taken from the operating system.
/// </summary>
public static class VietnameseFormat
{
    private static readonly NumberFormatInfo Numbers = new()
    {
        NumberDecimalSeparator = ",",
        NumberGroupSeparator = ".",
        NumberGroupSizes = [3],
        NegativeSign = "-",
        NumberNegativePattern = 1,
    };

    private static readonly string[] Roman = ["I", "II", "III", "IV"];

    // Standard "N" formats with the Vietnamese separators: a custom pattern ("#,##0.#") is parsed again on every call,
    // and a national batch formats millions of numbers. SignificantDecimals gives what "at most" leaves.
    private static readonly string[] Fixed = ["N0", "N1", "N2", "N3", "N4", "N5", "N6"];

    /// <summary>A number with thousands dots and at most <paramref name="maxDecimals"/> decimals (1.051; 12,5).</summary>
    public static string Number(decimal value, int maxDecimals = 1)
    {
        // Most numbers are counts: a whole number has nothing to round and no decimals to write.
        if (value.Scale == 0)
        {
            return value.ToString(Fixed[0], Numbers);
        }

        var rounded = Math.Round(value, maxDecimals, MidpointRounding.AwayFromZero);
        return rounded.ToString(FormatOf(SignificantDecimals(rounded, maxDecimals)), Numbers);
    }

    /// <summary>
    /// A percentage with exactly <paramref name="decimals"/> decimals (68,0%), or with a trailing zero dropped when
    /// <paramref name="dropTrailingZeros"/> (74%; 44,7%) as some documents write them.
    /// </summary>
    public static string Percent(decimal value, int decimals = 1, bool dropTrailingZeros = false)
    {
        var rounded = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        return rounded.ToString(FormatOf(dropTrailingZeros ? SignificantDecimals(rounded, decimals) : decimals), Numbers) + "%";
    }

    /// <summary>A date as <c>16/12/2021</c>.</summary>
    public static string ShortDate(DateOnly date) =>
        date.ToString("dd'/'MM'/'yyyy", CultureInfo.InvariantCulture);

    /// <summary>A date as <c>ngày 16 tháng 12 năm 2021</c>.</summary>
    public static string LongDate(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"ngày {date.Day:00} tháng {date.Month:00} năm {date.Year}");

    private static readonly PeriodTextMemo PeriodWords = new(WritePeriod);

    /// <summary>A period as a report names it: năm 2023; 6 tháng đầu năm 2023; quý II năm 2023; giai đoạn 2016 - 2020.</summary>
    public static string Period(ReportingPeriod period) => PeriodWords.Of(period);

    private static string WritePeriod(ReportingPeriod period) => period.Kind switch
    {
        PeriodKind.Year => string.Create(CultureInfo.InvariantCulture, $"năm {period.StartYear}"),
        PeriodKind.Half => string.Create(CultureInfo.InvariantCulture, $"6 tháng {(period.Part == 1 ? "đầu" : "cuối")} năm {period.StartYear}"),
        PeriodKind.Quarter => string.Create(CultureInfo.InvariantCulture, $"quý {Roman[period.Part - 1]} năm {period.StartYear}"),
        PeriodKind.Month => string.Create(CultureInfo.InvariantCulture, $"tháng {period.Part} năm {period.StartYear}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"giai đoạn {period.StartYear} - {period.EndYear}"),
    };

    /// <summary>Text with its first letter in lower case, to run on inside a sentence (<c>Số vụ …</c> → <c>số vụ …</c>).</summary>
    public static string LowerFirst(string text) =>
        text.Length == 0 || char.IsLower(text[0]) ? text : string.Concat(char.ToLowerInvariant(text[0]).ToString(), text.AsSpan(1));

    /// <summary>Text with its first letter in upper case, to start a sentence.</summary>
    public static string UpperFirst(string text) =>
        text.Length == 0 || char.IsUpper(text[0]) ? text : string.Concat(char.ToUpperInvariant(text[0]).ToString(), text.AsSpan(1));

    /// <summary>
    /// A percentage beside the threshold it is judged against, with as many decimals (one to four) as it takes to tell it
    /// apart from the threshold: 80,03% beside “trên 80%”, never a misleading 80,0%. A value equal to the threshold keeps one.
    /// </summary>
    public static string PercentApart(decimal value, decimal threshold)
    {
        var decimals = 1;
        while (decimals < 4 && value != threshold && Math.Round(value, decimals, MidpointRounding.AwayFromZero) == threshold)
        {
            decimals++;
        }

        return Percent(value, decimals);
    }

    /// <summary>A measured quantity with its unit: <c>1.051 vụ</c>, <c>68,0%</c>.</summary>
    public static string Quantity(decimal value, string unit) =>
        unit == "%" ? Percent(value) : $"{Number(value)} {unit}";

    /// <summary>A threshold as a document writes it, without padding zeros: <c>90%</c>, <c>2,5%</c>, <c>550 hồ sơ</c>.</summary>
    public static string Threshold(decimal value, string unit) =>
        unit == "%" ? Percent(value, 2, dropTrailingZeros: true) : $"{Number(value, 2)} {unit}";

    /// <summary>The fewest decimals (at most <paramref name="max"/>) that write <paramref name="rounded"/> exactly.</summary>
    private static int SignificantDecimals(decimal rounded, int max)
    {
        var decimals = 0;
        while (decimals < max && Math.Round(rounded, decimals, MidpointRounding.AwayFromZero) != rounded)
        {
            decimals++;
        }

        return decimals;
    }

    private static string FormatOf(int decimals) =>
        decimals < Fixed.Length ? Fixed[decimals] : "N" + decimals.ToString(CultureInfo.InvariantCulture);
}
