using Targets.Core.Data;
using Targets.Core.Indicators;
using Targets.Core.Errors;
using Targets.Core.Periods;
using Targets.Core.Requirements;
using Targets.Core.Schedules;
using Targets.Core.Targets;

namespace Targets.Core.Evaluation;

/// <summary>
/// Applies a target's schedule, scope and baseline to the figures and asks its compiled criterion for the verdict.
/// Stateless and thread-safe.
/// </summary>
public static partial class TargetEvaluator
{
    /// <summary>Evaluates a measured (non-composite) target for every period its schedule asks for.</summary>
    /// <exception cref="RuleSetException">The criterion threw: a broken rule is an error, never a failed target.</exception>
    public static IReadOnlyList<TargetResult> Evaluate(Target target, ITargetCriterion criterion, EvaluationContext context)
    {
        if (target.Requirement is CompositeRequirement)
        {
            throw new ArgumentException($"'{target.Id}' is a composite: use {nameof(EvaluateComposite)}", nameof(target));
        }

        var plan = context.PlanOverride ?? target.Document.Period;
        switch (target.Schedule)
        {
            case Schedule.EachYear:
                var last = Math.Min(plan.EndYear, context.AsOfYear);
                if (last < plan.StartYear)
                {
                    return [];
                }

                var results = new TargetResult[last - plan.StartYear + 1];
                for (var year = plan.StartYear; year <= last; year++)
                {
                    var period = ReportingPeriod.Year(year);
                    results[year - plan.StartYear] = EvaluatePeriod(target, criterion, context, plan, period, period);
                }

                return results;
            case Schedule.SingleYear single when single.Year <= context.AsOfYear:
                var only = ReportingPeriod.Year(single.Year);
                return [EvaluatePeriod(target, criterion, context, plan, only, only)];
            case Schedule.ByDeadline deadline:
                var valuePeriod = deadline.Cumulative ? plan : ReportingPeriod.Year(plan.EndYear);
                return [context.AsOfYear >= plan.EndYear
                    ? EvaluatePeriod(target, criterion, context, plan, valuePeriod, valuePeriod)
                    : deadline.Cumulative
                        ? EvaluateCumulativeProgress(target, criterion, context, plan)
                        : EvaluateProgress(target, criterion, context, plan)];
            default:
                return [];
        }
    }

    /// <summary>
    /// Evaluates a composite from its components' results: met when its criterion holds over them; otherwise the worst
    /// component decides (not met, then no data, then at risk, then on track).
    /// </summary>
    public static IReadOnlyList<TargetResult> EvaluateComposite(
        Target target,
        ITargetCriterion criterion,
        EvaluationContext context,
        Func<TargetId, IReadOnlyList<TargetResult>> resultsOf)
    {
        var composite = (CompositeRequirement)target.Requirement;
        var components = composite.Targets.Select(resultsOf).ToList();
        var plan = context.PlanOverride ?? target.Document.Period;
        var slots = target.Schedule is Schedule.EachYear
            ? Enumerable.Range(plan.StartYear, Math.Max(0, Math.Min(plan.EndYear, context.AsOfYear) - plan.StartYear + 1))
                .Select(year => (ReportingPeriod?)ReportingPeriod.Year(year))
            : [null];

        var results = new List<TargetResult>();
        foreach (var slot in slots)
        {
            var picked = components
                .Select((list, i) => (slot is { } period ? list.FirstOrDefault(r => r.Period == period) : list.Count > 0 ? list[^1] : null)
                    ?? NoComponentResult(composite.Targets[i], target, slot ?? ReportingPeriod.Year(context.AsOfYear)))
                .ToList();
            var met = picked.Count(r => r.Status is AssessmentStatus.Met or AssessmentStatus.Exceeded);
            var measurement = new Measurement
            {
                Value = met,
                Numerator = met,
                Denominator = picked.Count,
                Subject = met,
                Year = picked.Max(r => r.Period.EndYear),
            };
            var status = Judge(target, criterion, measurement) switch
            {
                AssessmentStatus.NotMet => Worst(picked),
                var verdict => verdict,
            };
            results.Add(new TargetResult
            {
                Target = target,
                Period = slot ?? picked.Max(r => r.Period),
                Status = status,
                Measurement = measurement,
                Components = picked,
            });
        }

        return results;
    }

    private static AssessmentStatus Worst(IReadOnlyList<TargetResult> components)
    {
        foreach (var status in new[] { AssessmentStatus.NotMet, AssessmentStatus.NoData, AssessmentStatus.AtRisk, AssessmentStatus.OnTrack })
        {
            if (components.Any(c => c.Status == status))
            {
                return status;
            }
        }

        return AssessmentStatus.NotMet;
    }

    private static TargetResult NoComponentResult(TargetId id, Target composite, ReportingPeriod period) =>
        throw new RuleSetException($"component '{id}' has no result for {period}", null, composite.Id.Value);

    private static TargetResult EvaluatePeriod(
        Target target, ITargetCriterion criterion, EvaluationContext context, ReportingPeriod plan, ReportingPeriod period, ReportingPeriod valuePeriod)
    {
        if (target.Scope is TargetScope.EachUnit)
        {
            return EvaluateEachUnit(target, criterion, context, plan, period, valuePeriod);
        }

        var measured = Measure(target, context, plan, period, valuePeriod, adminUnit: null);
        var result = measured.Measurement is null && context.Figures.Succession is { } succession && valuePeriod.End >= succession.Date
            ? AcrossSuccession(target, criterion, context, plan, period, valuePeriod, measured, succession)
            : ToResult(target, criterion, period, measured);
        return context.Figures.HasUnitFigures(target.Indicator!.Value)
            ? result with { ByUnit = JudgeUnits(target, criterion, context, plan, period, valuePeriod) }
            : result;
    }

    private static TargetResult EvaluateEachUnit(
        Target target, ITargetCriterion criterion, EvaluationContext context, ReportingPeriod plan, ReportingPeriod period, ReportingPeriod valuePeriod)
    {
        var unitResults = JudgeUnits(target, criterion, context, plan, period, valuePeriod);
        var overall = unitResults.Count == 0 ? AssessmentStatus.NoData
            : unitResults.Any(u => u.Status == AssessmentStatus.NotMet) ? AssessmentStatus.NotMet
            : unitResults.Any(u => u.Status == AssessmentStatus.NoData) ? AssessmentStatus.NoData
            : unitResults.All(u => u.Status == AssessmentStatus.Exceeded) ? AssessmentStatus.Exceeded
            : AssessmentStatus.Met;
        return new TargetResult
        {
            Target = target,
            Period = period,
            Status = overall,
            Units = unitResults,
            Figures = [.. unitResults.SelectMany(u => u.Figures)],
            MissingFigures = [.. unitResults.Where(u => u.Status == AssessmentStatus.NoData).Select(u => $"{target.Indicator} {valuePeriod} ({u.Unit})")],
        };
    }

    /// <summary>Each unit's own result under the target's requirement, for the units the target's indicator is read for.</summary>
    private static List<UnitResult> JudgeUnits(
        Target target, ITargetCriterion criterion, EvaluationContext context, ReportingPeriod plan, ReportingPeriod period, ReportingPeriod valuePeriod)
    {
        var units = context.Figures.UnitsFor(target.Indicator!.Value);
        var unitResults = new List<UnitResult>(units.Count);
        foreach (var unit in units)
        {
            var measured = Measure(target, context, plan, period, valuePeriod, unit);
            var status = measured.Measurement is { } m ? Judge(target, criterion, m) : AssessmentStatus.NoData;
            unitResults.Add(new UnitResult(unit, status, measured.Measurement, measured.Figures));
        }

        return unitResults;
    }

    private static TargetResult EvaluateProgress(Target target, ITargetCriterion criterion, EvaluationContext context, ReportingPeriod plan)
    {
        var deadline = plan.EndYear;
        var lastYear = Math.Min(context.AsOfYear, deadline - 1);
        for (var year = lastYear; year >= plan.StartYear; year--)
        {
            var period = ReportingPeriod.Year(year);
            var measured = Measure(target, context, plan, period, period, adminUnit: null);
            if (measured.Measurement is not { } m)
            {
                continue;
            }

            var path = PathFor(target, context, plan, period);
            var onTrack = criterion.IsMet(m) ||
                (path is { Expected: { } expected } && PathBound(target.Requirement) is { } bound && IsAtLeastAsGood(bound, m.Subject, expected));
            return Result(target, period, onTrack ? AssessmentStatus.OnTrack : AssessmentStatus.AtRisk, measured) with { Progress = path };
        }

        var latest = ReportingPeriod.Year(Math.Max(plan.StartYear, lastYear));
        var missing = Measure(target, context, plan, latest, latest, adminUnit: null);
        return Result(target, latest, AssessmentStatus.NoData, missing);
    }

    private static TargetResult EvaluateCumulativeProgress(Target target, ITargetCriterion criterion, EvaluationContext context, ReportingPeriod plan)
    {
        var lastYear = Math.Min(context.AsOfYear, plan.EndYear - 1);
        for (var year = lastYear; year >= plan.StartYear; year--)
        {
            var elapsed = ReportingPeriod.Span(plan.StartYear, year);
            var measured = Measure(target, context, plan, plan, elapsed, adminUnit: null, projectTo: plan);
            if (measured.Measurement is not { } m)
            {
                continue;
            }

            var onTrack = criterion.IsMet(m);
            var runningTotal = context.Figures.TryRead(target.Indicator!.Value, elapsed, null, out var actual) ? actual.Value : (decimal?)null;
            var path = new ProgressCheck(plan.StartYear, 0, plan.EndYear, PathBound(target.Requirement)?.Threshold ?? 0, year, null, Projected: true, runningTotal);
            return Result(target, elapsed, onTrack ? AssessmentStatus.OnTrack : AssessmentStatus.AtRisk, measured) with { Progress = path };
        }

        var first = ReportingPeriod.Year(Math.Max(plan.StartYear, Math.Min(lastYear, plan.EndYear)));
        return Result(target, first, AssessmentStatus.NoData, Measure(target, context, plan, plan, first, adminUnit: null));
    }

    /// <summary>
    /// The straight line a deadline target is checked against: for a level, from the value in the year before the plan
    /// (or the first reported plan year) to the threshold at the deadline; for a change, from no change at the baseline.
    /// </summary>
    private static ProgressCheck? PathFor(Target target, EvaluationContext context, ReportingPeriod plan, ReportingPeriod period)
    {
        if (PathBound(target.Requirement) is not { Comparison: not Comparison.EqualTo, Threshold: var threshold })
        {
            return null;
        }

        var deadline = plan.EndYear;
        int startYear;
        decimal startValue;
        if (target.Requirement.ComparedWith is { } baseline)
        {
            startYear = baseline.Resolve(period, plan).EndYear;
            startValue = 0;
        }
        else
        {
            // The first year, from the one before the plan, with a figure.
            var table = context.Figures;
            var ordinal = table.OrdinalOf(target.Indicator!.Value);
            var scratch = Scratch();
            startYear = plan.StartYear - 1;
            while (!table.TryRead(ordinal, ReportingPeriod.Year(startYear), null, scratch, out startValue, out _, out _))
            {
                if (++startYear > period.EndYear)
                {
                    return null;
                }
            }
        }

        var expected = period.EndYear <= startYear || deadline <= startYear
            ? startValue
            : startValue + ((threshold - startValue) * (period.EndYear - startYear) / (deadline - startYear));
        return new ProgressCheck(startYear, startValue, deadline, threshold, period.EndYear, expected);
    }

    /// <summary>
    /// The bound a deadline target's path heads towards: a level's or change's own bound, a range's lower end, a fixed
    /// quota; null when there is no number to draw a line to (zero, assigned quota, expression, composite).
    /// </summary>
    private static Bound? PathBound(Requirement requirement) => requirement switch
    {
        LevelRequirement level => level.Bound,
        ChangeRequirement change => change.Bound,
        ChangeRangeRequirement range => new Bound(Comparison.AtLeast, range.From),
        QuotaRequirement { Quota: { } quota } => new Bound(Comparison.AtLeast, quota),
        _ => null,
    };

    private static bool IsAtLeastAsGood(Bound bound, decimal subject, decimal expected) =>
        bound.IsUpperBound ? subject <= expected : subject >= expected;

    private static TargetResult ToResult(Target target, ITargetCriterion criterion, ReportingPeriod period, Measured measured)
    {
        var status = measured.Measurement is { } m ? Judge(target, criterion, m) : AssessmentStatus.NoData;
        return Result(target, period, status, measured);
    }

    private static TargetResult Result(Target target, ReportingPeriod period, AssessmentStatus status, Measured measured) => new()
    {
        Target = target,
        Period = period,
        Status = status,
        Measurement = measured.Measurement,
        BaselinePeriod = measured.BaselinePeriod,
        Figures = measured.Figures,
        MissingFigures = measured.Missing,
        Note = measured.Note,
    };

    private static AssessmentStatus Judge(Target target, ITargetCriterion criterion, Measurement measurement)
    {
        try
        {
            return criterion.IsMet(measurement)
                ? criterion.IsExceeded(measurement) ? AssessmentStatus.Exceeded : AssessmentStatus.Met
                : AssessmentStatus.NotMet;
        }
        catch (Exception exception) when (exception is not TargetsException)
        {
            throw new RuleSetException(
                $"the rule failed while it ran ({exception.GetType().Name}: {exception.Message})",
                target.Document.Source is { } source ? new SourceLocation(source) : null,
                target.Id.Value,
                exception);
        }
    }

    /// <summary>Reads the value, baseline and quota a target needs for one period and unit.</summary>
    private static Measured Measure(
        Target target,
        EvaluationContext context,
        ReportingPeriod plan,
        ReportingPeriod period,
        ReportingPeriod valuePeriod,
        string? adminUnit,
        ReportingPeriod? projectTo = null,
        string? boundary = null)
    {
        // The figures used go to a per-thread scratch list and are copied once into the result.
        var used = Scratch();
        List<string>? missing = null;
        var table = context.Figures;
        var indicator = target.Indicator!.Value;
        var ordinal = table.OrdinalOf(indicator);

        decimal value = 0, numerator = 0, denominator = 0;
        string? zeroShare = null;
        if (table.TryRead(ordinal, valuePeriod, adminUnit, boundary, used, out var read, out var top, out var bottom))
        {
            value = read;
            numerator = top ?? 0;
            denominator = bottom ?? 0;

            // A running total is projected to the whole period; a stock's value is where it stands, never projected.
            if (projectTo is { } whole && !table.Index.IsShare[ordinal] && !table.Index.IsStock[ordinal] && valuePeriod.YearCount < whole.YearCount)
            {
                value = value * whole.YearCount / valuePeriod.YearCount;
            }
        }
        else if (table.ZeroDenominator(ordinal, valuePeriod, adminUnit, boundary) is { } zeroBase)
        {
            zeroShare = $"Mẫu số của tỷ lệ ({zeroBase} {valuePeriod}) bằng 0 nên không tính được tỷ lệ; chỉ tiêu chưa đánh giá được.";
        }
        else
        {
            (missing ??= []).AddRange(Describe(table, indicator, valuePeriod, adminUnit, boundary));
        }

        ReportingPeriod? baselinePeriod = null;
        decimal baseline = 0;
        var baselineRule = target.Requirement.ComparedWith;
        if (baselineRule is not null)
        {
            var resolved = baselineRule.Resolve(period, plan);
            baselinePeriod = resolved;
            if (!table.TryRead(ordinal, resolved, adminUnit, boundary, used, out baseline, out _, out _))
            {
                (missing ??= []).AddRange(Describe(table, indicator, resolved, adminUnit, boundary));
            }
        }

        decimal quota = 0;
        if (target.Requirement is QuotaRequirement quotaRule)
        {
            if (quotaRule.Quota is { } fixedQuota)
            {
                quota = fixedQuota;
            }
            else if (!table.TryRead(table.OrdinalOf(quotaRule.QuotaIndicator!.Value), valuePeriod, adminUnit, boundary, used, out quota, out _, out _))
            {
                (missing ??= []).AddRange(Describe(table, quotaRule.QuotaIndicator!.Value, valuePeriod, adminUnit, boundary));
            }
        }

        IReadOnlyList<Figure> figures = used.Count == 0 ? [] : used.ToArray();
        if (missing is { Count: > 0 })
        {
            return new Measured(null, baselinePeriod, figures, missing, null);
        }

        if (zeroShare is not null)
        {
            return new Measured(null, baselinePeriod, figures, [], zeroShare);
        }

        var change = value - baseline;
        var relative = baselineRule is not null && baseline != 0 ? change * 100m / baseline : 0m;
        var subject = value;
        string? note = null;
        switch (target.Requirement)
        {
            case ChangeRequirement { Direction: var direction, Measure: var measure }:
                subject = Directed(direction, measure, change, baseline, out note);
                break;
            case ChangeRangeRequirement { Direction: var direction, Measure: var measure }:
                subject = Directed(direction, measure, change, baseline, out note);
                break;
        }

        if (note is not null)
        {
            return new Measured(null, baselinePeriod, figures, [], note);
        }

        var measurement = new Measurement
        {
            Value = value,
            Numerator = numerator,
            Denominator = denominator,
            HasBaseline = baselineRule is not null,
            Baseline = baseline,
            Change = change,
            RelativeChange = relative,
            Quota = quota,
            Year = valuePeriod.EndYear,
            Subject = subject,
        };
        return new Measured(measurement, baselinePeriod, figures, [], null);
    }

    private static decimal Directed(ChangeDirection direction, ChangeMeasure measure, decimal change, decimal baseline, out string? note)
    {
        note = null;
        var directed = direction == ChangeDirection.Decrease ? -change : change;
        if (measure == ChangeMeasure.Absolute)
        {
            return directed;
        }

        if (baseline == 0)
        {
            note = "Số liệu kỳ gốc bằng 0 nên không tính được tỷ lệ thay đổi; chỉ tiêu chưa đánh giá được.";
            return 0;
        }

        return directed * 100m / baseline;
    }

    private static IEnumerable<string> Describe(FigureTable table, IndicatorId indicator, ReportingPeriod period, string? adminUnit, string? boundary = null) =>
        table.DescribeNeeds(indicator, period).Select(need =>
            (adminUnit is null ? need : $"{need} ({adminUnit})") + (boundary is null ? string.Empty : $" ({table.Succession?.NameOf(boundary) ?? boundary})"));

    /// <summary>A per-thread list for the figures a read uses, cleared; its contents are copied out before the next use.</summary>
    private static List<Figure> Scratch()
    {
        var list = t_scratch ??= new List<Figure>(16);
        list.Clear();
        return list;
    }

    [ThreadStatic]
    private static List<Figure>? t_scratch;

    private readonly record struct Measured(
        Measurement? Measurement,
        ReportingPeriod? BaselinePeriod,
        IReadOnlyList<Figure> Figures,
        IReadOnlyList<string> Missing,
        string? Note);
}
