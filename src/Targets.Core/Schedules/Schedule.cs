namespace Targets.Core.Schedules;

/// <summary>When a target is evaluated: the time rule of its wording.</summary>
public abstract record Schedule
{
    private protected Schedule()
    {
    }

    /// <summary>"hàng năm": each year of the plan period, on its own.</summary>
    public sealed record EachYear : Schedule;

    /// <summary>
    /// "phấn đấu đến năm 2025": once, in the last year of the plan period; before it, on track or at risk. When
    /// <paramref name="Cumulative"/>, the value is the total over the whole plan period.
    /// </summary>
    public sealed record ByDeadline(bool Cumulative = false) : Schedule;

    /// <summary>One year only.</summary>
    public sealed record SingleYear(int Year) : Schedule;
}
