using Targets.Core.Data;
using Targets.Core.Indicators;
using Targets.Core.Errors;
using Targets.Core.Periods;
using Targets.Core.Requirements;
using Targets.Core.Schedules;
using Targets.Core.Targets;

namespace Targets.Core.Evaluation;

/// <summary>
/// Applies a target's schedule, scope and baseline to the figures: measures each period the schedule asks for, draws
/// the straight-line path before a deadline and projects cumulative totals. What it measures is judged by the target's
/// criterion, compiled by the rules engine (or given here in plain C#). Stateless and thread-safe.
/// </summary>
public static partial class TargetEvaluator
{
    /// <summary>Evaluates a measured (non-composite) target for every period its schedule asks for, judging with a criterion.</summary>
    /// <exception cref="RuleSetException">The criterion threw: a broken rule is an error, never a failed target.</exception>
    public static IReadOnlyList<TargetResult> Evaluate(Target target, ITargetCriterion criterion, EvaluationContext context)
    {
        ArgumentNullException.ThrowIfNull(criterion);
        var periods = Measure(target, 0, context);
        var results = new TargetResult[periods.Count];
        for (var i = 0; i < results.Length; i++)
        {
            var period = periods[i];
            Judgement[] units = [.. period.Units.Select(unit => unit.IsJudged ? Judge(target, criterion, unit.Measurement) : Judgement.NotJudged)];
            results[i] = period.IsEachUnit
                ? period.Result(units)
                : period.Result(period.IsJudged ? Judge(target, criterion, period.Measurement) : Judgement.NotJudged, units);
        }

        return results;
    }

    /// <summary>
    /// Measures a measured (non-composite) target for every period its schedule asks for: each year of the plan up to the
    /// as-of year, a single year, or the deadline (before it, the latest year with figures, on its path).
    /// </summary>
    /// <param name="target">The target.</param>
    /// <param name="position">The target's place in its locality's evaluation order, carried by the facts.</param>
    /// <param name="context">The figures and the as-of year.</param>
    /// <returns>One measured period per period to judge, in period order.</returns>
    public static IReadOnlyList<MeasuredPeriod> Measure(Target target, int position, EvaluationContext context) =>
        Measure(target, position, context, memo: null);

    /// <summary>
    /// <see cref="Measure(Target, int, EvaluationContext)"/>, taking what does not depend on the as-of date from
    /// <paramref name="memo"/> (and leaving it there) when the same figures are evaluated as of several dates. A
    /// measurement taken from the memo is shared: its place is its index in the list (<see cref="MeasuredPeriod.Placed"/>
    /// gives a copy that carries it).
    /// </summary>
    internal static MeasuredPeriod[] Measure(Target target, int position, EvaluationContext context, MeasurementMemo? memo)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(context);
        if (target.Requirement is CompositeRequirement)
        {
            throw new ArgumentException($"'{target.Id}' is a composite: use {nameof(CompositePeriods)}", nameof(target));
        }

        if (context.PlanOf(target.Document) is not { } plan)
        {
            return [];
        }

        if (target.Requirement is DeliverableRequirement)
        {
            var deliverable = MeasureDeliverable(memo, target, position, context, plan);
            if (!deliverable.IsRemembered)
            {
                deliverable.Place(0, isLatest: true);
            }

            return [deliverable];
        }

        MeasuredPeriod[] periods;
        switch (target.Schedule)
        {
            case Schedule.EachYear:
                var last = Math.Min(plan.EndYear, context.AsOfYear);
                if (last < plan.StartYear)
                {
                    return [];
                }

                var count = last - plan.StartYear + 1;
                periods = new MeasuredPeriod[count];
                for (var slot = 0; slot < count; slot++)
                {
                    var period = ReportingPeriod.Year(plan.StartYear + slot);
                    periods[slot] = Memoized(memo, target, position, context, plan, period, period, slot, isLatest: slot == count - 1);
                }

                break;
            case Schedule.SingleYear single when single.Year <= context.AsOfYear:
                var only = ReportingPeriod.Year(single.Year);
                periods = [Memoized(memo, target, position, context, plan, only, only, slot: 0, isLatest: true)];
                break;
            case Schedule.ByDeadline deadline:
                var valuePeriod = deadline.Cumulative ? plan : ReportingPeriod.Year(plan.EndYear);
                periods = [context.AsOfYear >= plan.EndYear
                    ? Memoized(memo, target, position, context, plan, valuePeriod, valuePeriod, slot: 0, isLatest: true)
                    : PlacedFirst(deadline.Cumulative
                        ? MeasureCumulativeProgress(memo, target, position, context, plan)
                        : MeasureProgress(memo, target, position, context, plan))];
                break;
            default:
                return [];
        }

        return periods;
    }

    /// <summary>
    /// A period measured, or remembered from an earlier as-of date of the same figures. A measurement taken now is placed
    /// at its slot; a remembered one is shared, and the lists that hold it place it (its index).
    /// </summary>
    private static MeasuredPeriod Memoized(
        MeasurementMemo? memo,
        Target target,
        int position,
        EvaluationContext context,
        ReportingPeriod plan,
        ReportingPeriod period,
        ReportingPeriod valuePeriod,
        int slot,
        bool isLatest)
    {
        // A period the as-of date cuts into (the year 2023 as of 30 June 2023) reads fewer figures than it will later.
        if (memo is null || context.Figures.EndsAfterCutoff(valuePeriod))
        {
            var measured = MeasurePeriod(memo, target, position, context, plan, period, valuePeriod);
            measured.Place(slot, isLatest);
            return measured;
        }

        if (!memo.TryGet(position, period, out var remembered))
        {
            remembered = MeasurePeriod(memo, target, position, context, plan, period, valuePeriod).Remembered();
            memo.Add(position, period, remembered, target.Schedule is Schedule.EachYear ? plan.YearCount : 1);
        }

        return remembered;
    }

    /// <summary>A measurement taken now, the only period of its target.</summary>
    private static MeasuredPeriod PlacedFirst(MeasuredPeriod measured)
    {
        measured.Place(0, isLatest: true);
        return measured;
    }

    /// <summary>
    /// The periods in which a composite is judged: each year of the plan up to the as-of year for an annual composite,
    /// otherwise one period that reads each component's latest verdict.
    /// </summary>
    /// <param name="target">The composite target.</param>
    /// <param name="position">The target's place in its locality's evaluation order.</param>
    /// <param name="context">The figures and the as-of year.</param>
    public static IReadOnlyList<CompositePeriod> CompositePeriods(Target target, int position, EvaluationContext context) =>
        CompositePeriodsOf(target, position, context);

    /// <summary><see cref="CompositePeriods"/>, as the array it is.</summary>
    internal static CompositePeriod[] CompositePeriodsOf(Target target, int position, EvaluationContext context)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(context);
        if (target.Requirement is not CompositeRequirement)
        {
            throw new ArgumentException($"'{target.Id}' is not a composite: use {nameof(Measure)}", nameof(target));
        }

        if (context.PlanOf(target.Document) is not { } plan)
        {
            return [];
        }

        if (target.Schedule is not Schedule.EachYear)
        {
            return [new CompositePeriod(target, position, 0, isLatest: true, period: null)];
        }

        var count = Math.Max(0, Math.Min(plan.EndYear, context.AsOfYear) - plan.StartYear + 1);
        var periods = new CompositePeriod[count];
        for (var i = 0; i < count; i++)
        {
            periods[i] = new CompositePeriod(target, position, i, isLatest: i == count - 1, ReportingPeriod.Year(plan.StartYear + i));
        }

        return periods;
    }

    /// <summary>What a target reads, by its numbers in the catalog: kept in the memo, when there is one, for the dataset's other dates.</summary>
    private static Ordinals OrdinalsOf(MeasurementMemo? memo, Target target, int position, EvaluationContext context) =>
        memo?.OrdinalsOf(position, target, context.Figures) ?? Ordinals.Of(target, context.Figures);

    private static Judgement Judge(Target target, ITargetCriterion criterion, in Measurement measurement)
    {
        try
        {
            return criterion.IsMet(measurement)
                ? criterion.IsExceeded(measurement) ? Judgement.Exceeded : Judgement.Met
                : Judgement.NotMet;
        }
        catch (Exception exception) when (exception is not TargetsException)
        {
            throw new RuleSetException($"the rule failed while it ran ({exception.GetType().Name}: {exception.Message})", null, target.Id.Value, exception);
        }
    }

    private static MeasuredPeriod MeasurePeriod(
        MeasurementMemo? memo, Target target, int position, EvaluationContext context, ReportingPeriod plan, ReportingPeriod period, ReportingPeriod valuePeriod)
    {
        var ordinals = OrdinalsOf(memo, target, position, context);
        if (target.Scope is TargetScope.EachUnit)
        {
            return new MeasuredPeriod(target, position, period, valuePeriod, MeasureUnits(target, context, ordinals, plan, period, valuePeriod));
        }

        var whole = Measure(target, context, ordinals, plan, period, valuePeriod, adminUnit: null);
        var boundary = ResultBoundary.AsSet;
        if (whole.Measurement is null && context.Figures.Succession is { } succession && valuePeriod.End >= succession.Date)
        {
            (whole, boundary) = AcrossSuccession(target, context, ordinals, plan, period, valuePeriod, whole, succession);
        }

        // For a target on the locality as a whole whose figures are also given per unit: each unit measured on its own
        // under the same requirement, so that the report can name the units that pull the whole below the bar.
        var byUnit = context.Figures.HasUnitFigures(ordinals.Indicator) ? MeasureUnits(target, context, ordinals, plan, period, valuePeriod) : [];
        return new MeasuredPeriod(target, position, period, MeasurementStage.Final, whole, boundary: boundary, byUnit: byUnit);
    }

    /// <summary>Each unit the target's indicator is given for, measured on its own, in the order the figures list them.</summary>
    private static MeasuredUnit[] MeasureUnits(
        Target target, EvaluationContext context, Ordinals ordinals, ReportingPeriod plan, ReportingPeriod period, ReportingPeriod valuePeriod)
    {
        var units = context.Figures.UnitsFor(ordinals.Indicator);
        var measured = new MeasuredUnit[units.Count];
        for (var u = 0; u < measured.Length; u++)
        {
            var unit = Measure(target, context, ordinals, plan, period, valuePeriod, units[u]);
            measured[u] = new MeasuredUnit(units[u], unit.Measurement?.Value, unit.Figures, unit.BaselinePeriod);
        }

        return measured;
    }

    private static MeasuredPeriod MeasureProgress(MeasurementMemo? memo, Target target, int position, EvaluationContext context, ReportingPeriod plan)
    {
        var deadline = plan.EndYear;
        var lastYear = Math.Min(context.AsOfYear, deadline - 1);
        var ordinals = OrdinalsOf(memo, target, position, context);
        for (var year = lastYear; year >= plan.StartYear; year--)
        {
            var period = ReportingPeriod.Year(year);
            var measured = Measure(target, context, ordinals, plan, period, period, adminUnit: null);
            if (measured.Measurement?.Value is not { } m)
            {
                continue;
            }

            var path = PathFor(target, context, ordinals, plan, period);
            var onPath = path is { Expected: { } expected } && target.Requirement.PathBound is { } bound && IsAtLeastAsGood(bound, m.Subject, expected);
            return new MeasuredPeriod(target, position, period, MeasurementStage.Progress, measured, path, onPath);
        }

        var latest = ReportingPeriod.Year(Math.Max(plan.StartYear, lastYear));
        return new MeasuredPeriod(target, position, latest, MeasurementStage.Unjudged, Measure(target, context, ordinals, plan, latest, latest, adminUnit: null));
    }

    private static MeasuredPeriod MeasureCumulativeProgress(MeasurementMemo? memo, Target target, int position, EvaluationContext context, ReportingPeriod plan)
    {
        var lastYear = Math.Min(context.AsOfYear, plan.EndYear - 1);
        var ordinals = OrdinalsOf(memo, target, position, context);
        for (var year = lastYear; year >= plan.StartYear; year--)
        {
            var elapsed = ReportingPeriod.Span(plan.StartYear, year);
            var measured = Measure(target, context, ordinals, plan, plan, elapsed, adminUnit: null, projectTo: plan);
            if (measured.Measurement is null)
            {
                continue;
            }

            var runningTotal = context.Figures.TryRead(ordinals.Indicator, elapsed, null, Scratch(), out var actual, out _, out _) ? actual : (decimal?)null;
            var path = new ProgressCheck(plan.StartYear, 0, plan.EndYear, target.Requirement.PathBound?.Threshold ?? 0, year, null, Projected: true, runningTotal);
            return new MeasuredPeriod(target, position, elapsed, MeasurementStage.CumulativeProgress, measured, path);
        }

        var first = ReportingPeriod.Year(Math.Max(plan.StartYear, Math.Min(lastYear, plan.EndYear)));
        return new MeasuredPeriod(target, position, first, MeasurementStage.Unjudged, Measure(target, context, ordinals, plan, plan, first, adminUnit: null));
    }

    /// <summary>
    /// A one-off deliverable: the count delivered since the plan started, summed year by year up to the as-of year (or its
    /// deadline, a single year's schedule or the plan's end), with the running total of each year reported. The rule judges
    /// the total; <see cref="MeasuredPeriod.Result(Judgement)"/> turns a total not yet enough into pending before the
    /// deadline. Everything it reads is fixed by the period it reports (unless the as-of date cuts into its last year), so a
    /// remembered one serves every as-of date that reports the same period.
    /// </summary>
    private static MeasuredPeriod MeasureDeliverable(MeasurementMemo? memo, Target target, int position, EvaluationContext context, ReportingPeriod plan)
    {
        var deadline = target.Schedule is Schedule.SingleYear single ? single.Year : plan.EndYear;
        var last = Math.Min(context.AsOfYear, deadline);
        var period = ReportingPeriod.Span(plan.StartYear, Math.Max(plan.StartYear, last));
        var before = last < plan.StartYear;

        // As with Memoized: a year the as-of date cuts into reads fewer figures than it will later, so it is never kept.
        if (context.Figures.EndsAfterCutoff(period))
        {
            memo = null;
        }

        if (memo is not null && !before && memo.TryGet(position, period, out var remembered))
        {
            return remembered;
        }

        var used = Scratch();
        var table = context.Figures;
        var ordinal = OrdinalsOf(memo, target, position, context).Indicator;
        var missing = new List<MissingFigure>();
        var totals = new List<(int Year, decimal Total)>();
        decimal delivered = 0;
        for (var year = plan.StartYear; year <= last; year++)
        {
            if (table.TryRead(ordinal, ReportingPeriod.Year(year), null, used, out var value, out _, out _))
            {
                delivered += value;
                totals.Add((year, delivered));
            }
            else
            {
                missing.Add(new MissingFigure(target.Indicator!.Value, ReportingPeriod.Year(year), null));
            }
        }

        var measurement = new Measurement
        {
            Value = delivered,
            Subject = delivered,
            Quota = ((DeliverableRequirement)target.Requirement).Count,
            Year = Math.Max(plan.StartYear, last),
        };
        var measured = new MeasuredPeriod(
            target,
            position,
            period,
            MeasurementStage.Deliverable,
            new Measured(before ? null : new MeasurementHolder(measurement), null, used.Count == 0 ? [] : used.ToArray(), missing, null))
        {
            DeliveredByYear = totals,
            DeadlineReached = last >= deadline,
        };
        if (memo is not null && !before)
        {
            memo.Add(position, period, measured.Remembered(), periods: 1);
        }

        return measured;
    }

    /// <summary>
    /// The straight line a deadline target is checked against: for a level, from the value in the year before the plan
    /// (or the first reported plan year; 0 at the plan's start for an indicator counted from it) to the threshold at the
    /// deadline; for a change, from no change at the baseline.
    /// </summary>
    private static ProgressCheck? PathFor(Target target, EvaluationContext context, Ordinals ordinals, ReportingPeriod plan, ReportingPeriod period)
    {
        if (target.Requirement.PathBound is not { Comparison: not Comparison.EqualTo, Threshold: var threshold })
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
        else if (context.Figures.Catalog.StartsAtZeroWithThePlan(target.Indicator!.Value))
        {
            // A running total counted from the plan start is 0 when the plan starts, whatever year is reported first.
            startYear = plan.StartYear - 1;
            startValue = 0;
        }
        else
        {
            // The first year, from the one before the plan, with a figure.
            var table = context.Figures;
            var scratch = Scratch();
            startYear = plan.StartYear - 1;
            while (!table.TryRead(ordinals.Indicator, ReportingPeriod.Year(startYear), null, scratch, out startValue, out _, out _))
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

    private static bool IsAtLeastAsGood(Bound bound, decimal subject, decimal expected) =>
        bound.IsUpperBound ? subject <= expected : subject >= expected;

    /// <summary>Reads the value, baseline and quota a target needs for one period and unit.</summary>
    private static Measured Measure(
        Target target,
        EvaluationContext context,
        Ordinals ordinals,
        ReportingPeriod plan,
        ReportingPeriod period,
        ReportingPeriod valuePeriod,
        string? adminUnit,
        ReportingPeriod? projectTo = null,
        string? boundary = null)
    {
        // The figures used go to a per-thread scratch list and are copied once into the result.
        var used = Scratch();
        List<MissingFigure>? missing = null;
        var table = context.Figures;
        var indicator = target.Indicator!.Value;
        var ordinal = ordinals.Indicator;

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
            zeroShare = $"Mẫu số của tỷ lệ ({Formatting.VietnameseFormat.LowerFirst(table.Catalog.Get(zeroBase).Name)}, {Formatting.VietnameseFormat.Period(valuePeriod)}) bằng 0 nên không tính được tỷ lệ; chỉ tiêu chưa đánh giá được.";
        }
        else
        {
            (missing ??= []).Add(new MissingFigure(indicator, valuePeriod, adminUnit, boundary));
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
                (missing ??= []).Add(new MissingFigure(indicator, resolved, adminUnit, boundary));
            }
        }

        decimal quota = 0;
        if (target.Requirement is QuotaRequirement quotaRule)
        {
            if (quotaRule.Quota is { } fixedQuota)
            {
                quota = fixedQuota;
            }
            else if (!table.TryRead(ordinals.Quota, valuePeriod, adminUnit, boundary, used, out quota, out _, out _))
            {
                (missing ??= []).Add(new MissingFigure(quotaRule.QuotaIndicator!.Value, valuePeriod, adminUnit, boundary));
            }
        }

        IReadOnlyList<Figure> figures = used.Count == 0 ? [] : used.ToArray();

        // One exit: each return of a Measured is a large temporary the method would clear on every call.
        MeasurementHolder? measurement = null;
        var note = missing is null ? zeroShare : null;
        if (missing is null && zeroShare is null)
        {
            var change = value - baseline;
            var relative = baselineRule is not null && baseline != 0 ? change * 100m / baseline : 0m;
            var subject = value;
            switch (target.Requirement)
            {
                case ChangeRequirement { Direction: var direction, Measure: var measure }:
                    subject = Directed(direction, measure, change, relative, baseline, out note);
                    break;
                case ChangeRangeRequirement { Direction: var direction, Measure: var measure }:
                    subject = Directed(direction, measure, change, relative, baseline, out note);
                    break;
            }

            if (note is null)
            {
                measurement = new MeasurementHolder(new Measurement
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
                });
            }
        }

        return new Measured(measurement, baselinePeriod, figures, (IReadOnlyList<MissingFigure>?)missing ?? [], note);
    }

    /// <summary>The change counted in the requirement's direction and measure.</summary>
    /// <param name="direction">The direction the requirement counts in.</param>
    /// <param name="measure">Absolute or relative.</param>
    /// <param name="change">value − baseline.</param>
    /// <param name="relative">change × 100 / baseline, when the baseline is not 0.</param>
    /// <param name="baseline">The baseline.</param>
    /// <param name="note">Why the change cannot be counted (a relative change from 0), if so.</param>
    private static decimal Directed(ChangeDirection direction, ChangeMeasure measure, decimal change, decimal relative, decimal baseline, out string? note)
    {
        note = null;
        if (measure == ChangeMeasure.Absolute)
        {
            return direction == ChangeDirection.Decrease ? -change : change;
        }

        if (baseline == 0)
        {
            note = "Số liệu kỳ gốc bằng 0 nên không tính được tỷ lệ thay đổi; chỉ tiêu chưa đánh giá được.";
            return 0;
        }

        // Decimal arithmetic is sign-symmetric: −change × 100 / baseline is exactly −(change × 100 / baseline).
        return direction == ChangeDirection.Decrease ? -relative : relative;
    }

    /// <summary>A per-thread list for the figures a read uses, cleared; its contents are copied out before the next use.</summary>
    private static List<Figure> Scratch()
    {
        var list = t_scratch ??= new List<Figure>(16);
        list.Clear();
        return list;
    }

    [ThreadStatic]
    private static List<Figure>? t_scratch;

}

/// <summary>
/// The numbers in the figures' catalog of what a target reads, looked up once per period measured rather than once per
/// figure read: its indicator and, for a quota another indicator gives, that one (else −1).
/// </summary>
/// <param name="Indicator">The target's indicator.</param>
/// <param name="Quota">The indicator giving its quota, or −1.</param>
internal readonly record struct Ordinals(int Indicator, int Quota)
{
    public static Ordinals Of(Target target, FigureTable table) => new(
        table.OrdinalOf(target.Indicator!.Value),
        target.Requirement is QuotaRequirement { QuotaIndicator: { } quota } ? table.OrdinalOf(quota) : -1);
}

/// <summary>What was read for one period and unit: the measurement when the figures allow one, and what was used or missed.</summary>
internal readonly record struct Measured(
    MeasurementHolder? Measurement,
    ReportingPeriod? BaselinePeriod,
    IReadOnlyList<Figure> Figures,
    IReadOnlyList<MissingFigure> Missing,
    string? Note);
