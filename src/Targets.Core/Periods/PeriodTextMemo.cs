namespace Targets.Core.Periods;

/// <summary>
/// A period's text, made once: a national batch writes "năm 2023" a million times. The periods of plans and figures lie in
/// a few centuries; their texts are kept in one slot each (filled on first use, from any thread: a slot holds the same
/// text whoever fills it). A period outside them is written each time, so untrusted data cannot grow it.
/// </summary>
internal sealed class PeriodTextMemo(Func<ReportingPeriod, string> write)
{
    private const int FirstYear = 1900;
    private const int Years = 300;

    // Per year: the year itself, 2 halves, 4 quarters, 12 months, then spans ending up to 31 years later.
    private const int PartSlots = 1 + 2 + 4 + 12;
    private const int SpanSlots = 31;
    private const int SlotsPerYear = PartSlots + SpanSlots;

    private readonly string?[] _texts = new string?[Years * SlotsPerYear];

    public string Of(ReportingPeriod period)
    {
        var slot = SlotOf(period);
        if (slot < 0)
        {
            return write(period);
        }

        return _texts[slot] ??= write(period);
    }

    private static int SlotOf(ReportingPeriod period)
    {
        var year = period.StartYear - FirstYear;
        if (year is < 0 or >= Years)
        {
            return -1;
        }

        var within = period.Kind switch
        {
            PeriodKind.Year => 0,
            PeriodKind.Half when period.Part is 1 or 2 => period.Part,
            PeriodKind.Quarter when period.Part is >= 1 and <= 4 => 2 + period.Part,
            PeriodKind.Month when period.Part is >= 1 and <= 12 => 6 + period.Part,
            PeriodKind.Span when period.EndYear - period.StartYear is >= 1 and <= SpanSlots => PartSlots - 1 + period.EndYear - period.StartYear,
            _ => -1,
        };
        return within < 0 ? -1 : (year * SlotsPerYear) + within;
    }
}
