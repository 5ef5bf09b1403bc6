using Targets.Core.Data;
using Targets.Core.Indicators;
using Targets.Core.Periods;
using Targets.Core.Targets;

namespace Targets.Core.Evaluation;

/// <summary>Why no target read a figure.</summary>
public enum UnusedReason
{
    /// <summary>No target of the locality reads the indicator.</summary>
    IndicatorNotRead,

    /// <summary>Its period lies outside the periods the targets read (their plan periods and baselines, up to the as-of date).</summary>
    OutsidePlan,

    /// <summary>Its period ends after the as-of date, so it is not read.</summary>
    AfterAsOf,

    /// <summary>A stock is read at the end of a period; this figure stands at a date within it.</summary>
    StockWithinPeriod,

    /// <summary>
    /// A target to be reached by the end of its plan is judged, before then, on the latest year with figures: this earlier
    /// year of the plan was not needed.
    /// </summary>
    EarlierThanLatest,

    /// <summary>
    /// The period it is part of was given whole (or for the locality as a whole, or for the unit the documents set), so
    /// this figure was only checked against it.
    /// </summary>
    CheckedAgainstWhole,
}

/// <summary>A figure of the dataset that no target read, and why.</summary>
/// <param name="Figure">The figure.</param>
/// <param name="Reason">Why it was not read.</param>
public sealed record UnusedFigure(Figure Figure, UnusedReason Reason)
{
    /// <summary>
    /// Whether <c>--strict</c> refuses it: a figure no target can read (an indicator, a period or a date nothing reads); not
    /// a part checked against its whole, nor an earlier year of a plan judged on its latest.
    /// </summary>
    public bool IsRefusedWhenStrict => Reason is not (UnusedReason.CheckedAgainstWhole or UnusedReason.EarlierThanLatest);

    /// <summary>The reason's code, for machines: indicatorNotRead, outsidePlan, afterAsOf, stockWithinPeriod, earlierThanLatest, checkedAgainstWhole.</summary>
    public string ReasonCode => Reason switch
    {
        UnusedReason.IndicatorNotRead => "indicatorNotRead",
        UnusedReason.OutsidePlan => "outsidePlan",
        UnusedReason.AfterAsOf => "afterAsOf",
        UnusedReason.StockWithinPeriod => "stockWithinPeriod",
        UnusedReason.EarlierThanLatest => "earlierThanLatest",
        _ => "checkedAgainstWhole",
    };

    /// <summary>The reason in Vietnamese, for the report.</summary>
    public string Explanation => Reason switch
    {
        UnusedReason.IndicatorNotRead => "không chỉ tiêu nào sử dụng chỉ số này",
        UnusedReason.OutsidePlan => "kỳ số liệu nằm ngoài kỳ kế hoạch và các kỳ so sánh của các chỉ tiêu",
        UnusedReason.AfterAsOf => "kỳ số liệu kết thúc sau thời điểm đánh giá",
        UnusedReason.StockWithinPeriod => "chỉ số tính tại một thời điểm chỉ lấy số liệu cuối kỳ",
        UnusedReason.EarlierThanLatest => "chỉ tiêu phấn đấu đến cuối kỳ được đánh giá theo số liệu năm gần nhất",
        _ => "đã có số liệu của cả kỳ (hoặc của cả địa bàn, hoặc của địa giới mà chỉ tiêu đặt ra); số liệu này chỉ dùng để đối chiếu",
    };
}

/// <summary>The figures of a dataset that no result of an assessment read, and why.</summary>
public static class UnusedFigures
{
    /// <summary>Finds the figures no result read, in dataset order, each with its reason.</summary>
    /// <param name="figures">The dataset's figures.</param>
    /// <param name="table">The figures as read at the as-of date.</param>
    /// <param name="results">Every result of the assessment.</param>
    /// <param name="targets">Every target of the locality.</param>
    /// <param name="asOfYear">The year the assessment stands at.</param>
    /// <param name="planOverride">The plan period replacing the documents', if any.</param>
    public static IReadOnlyList<UnusedFigure> Find(IReadOnlyList<Figure> figures, FigureTable table, IReadOnlyList<TargetResult> results, IReadOnlyList<Target> targets, int asOfYear, ReportingPeriod? planOverride)
    {
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(targets);
        // Sized and filled by index: a batch finds these for every commune's report.
        var used = new HashSet<Figure>(figures.Count, ReferenceEqualityComparer.Instance);
        for (var r = 0; r < results.Count; r++)
        {
            var result = results[r];
            Add(used, result.Figures);
            for (var u = 0; u < result.Units.Count; u++)
            {
                Add(used, result.Units[u].Figures);
            }

            for (var u = 0; u < result.ByUnit.Count; u++)
            {
                Add(used, result.ByUnit[u].Figures);
            }

            // A deadline target's path starts from a year's value that the result keeps as a number, not as figures.
            if (result.Progress is { Projected: false, StartYear: var start } && result.Target.Indicator is { } indicator &&
                result.Target.Requirement.ComparedWith is null &&
                table.TryRead(indicator, ReportingPeriod.Year(start), null, out var pathStart))
            {
                Add(used, pathStart.Figures);
            }
        }

        var catalog = table.Catalog;
        var (needs, readers) = Readers.For(targets, catalog, asOfYear, planOverride);
        var unused = new List<UnusedFigure>();
        for (var f = 0; f < figures.Count; f++)
        {
            var figure = figures[f];
            if (used.Contains(figure))
            {
                continue;
            }

            var reason = !readers.TryGetValue(figure.Indicator, out var plans) ? UnusedReason.IndicatorNotRead
                : !table.IsReadable(figure) ? UnusedReason.AfterAsOf
                : Overlaps(needs.GetValueOrDefault(figure.Indicator, []), figure.Period, out var endsWith)
                    ? catalog.StockOrFlowOf(figure.Indicator) == StockOrFlow.Stock && !endsWith
                        ? UnusedReason.StockWithinPeriod
                        : UnusedReason.CheckedAgainstWhole
                : AnyContains(plans, figure.Period) ? UnusedReason.EarlierThanLatest
                : UnusedReason.OutsidePlan;
            unused.Add(new UnusedFigure(figure, reason));
        }

        return [.. unused];
    }

    private static void Add(HashSet<Figure> used, IReadOnlyList<Figure> figures)
    {
        for (var i = 0; i < figures.Count; i++)
        {
            used.Add(figures[i]);
        }
    }

    private static bool AnyContains(List<ReportingPeriod> plans, ReportingPeriod period)
    {
        foreach (var plan in plans)
        {
            if (plan.Contains(period))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a period needed of an indicator holds the figure's period or lies within it; and whether one ends with it.</summary>
    private static bool Overlaps(FigureNeed[] needs, ReportingPeriod period, out bool endsWith)
    {
        var overlaps = false;
        endsWith = false;
        foreach (var need in needs)
        {
            overlaps |= need.Period.Contains(period) || period.Contains(need.Period);
            endsWith |= need.Period.End == period.End;
        }

        return overlaps;
    }

    /// <summary>
    /// What the targets read, which does not depend on the figures: the periods needed of each indicator, and the plan
    /// periods of the deadline targets reading it. Worked out once per target list, as-of year and plan period, since a
    /// batch asks for it once per commune on the same few rule sets.
    /// </summary>
    private sealed record Readers(Dictionary<IndicatorId, FigureNeed[]> Needs, Dictionary<IndicatorId, List<ReportingPeriod>> Plans)
    {
        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IReadOnlyList<Target>, System.Collections.Concurrent.ConcurrentDictionary<(int, ReportingPeriod?, IndicatorCatalog), Readers>> Cache = new();

        public static Readers For(IReadOnlyList<Target> targets, IndicatorCatalog catalog, int asOfYear, ReportingPeriod? planOverride) =>
            Cache.GetValue(targets, _ => new()).GetOrAdd((asOfYear, planOverride, catalog), _ => Make(targets, catalog, asOfYear, planOverride));

        private static Readers Make(IReadOnlyList<Target> targets, IndicatorCatalog catalog, int asOfYear, ReportingPeriod? planOverride)
        {
            var needs = FigureNeeds.OfAll(targets, catalog, asOfYear, planOverride).GroupBy(need => need.Indicator).ToDictionary(g => g.Key, g => g.ToArray());

            // The plan periods of the deadline targets reading each indicator: a year of them is read only when it is the latest.
            var readers = new Dictionary<IndicatorId, List<ReportingPeriod>>();
            foreach (var target in targets)
            {
                foreach (var indicator in target.ReadIndicators(catalog))
                {
                    if (!readers.TryGetValue(indicator, out var plans))
                    {
                        readers[indicator] = plans = [];
                    }

                    if (target.Schedule is Schedules.Schedule.ByDeadline)
                    {
                        plans.Add(planOverride ?? target.Document.Period);
                    }
                }
            }

            return new Readers(needs, readers);
        }
    }
}
