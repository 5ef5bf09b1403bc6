using System.Globalization;

namespace Targets.Core.Periods;

/// <summary>The shape of a reporting period.</summary>
public enum PeriodKind
{
    /// <summary>A calendar year: <c>2023</c>.</summary>
    Year,

    /// <summary>A half year: <c>2023-H1</c>.</summary>
    Half,

    /// <summary>A quarter: <c>2023-Q2</c>.</summary>
    Quarter,

    /// <summary>A span of whole years: <c>2016/2020</c>.</summary>
    Span,

    /// <summary>A calendar month: <c>2023-01</c> (a deadline such as "Tháng 1").</summary>
    Month,
}

/// <summary>
/// A period figures are reported for, or a deadline falls at the end of: a year, a half, a quarter, a month, or a span of
/// whole years. Immutable, with value equality; ordered by start, then by end.
/// </summary>
public readonly record struct ReportingPeriod : IComparable<ReportingPeriod>
{
    private static readonly PeriodTextMemo Codes = new(Code);

    private ReportingPeriod(PeriodKind kind, int startYear, int endYear, int part)
    {
        Kind = kind;
        StartYear = startYear;
        EndYear = endYear;
        Part = part;
    }

    /// <summary>The shape of the period.</summary>
    public PeriodKind Kind { get; }

    /// <summary>The first year the period touches.</summary>
    public int StartYear { get; }

    /// <summary>The last year the period touches.</summary>
    public int EndYear { get; }

    /// <summary>The half (1–2), quarter (1–4) or month (1–12); 0 for years and spans.</summary>
    public int Part { get; }

    /// <summary>How many whole years a year or span covers (1 for a year); 0 for halves and quarters.</summary>
    public int YearCount => Kind is PeriodKind.Year or PeriodKind.Span ? EndYear - StartYear + 1 : 0;

    /// <summary>The years a year or span is made of, in order.</summary>
    public IEnumerable<ReportingPeriod> Years =>
        Kind is PeriodKind.Year or PeriodKind.Span
            ? Enumerable.Range(StartYear, YearCount).Select(Year)
            : [];

    /// <summary>The first day of the period.</summary>
    public DateOnly Start => Kind switch
    {
        PeriodKind.Half => new DateOnly(StartYear, Part == 1 ? 1 : 7, 1),
        PeriodKind.Quarter => new DateOnly(StartYear, ((Part - 1) * 3) + 1, 1),
        PeriodKind.Month => new DateOnly(StartYear, Part, 1),
        _ => new DateOnly(StartYear, 1, 1),
    };

    /// <summary>The last day of the period (the day a deadline of this period falls due).</summary>
    public DateOnly End => Kind switch
    {
        PeriodKind.Half => Part == 1 ? new DateOnly(StartYear, 6, 30) : new DateOnly(StartYear, 12, 31),
        PeriodKind.Quarter => new DateOnly(StartYear, Part * 3, 1).AddMonths(1).AddDays(-1),
        PeriodKind.Month => new DateOnly(StartYear, Part, 1).AddMonths(1).AddDays(-1),
        _ => new DateOnly(EndYear, 12, 31),
    };

    /// <summary>A calendar year.</summary>
    public static ReportingPeriod Year(int year) => new(PeriodKind.Year, CheckYear(year), year, 0);

    /// <summary>A half year (1 or 2).</summary>
    public static ReportingPeriod Half(int year, int half) =>
        half is 1 or 2
            ? new(PeriodKind.Half, CheckYear(year), year, half)
            : throw new ArgumentOutOfRangeException(nameof(half), half, "a half is 1 or 2");

    /// <summary>A quarter (1 to 4).</summary>
    public static ReportingPeriod Quarter(int year, int quarter) =>
        quarter is >= 1 and <= 4
            ? new(PeriodKind.Quarter, CheckYear(year), year, quarter)
            : throw new ArgumentOutOfRangeException(nameof(quarter), quarter, "a quarter is 1 to 4");

    /// <summary>A calendar month (1 to 12).</summary>
    public static ReportingPeriod Month(int year, int month) =>
        month is >= 1 and <= 12
            ? new(PeriodKind.Month, CheckYear(year), year, month)
            : throw new ArgumentOutOfRangeException(nameof(month), month, "a month is 1 to 12");

    /// <summary>A span of whole years, both ends included; a one-year span is that year.</summary>
    public static ReportingPeriod Span(int firstYear, int lastYear)
    {
        CheckYear(firstYear);
        CheckYear(lastYear);
        if (lastYear < firstYear)
        {
            throw new ArgumentOutOfRangeException(nameof(lastYear), lastYear, "a span ends no earlier than it starts");
        }

        return firstYear == lastYear ? Year(firstYear) : new(PeriodKind.Span, firstYear, lastYear, 0);
    }

    /// <summary>Parses <c>2023</c>, <c>2023-H1</c>, <c>2023-Q2</c>, <c>2023-01</c> or <c>2016/2020</c>.</summary>
    /// <exception cref="FormatException">The text is not a period.</exception>
    public static ReportingPeriod Parse(string text) =>
        TryParse(text, out var period, out var error) ? period : throw new FormatException(error);

    /// <summary>Tries to parse a period, saying what is wrong when it cannot.</summary>
    public static bool TryParse(string? text, out ReportingPeriod period, out string error)
    {
        period = default;
        error = $"'{text}' is not a period: expected a year '2023', a half '2023-H1', a quarter '2023-Q2', a month '2023-01' or a span '2016/2020'";
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        if (text.Length == 4 && TryYear(text, out var year))
        {
            period = Year(year);
            return true;
        }

        if (text.Length == 7 && text[4] == '-' && TryYear(text[..4], out year))
        {
            var part = text[6] - '0';
            if (text[5] == 'H' && part is 1 or 2)
            {
                period = Half(year, part);
                return true;
            }

            if (text[5] == 'Q' && part is >= 1 and <= 4)
            {
                period = Quarter(year, part);
                return true;
            }

            if (int.TryParse(text.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out var month) && month is >= 1 and <= 12)
            {
                period = Month(year, month);
                return true;
            }

            return false;
        }

        if (text.Length == 9 && text[4] == '/' && TryYear(text[..4], out var first) && TryYear(text[5..], out var last))
        {
            if (last <= first)
            {
                error = $"'{text}' is not a span: the last year must come after the first";
                return false;
            }

            period = Span(first, last);
            return true;
        }

        return false;
    }

    /// <summary>The same period <paramref name="years"/> years later (earlier when negative).</summary>
    public ReportingPeriod ShiftYears(int years) => new(Kind, StartYear + years, EndYear + years, Part);

    /// <summary>The span of the same length that ends the year before this one starts (2016/2020 for 2021/2025).</summary>
    public ReportingPeriod Preceding() =>
        Kind is PeriodKind.Year or PeriodKind.Span
            ? Span(StartYear - YearCount, StartYear - 1)
            : ShiftYears(-1);

    /// <summary>Whether <paramref name="other"/> lies wholly inside this period.</summary>
    public bool Contains(ReportingPeriod other) => other.Start >= Start && other.End <= End;

    /// <inheritdoc />
    public int CompareTo(ReportingPeriod other)
    {
        if (Kind is PeriodKind.Year or PeriodKind.Span && other.Kind is PeriodKind.Year or PeriodKind.Span)
        {
            // Whole years start on 1 January and end on 31 December: their years order them, with no dates to build.
            var byStartYear = StartYear.CompareTo(other.StartYear);
            return byStartYear != 0 ? byStartYear : EndYear.CompareTo(other.EndYear);
        }

        var byStart = Start.CompareTo(other.Start);
        return byStart != 0 ? byStart : End.CompareTo(other.End);
    }

    /// <summary>The canonical text: <c>2023</c>, <c>2023-H1</c>, <c>2023-Q2</c>, <c>2023-01</c>, <c>2016/2020</c>.</summary>
    public override string ToString() => Codes.Of(this);

    private static string Code(ReportingPeriod period) => period.Kind switch
    {
        PeriodKind.Year => period.StartYear.ToString(CultureInfo.InvariantCulture),
        PeriodKind.Half => string.Create(CultureInfo.InvariantCulture, $"{period.StartYear}-H{period.Part}"),
        PeriodKind.Quarter => string.Create(CultureInfo.InvariantCulture, $"{period.StartYear}-Q{period.Part}"),
        PeriodKind.Month => string.Create(CultureInfo.InvariantCulture, $"{period.StartYear}-{period.Part:00}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{period.StartYear}/{period.EndYear}"),
    };

    /// <summary>Orders periods by start, then end.</summary>
    public static bool operator <(ReportingPeriod left, ReportingPeriod right) => left.CompareTo(right) < 0;

    /// <summary>Orders periods by start, then end.</summary>
    public static bool operator >(ReportingPeriod left, ReportingPeriod right) => left.CompareTo(right) > 0;

    /// <summary>Orders periods by start, then end.</summary>
    public static bool operator <=(ReportingPeriod left, ReportingPeriod right) => left.CompareTo(right) <= 0;

    /// <summary>Orders periods by start, then end.</summary>
    public static bool operator >=(ReportingPeriod left, ReportingPeriod right) => left.CompareTo(right) >= 0;

    private static bool TryYear(string text, out int year) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out year) && year is >= 1900 and <= 2200;

    private static int CheckYear(int year) =>
        year is >= 1900 and <= 2200 ? year : throw new ArgumentOutOfRangeException(nameof(year), year, "years run from 1900 to 2200");
}
