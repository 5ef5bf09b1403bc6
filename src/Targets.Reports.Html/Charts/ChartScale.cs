namespace Targets.Reports.Html.Charts;

/// <summary>
/// A value axis with round ticks (1, 2, 2.5 or 5 times a power of ten), computed in decimal so that the same series
/// always gives the same axis, on any machine.
/// </summary>
internal sealed record ChartScale(decimal Bottom, decimal Top, decimal Step)
{
    private const int TargetTicks = 4;

    public static ChartScale For(IEnumerable<decimal> values)
    {
        var all = values.ToList();
        var low = Math.Min(0m, all.Count == 0 ? 0m : all.Min());
        var high = Math.Max(0m, all.Count == 0 ? 0m : all.Max());
        if (high == low)
        {
            high = low + 1m;
        }

        var step = Round((high - low) / TargetTicks);
        return new ChartScale(Math.Floor(low / step) * step, Math.Ceiling(high / step) * step, step);
    }

    /// <summary>The ticks from bottom to top.</summary>
    public IEnumerable<decimal> Ticks()
    {
        for (var tick = Bottom; tick <= Top; tick += Step)
        {
            yield return tick;
        }
    }

    /// <summary>Where <paramref name="value"/> falls between 0 (bottom) and 1 (top).</summary>
    public decimal Fraction(decimal value) => (value - Bottom) / (Top - Bottom);

    private static decimal Round(decimal rough)
    {
        var power = 1m;
        while (power * 10m <= rough)
        {
            power *= 10m;
        }

        while (power > rough)
        {
            power /= 10m;
        }

        var fraction = rough / power;
        var nice = fraction <= 1m ? 1m : fraction <= 2m ? 2m : fraction <= 2.5m ? 2.5m : fraction <= 5m ? 5m : 10m;
        return nice * power;
    }
}
