using Targets.Core.Data;
using Targets.Core.Evaluation;
using Targets.Core.Indicators;
using Targets.Core.Periods;
using Targets.Core.Requirements;
using Targets.Core.Schedules;
using Targets.Core.Targets;
using Targets.Rules.Engine;

namespace Targets.Benchmarks;

/// <summary>
/// The floor: the shipped targets evaluated by hand, in plain C#, over figures pre-indexed in flat arrays (indicator ×
/// unit × year). No rule engine, no result objects, no strings: a switch on the requirement kind and decimal comparisons,
/// following the same schedule, scope, baseline, progress and composite rules as <see cref="TargetEvaluator"/>, so that it
/// gives the same statuses (checked in <see cref="Verify"/>). Only what the synthetic data holds is supported: yearly
/// figures (a flow's spans are summed, a stock's span is its last year), whole-locality and per-unit scopes, composites on a
/// deadline, one-off deliverables.
/// </summary>
public sealed class HandWrittenEvaluator
{
    /// <summary>The first year the flat index holds.</summary>
    public const int BaseYear = 2010;

    /// <summary>Years the flat index holds (2010–2025).</summary>
    public const int YearSlots = 16;

    private readonly FloorTarget[] _targets;
    private readonly int[] _documentOrder;
    private readonly Dictionary<IndicatorId, int> _indicators;
    private readonly bool[] _stocks;
    private readonly IndicatorCatalog _catalog;

    /// <summary>"Compiles" a locality's targets into flat records.</summary>
    public HandWrittenEvaluator(ICompiledRuleSet rules)
    {
        _catalog = rules.Catalog;
        _indicators = [];
        foreach (var indicator in _catalog)
        {
            _indicators[indicator.Id] = _indicators.Count;
        }

        _stocks = [.. _catalog.Select(indicator => _catalog.StockOrFlowOf(indicator.Id) == StockOrFlow.Stock)];

        var targets = rules.RuleSets.SelectMany(set => set.Targets).ToList();
        var measured = targets.Where(t => t.Requirement is not CompositeRequirement).ToList();
        var composites = targets.Where(t => t.Requirement is CompositeRequirement).ToList();
        var ordered = new List<Target>(measured);
        while (composites.Count > 0)
        {
            var ready = composites.Where(c => ((CompositeRequirement)c.Requirement).Targets.All(id => ordered.Any(o => o.Id == id))).ToList();
            ordered.AddRange(ready);
            composites.RemoveAll(ready.Contains);
        }

        var slotOf = ordered.Select((t, i) => (t.Id, i)).ToDictionary(p => p.Id, p => p.i);
        _targets = [.. ordered.Select(t => Flatten(t, slotOf))];
        _documentOrder = [.. targets.Select(t => slotOf[t.Id])];
    }

    /// <summary>Targets, in evaluation order.</summary>
    public int TargetCount => _targets.Length;

    /// <summary>Pre-indexes a dataset's figures into flat arrays (the floor's own indexing).</summary>
    public FloorFigures Index(Dataset dataset)
    {
        var units = new SortedSet<string>(dataset.AdminUnits, StringComparer.Ordinal);
        foreach (var figure in dataset.Figures)
        {
            if (figure.AdminUnit is { } unit)
            {
                units.Add(unit);
            }
        }

        var unitList = units.ToArray();
        var unitIndex = new Dictionary<string, int>(unitList.Length, StringComparer.Ordinal);
        for (var i = 0; i < unitList.Length; i++)
        {
            unitIndex[unitList[i]] = i + 1;
        }

        var n = _indicators.Count;
        var figures = new FloorFigures(n, unitList, _stocks);
        foreach (var expected in dataset.AdminUnits)
        {
            figures.Expected[unitIndex[expected]] = true;
        }

        foreach (var figure in dataset.Figures)
        {
            var slot = figure.AdminUnit is { } unit ? unitIndex[unit] : 0;
            var indicator = _indicators[figure.Indicator];
            var year = figure.Period.StartYear - BaseYear;
            var at = (((slot * n) + indicator) * YearSlots) + year;
            figures.Values[at] = figure.Value;
            figures.Present[at] = true;
            if (slot > 0)
            {
                figures.Reporting[(indicator * (unitList.Length + 1)) + slot] = true;
            }
        }

        return figures;
    }

    /// <summary>Evaluates every target as of the end of <paramref name="asOfYear"/>, adding each result's status to the counts.</summary>
    /// <param name="figures">The pre-indexed figures.</param>
    /// <param name="asOfYear">The as-of year.</param>
    /// <param name="statusCounts">Counts by <see cref="AssessmentStatus"/>, added to.</param>
    /// <param name="latest">Scratch: each target's latest status (composites read it).</param>
    /// <param name="trace">When given, every result as (target slot, status), for <see cref="Verify"/>.</param>
    /// <returns>How many results (target × period) were produced.</returns>
    public int Evaluate(FloorFigures figures, int asOfYear, Span<int> statusCounts, Span<AssessmentStatus> latest, List<(int Target, AssessmentStatus Status)>? trace = null)
    {
        var results = 0;
        for (var t = 0; t < _targets.Length; t++)
        {
            ref readonly var target = ref _targets[t];
            var status = AssessmentStatus.NoData;
            var produced = 0;
            switch (target.Schedule)
            {
                case not ScheduleKind.None when target.Kind == Kind.Deliverable:
                    status = Deliverable(in target, figures, asOfYear);
                    statusCounts[(int)status]++;
                    trace?.Add((t, status));
                    produced++;
                    break;
                case ScheduleKind.EachYear:
                    for (var year = target.PlanStart; year <= Math.Min(target.PlanEnd, asOfYear); year++)
                    {
                        status = Period(in target, figures, year, year, year, year);
                        statusCounts[(int)status]++;
                        trace?.Add((t, status));
                        produced++;
                    }

                    break;
                case ScheduleKind.SingleYear when target.Year <= asOfYear:
                    status = Period(in target, figures, target.Year, target.Year, target.Year, target.Year);
                    statusCounts[(int)status]++;
                    trace?.Add((t, status));
                    produced++;
                    break;
                case ScheduleKind.Deadline or ScheduleKind.CumulativeDeadline:
                    status = target.Kind == Kind.Composite
                        ? Composite(in target, latest)
                        : asOfYear >= target.PlanEnd
                            ? target.Schedule == ScheduleKind.CumulativeDeadline
                                ? Period(in target, figures, target.PlanStart, target.PlanEnd, target.PlanStart, target.PlanEnd)
                                : Period(in target, figures, target.PlanEnd, target.PlanEnd, target.PlanEnd, target.PlanEnd)
                            : target.Schedule == ScheduleKind.CumulativeDeadline
                                ? CumulativeProgress(in target, figures, asOfYear)
                                : Progress(in target, figures, asOfYear);
                    statusCounts[(int)status]++;
                    trace?.Add((t, status));
                    produced++;
                    break;
            }

            latest[t] = produced > 0 ? status : (AssessmentStatus)(-1);
            results += produced;
        }

        return results;
    }

    /// <summary>Checks that the floor gives the engine's statuses, target by target and period by period, for one assessment.</summary>
    /// <returns>Null when they agree, else the first difference.</returns>
    public string? Verify(FloorFigures figures, Assessment assessment)
    {
        var year = assessment.AsOf.Year;
        var trace = new List<(int Target, AssessmentStatus Status)>();
        Evaluate(figures, year, new int[8], new AssessmentStatus[_targets.Length], trace);
        var engine = assessment.Results.GroupBy(r => r.Target.Id).ToDictionary(g => g.Key, g => g.Select(r => r.Status).ToList());
        foreach (var slot in _documentOrder)
        {
            var id = _targets[slot].Id;
            var mine = trace.Where(r => r.Target == slot).Select(r => r.Status).ToList();
            var theirs = engine.GetValueOrDefault(id) ?? [];
            if (!mine.SequenceEqual(theirs))
            {
                return $"{id} as of {year}: floor {string.Join(",", mine)} vs engine {string.Join(",", theirs)}";
            }
        }

        return null;
    }

    private AssessmentStatus Period(in FloorTarget target, FloorFigures figures, int periodStart, int periodEnd, int valueStart, int valueEnd)
    {
        if (!target.EachUnit)
        {
            return Measure(in target, figures, 0, periodStart, periodEnd, valueStart, valueEnd, projectTo: false, out var m) ? Judge(in target, in m) : AssessmentStatus.NoData;
        }

        var any = false;
        var notMet = false;
        var noData = false;
        var allExceeded = true;
        for (var unit = 1; unit <= figures.Units.Length; unit++)
        {
            if (!figures.UnitHolds(target.Indicator, target.Numerator, target.Denominator, unit))
            {
                continue;
            }

            any = true;
            var status = Measure(in target, figures, unit, periodStart, periodEnd, valueStart, valueEnd, projectTo: false, out var m) ? Judge(in target, in m) : AssessmentStatus.NoData;
            notMet |= status == AssessmentStatus.NotMet;
            noData |= status == AssessmentStatus.NoData;
            allExceeded &= status == AssessmentStatus.Exceeded;
        }

        return !any ? AssessmentStatus.NoData
            : notMet ? AssessmentStatus.NotMet
            : noData ? AssessmentStatus.NoData
            : allExceeded ? AssessmentStatus.Exceeded
            : AssessmentStatus.Met;
    }

    private AssessmentStatus Progress(in FloorTarget target, FloorFigures figures, int asOfYear)
    {
        var lastYear = Math.Min(asOfYear, target.PlanEnd - 1);
        for (var year = lastYear; year >= target.PlanStart; year--)
        {
            if (!Measure(in target, figures, 0, year, year, year, year, projectTo: false, out var m))
            {
                continue;
            }

            var onTrack = IsMet(in target, in m);
            if (!onTrack && target.HasThreshold && target.Comparison != Comparison.EqualTo)
            {
                int startYear;
                decimal startValue;
                var found = true;
                if (target.Baseline != BaselineKind.None)
                {
                    BaselinePeriod(in target, year, year, out _, out startYear);
                    startValue = 0;
                }
                else if (target.CountedFromPlanStart)
                {
                    // A running total counted from the plan start is 0 when the plan starts.
                    startYear = target.PlanStart - 1;
                    startValue = 0;
                }
                else
                {
                    found = false;
                    startYear = 0;
                    startValue = 0;
                    for (var y = target.PlanStart - 1; y <= year; y++)
                    {
                        if (Read(in target, figures, 0, y, y, out startValue, out _, out _))
                        {
                            startYear = y;
                            found = true;
                            break;
                        }
                    }
                }

                if (found)
                {
                    var deadline = target.PlanEnd;
                    var expected = year <= startYear || deadline <= startYear
                        ? startValue
                        : startValue + ((target.Threshold - startValue) * (year - startYear) / (deadline - startYear));
                    onTrack = target.UpperBound ? m.Subject <= expected : m.Subject >= expected;
                }
            }

            return onTrack ? AssessmentStatus.OnTrack : AssessmentStatus.AtRisk;
        }

        return AssessmentStatus.NoData;
    }

    private AssessmentStatus CumulativeProgress(in FloorTarget target, FloorFigures figures, int asOfYear)
    {
        var lastYear = Math.Min(asOfYear, target.PlanEnd - 1);
        for (var year = lastYear; year >= target.PlanStart; year--)
        {
            if (Measure(in target, figures, 0, target.PlanStart, target.PlanEnd, target.PlanStart, year, projectTo: true, out var m))
            {
                return IsMet(in target, in m) ? AssessmentStatus.OnTrack : AssessmentStatus.AtRisk;
            }
        }

        return AssessmentStatus.NoData;
    }

    /// <summary>
    /// A one-off deliverable: the yearly counts summed from the plan start to the as-of year (or the deadline); done once the
    /// sum reaches the count, else no data when a year is missing, not met at the deadline, pending before it.
    /// </summary>
    private static AssessmentStatus Deliverable(in FloorTarget target, FloorFigures figures, int asOfYear)
    {
        var deadline = target.Schedule == ScheduleKind.SingleYear ? target.Year : target.PlanEnd;
        var last = Math.Min(asOfYear, deadline);
        decimal delivered = 0;
        var missing = false;
        for (var year = target.PlanStart; year <= last; year++)
        {
            if (figures.ReadYear(target.Indicator, 0, year, out var value))
            {
                delivered += value;
            }
            else
            {
                missing = true;
            }
        }

        return delivered >= target.Threshold ? AssessmentStatus.Met
            : missing ? AssessmentStatus.NoData
            : last >= deadline ? AssessmentStatus.NotMet
            : AssessmentStatus.Pending;
    }

    private AssessmentStatus Composite(in FloorTarget target, ReadOnlySpan<AssessmentStatus> latest)
    {
        var met = 0;
        bool notMet = false, noData = false, atRisk = false, pending = false, onTrack = false;
        foreach (var component in target.Components)
        {
            var status = latest[component];
            met += status is AssessmentStatus.Met or AssessmentStatus.Exceeded ? 1 : 0;
            notMet |= status == AssessmentStatus.NotMet;
            noData |= status == AssessmentStatus.NoData;
            atRisk |= status == AssessmentStatus.AtRisk;
            pending |= status == AssessmentStatus.Pending;
            onTrack |= status == AssessmentStatus.OnTrack;
        }

        return met == target.Components.Length ? AssessmentStatus.Met
            : notMet ? AssessmentStatus.NotMet
            : noData ? AssessmentStatus.NoData
            : atRisk ? AssessmentStatus.AtRisk
            : pending ? AssessmentStatus.Pending
            : onTrack ? AssessmentStatus.OnTrack
            : AssessmentStatus.NotMet;
    }

    private static bool IsMet(in FloorTarget target, in Measurement m) => target.Kind switch
    {
        Kind.Level or Kind.Change => Satisfies(target.Comparison, m.Subject, target.Threshold),
        Kind.Range => m.Subject >= target.Threshold,
        Kind.Zero => m.Subject == 0,
        Kind.Quota => m.Subject >= m.Quota,
        _ => false,
    };

    private static AssessmentStatus Judge(in FloorTarget target, in Measurement m)
    {
        if (!IsMet(in target, in m))
        {
            return AssessmentStatus.NotMet;
        }

        // "Vượt" is the one Core rule (beyond the pass mark, counted in whole things): the floor asks it as the engine does.
        return PassMark.IsExceeded(target.Requirement, m, target.WholeCounts) ? AssessmentStatus.Exceeded : AssessmentStatus.Met;
    }

    private static bool Satisfies(Comparison comparison, decimal value, decimal threshold) => comparison switch
    {
        Comparison.GreaterThan => value > threshold,
        Comparison.AtLeast => value >= threshold,
        Comparison.LessThan => value < threshold,
        Comparison.AtMost => value <= threshold,
        _ => value == threshold,
    };

    /// <summary>Reads the value, baseline and quota; false when a figure is missing or a relative change has a zero baseline.</summary>
    private static bool Measure(
        in FloorTarget target, FloorFigures figures, int unit, int periodStart, int periodEnd, int valueStart, int valueEnd, bool projectTo, out Measurement m)
    {
        m = default;
        if (!Read(in target, figures, unit, valueStart, valueEnd, out var value, out var numerator, out var denominator))
        {
            return false;
        }

        if (projectTo && !target.IsShare && !target.IsStock && valueEnd - valueStart < target.PlanEnd - target.PlanStart)
        {
            value = value * (target.PlanEnd - target.PlanStart + 1) / (valueEnd - valueStart + 1);
        }

        decimal baseline = 0;
        if (target.Baseline != BaselineKind.None)
        {
            BaselinePeriod(in target, periodStart, periodEnd, out var baseStart, out var baseEnd);
            if (!Read(in target, figures, unit, baseStart, baseEnd, out baseline, out _, out _))
            {
                return false;
            }
        }

        decimal quota = 0;
        if (target.Kind == Kind.Quota)
        {
            if (target.QuotaIndicator < 0)
            {
                quota = target.Threshold;
            }
            else if (!figures.ReadCount(target.QuotaIndicator, unit, valueStart, valueEnd, out quota))
            {
                return false;
            }
        }

        var subject = value;
        if (target.Kind is Kind.Change or Kind.Range)
        {
            var change = value - baseline;
            var directed = target.Decrease ? -change : change;
            if (target.Relative)
            {
                if (baseline == 0)
                {
                    return false;
                }

                directed = directed * 100m / baseline;
            }

            subject = directed;
        }

        m = new Measurement { Value = value, Numerator = numerator, Denominator = denominator, Baseline = baseline, Quota = quota, Subject = subject };
        return true;
    }

    private static bool Read(in FloorTarget target, FloorFigures figures, int unit, int start, int end, out decimal value, out decimal numerator, out decimal denominator)
    {
        numerator = denominator = 0;
        if (!target.IsShare)
        {
            return figures.ReadCount(target.Indicator, unit, start, end, out value);
        }

        if (figures.ReadCount(target.Numerator, unit, start, end, out numerator) &&
            figures.ReadCount(target.Denominator, unit, start, end, out denominator) &&
            denominator > 0)
        {
            value = numerator * 100m / denominator;
            return true;
        }

        numerator = denominator = 0;
        return start == end ? figures.ReadYear(target.Indicator, unit, start, out value) : (value = 0) != 0;
    }

    private static void BaselinePeriod(in FloorTarget target, int periodStart, int periodEnd, out int start, out int end)
    {
        switch (target.Baseline)
        {
            case BaselineKind.FixedYear:
                start = end = target.BaselineYear;
                break;
            case BaselineKind.PreviousYear:
            case BaselineKind.SamePeriodPreviousYear:
                start = periodStart - 1;
                end = periodEnd - 1;
                if (target.Baseline == BaselineKind.PreviousYear)
                {
                    start = end;
                }

                break;
            case BaselineKind.YearBeforePlan:
                start = end = target.PlanStart - 1;
                break;
            default:
                var length = target.PlanEnd - target.PlanStart + 1;
                start = target.PlanStart - length;
                end = target.PlanStart - 1;
                break;
        }
    }

    private FloorTarget Flatten(Target target, Dictionary<TargetId, int> slotOf)
    {
        var plan = target.Document.Period;
        var t = new FloorTarget { Id = target.Id, Requirement = target.Requirement, PlanStart = plan.StartYear, PlanEnd = plan.EndYear, QuotaIndicator = -1, Indicator = -1, Numerator = -1, Denominator = -1, Components = [] };
        t = target.Schedule switch
        {
            Schedule.EachYear => t with { Schedule = ScheduleKind.EachYear },
            Schedule.SingleYear single => t with { Schedule = ScheduleKind.SingleYear, Year = single.Year },
            Schedule.ByDeadline { Cumulative: true } => t with { Schedule = ScheduleKind.CumulativeDeadline },
            _ => t with { Schedule = ScheduleKind.Deadline },
        };
        if (target.Indicator is { } id)
        {
            var indicator = _catalog.Get(id);
            t = t with { Indicator = _indicators[id], IsShare = indicator.IsShare, WholeCounts = indicator.Kind == IndicatorKind.Count, CountedFromPlanStart = _catalog.StartsAtZeroWithThePlan(id) , IsStock = _stocks[_indicators[id]] };
            if (indicator.IsShare)
            {
                t = t with { Numerator = _indicators[indicator.Numerator!.Value], Denominator = _indicators[indicator.Denominator!.Value] };
            }
        }

        t = t with { EachUnit = target.Scope is TargetScope.EachUnit };
        t = target.Requirement switch
        {
            LevelRequirement level => t with { Kind = Kind.Level, Comparison = level.Bound.Comparison, Threshold = level.Bound.Threshold, HasThreshold = true, UpperBound = level.Bound.IsUpperBound },
            ChangeRequirement change => WithBaseline(t with { Kind = Kind.Change, Comparison = change.Bound.Comparison, Threshold = change.Bound.Threshold, HasThreshold = true, UpperBound = change.Bound.IsUpperBound, Decrease = change.Direction == ChangeDirection.Decrease, Relative = change.Measure == ChangeMeasure.Relative }, change.Baseline),
            ChangeRangeRequirement range => WithBaseline(t with { Kind = Kind.Range, Comparison = Comparison.AtLeast, Threshold = range.From, HasThreshold = true, Decrease = range.Direction == ChangeDirection.Decrease, Relative = range.Measure == ChangeMeasure.Relative }, range.Baseline),
            ZeroRequirement => t with { Kind = Kind.Zero },
            DeliverableRequirement deliverable => t with { Kind = Kind.Deliverable, Threshold = deliverable.Count },
            QuotaRequirement { Quota: { } quota } => t with { Kind = Kind.Quota, Threshold = quota, HasThreshold = true },
            QuotaRequirement { QuotaIndicator: { } assigned } => t with { Kind = Kind.Quota, QuotaIndicator = _indicators[assigned] },
            CompositeRequirement composite => t with { Kind = Kind.Composite, Components = [.. composite.Targets.Select(c => slotOf[c])] },
            _ => throw new NotSupportedException($"the floor does not evaluate {target.Requirement.GetType().Name} ({target.Id})"),
        };
        if (t.Kind == Kind.Composite && t.Schedule is ScheduleKind.EachYear)
        {
            throw new NotSupportedException($"the floor does not evaluate yearly composites ({target.Id})");
        }

        return t;
    }

    private static FloorTarget WithBaseline(FloorTarget t, Baseline baseline) => baseline switch
    {
        Baseline.FixedYear year => t with { Baseline = BaselineKind.FixedYear, BaselineYear = year.Year },
        Baseline.PreviousYear => t with { Baseline = BaselineKind.PreviousYear },
        Baseline.SamePeriodPreviousYear => t with { Baseline = BaselineKind.SamePeriodPreviousYear },
        Baseline.YearBeforePlan => t with { Baseline = BaselineKind.YearBeforePlan },
        Baseline.PrecedingPlanPeriod => t with { Baseline = BaselineKind.PrecedingPlanPeriod },
        _ => throw new NotSupportedException($"the floor does not read {baseline.GetType().Name} baselines"),
    };

    private enum Kind
    {
        Level,
        Change,
        Range,
        Zero,
        Deliverable,
        Quota,
        Composite,
    }

    private enum ScheduleKind
    {
        None,
        EachYear,
        SingleYear,
        Deadline,
        CumulativeDeadline,
    }

    private enum BaselineKind
    {
        None,
        FixedYear,
        PreviousYear,
        SamePeriodPreviousYear,
        YearBeforePlan,
        PrecedingPlanPeriod,
    }

    private readonly record struct FloorTarget
    {
        public TargetId Id { get; init; }

        public Requirement Requirement { get; init; }

        public bool WholeCounts { get; init; }

        public bool CountedFromPlanStart { get; init; }

        public Kind Kind { get; init; }

        public ScheduleKind Schedule { get; init; }

        public int Year { get; init; }

        public int PlanStart { get; init; }

        public int PlanEnd { get; init; }

        public bool EachUnit { get; init; }

        public int Indicator { get; init; }

        public bool IsShare { get; init; }

        public bool IsStock { get; init; }

        public int Numerator { get; init; }

        public int Denominator { get; init; }

        public Comparison Comparison { get; init; }

        public decimal Threshold { get; init; }

        public bool HasThreshold { get; init; }

        public bool UpperBound { get; init; }

        public bool Decrease { get; init; }

        public bool Relative { get; init; }

        public BaselineKind Baseline { get; init; }

        public int BaselineYear { get; init; }

        public int QuotaIndicator { get; init; }

        public int[] Components { get; init; }
    }
}

/// <summary>One dataset's figures, flat: value and presence per (unit slot, indicator, year); slot 0 is the locality as a whole.</summary>
public sealed class FloorFigures
{
    internal FloorFigures(int indicators, string[] units, bool[] stocks)
    {
        Indicators = indicators;
        Stocks = stocks;
        Units = units;
        Values = new decimal[(units.Length + 1) * indicators * HandWrittenEvaluator.YearSlots];
        Present = new bool[Values.Length];
        Reporting = new bool[indicators * (units.Length + 1)];
        Expected = new bool[units.Length + 1];
    }

    internal int Indicators { get; }

    /// <summary>Per indicator: a stock, whose value for a span is the one of its last year (never a sum).</summary>
    internal bool[] Stocks { get; }

    internal string[] Units { get; }

    internal decimal[] Values { get; }

    internal bool[] Present { get; }

    internal bool[] Reporting { get; }

    internal bool[] Expected { get; }

    internal bool ReadYear(int indicator, int unit, int year, out decimal value)
    {
        var at = (((unit * Indicators) + indicator) * HandWrittenEvaluator.YearSlots) + year - HandWrittenEvaluator.BaseYear;
        value = Values[at];
        return Present[at];
    }

    internal bool ReadCount(int indicator, int unit, int start, int end, out decimal value)
    {
        value = 0;
        if (Stocks[indicator])
        {
            start = end;
        }

        var at = (((unit * Indicators) + indicator) * HandWrittenEvaluator.YearSlots) - HandWrittenEvaluator.BaseYear;
        for (var year = start; year <= end; year++)
        {
            if (!Present[at + year])
            {
                value = 0;
                return false;
            }

            value += Values[at + year];
        }

        return true;
    }

    /// <summary>Whether a per-unit target holds for the unit: expected to report, or reporting the indicator or its counts.</summary>
    internal bool UnitHolds(int indicator, int numerator, int denominator, int unit)
    {
        var width = Units.Length + 1;
        return Expected[unit]
            || Reporting[(indicator * width) + unit]
            || (numerator >= 0 && Reporting[(numerator * width) + unit])
            || (denominator >= 0 && Reporting[(denominator * width) + unit]);
    }
}
