using Targets.Core.Indicators;
using Targets.Core.Periods;
using Targets.Core.Requirements;
using Targets.Core.Schedules;
using Targets.Core.Targets;

namespace Targets.Core.Evaluation;

/// <summary>A figure a target reads: an indicator for a period, for the locality as a whole or for each unit.</summary>
/// <param name="Indicator">The indicator (for a share: the share and each of its counts are needs of their own).</param>
/// <param name="Period">The period read.</param>
/// <param name="EachUnit">Whether it is read for each unit (a target that holds for each unit) rather than the whole.</param>
/// <param name="IsBaseline">Whether it is the baseline a change is measured from (rather than the value judged).</param>
public sealed record FigureNeed(IndicatorId Indicator, ReportingPeriod Period, bool EachUnit, bool IsBaseline = false);

/// <summary>
/// The figures an assessment as of a year reads for each target, worked out from the target's schedule, baseline and plan
/// period just as the evaluator reads them: the rows of a template to fill in, and the yardstick for figures no target
/// read.
/// </summary>
public static class FigureNeeds
{
    /// <summary>
    /// The figures <paramref name="target"/> reads when assessed as of the end of <paramref name="asOfYear"/>: its value
    /// for every period evaluated, its baselines, and for a deadline target before its deadline the years its path is
    /// drawn from. Composites read none of their own.
    /// </summary>
    public static IEnumerable<FigureNeed> Of(Target target, IndicatorCatalog catalog, int asOfYear, ReportingPeriod? planOverride = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (target.Requirement is CompositeRequirement)
        {
            return [];
        }

        var plan = planOverride ?? target.Document.Period;
        var periods = new List<(ReportingPeriod Period, bool IsBaseline)>();
        void Read(ReportingPeriod evaluated, ReportingPeriod value)
        {
            periods.Add((value, false));
            if (target.Requirement.ComparedWith is { } baseline)
            {
                periods.Add((baseline.Resolve(evaluated, plan), true));
            }
        }

        switch (target.Schedule)
        {
            case Schedule.EachYear:
                for (var year = plan.StartYear; year <= Math.Min(plan.EndYear, asOfYear); year++)
                {
                    Read(ReportingPeriod.Year(year), ReportingPeriod.Year(year));
                }

                break;
            case Schedule.SingleYear single when single.Year <= asOfYear:
                Read(ReportingPeriod.Year(single.Year), ReportingPeriod.Year(single.Year));
                break;
            case Schedule.ByDeadline { Cumulative: var cumulative }:
                if (asOfYear >= plan.EndYear)
                {
                    var whole = cumulative ? plan : ReportingPeriod.Year(plan.EndYear);
                    Read(whole, whole);
                }
                else if (asOfYear >= plan.StartYear)
                {
                    if (cumulative)
                    {
                        Read(plan, ReportingPeriod.Span(plan.StartYear, asOfYear));
                    }
                    else
                    {
                        // The latest year is judged against a straight line from the year before the plan (for a level;
                        // a change's line starts from its baseline).
                        Read(ReportingPeriod.Year(asOfYear), ReportingPeriod.Year(asOfYear));
                        if (target.Requirement.ComparedWith is null)
                        {
                            periods.Add((ReportingPeriod.Year(plan.StartYear - 1), false));
                        }
                    }
                }

                break;
        }

        var eachUnit = target.Scope is TargetScope.EachUnit;
        var indicators = target.ReadIndicators(catalog).Distinct().ToList();
        return periods.Distinct().SelectMany(read => indicators.Select(indicator => new FigureNeed(indicator, read.Period, eachUnit, read.IsBaseline)));
    }

    /// <summary>Every figure a set of targets reads as of a year, each once, in target order.</summary>
    public static IReadOnlyList<FigureNeed> OfAll(IEnumerable<Target> targets, IndicatorCatalog catalog, int asOfYear, ReportingPeriod? planOverride = null) =>
        [.. targets.SelectMany(target => Of(target, catalog, asOfYear, planOverride)).Distinct()];
}
