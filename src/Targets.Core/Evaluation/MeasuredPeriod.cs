using Targets.Core.Data;
using Targets.Core.Periods;
using Targets.Core.Requirements;
using Targets.Core.Targets;

namespace Targets.Core.Evaluation;

/// <summary>How the judgement of a measured period is read: a final verdict, or progress before a deadline.</summary>
public enum MeasurementStage
{
    /// <summary>The period is judged on its own: met, exceeded or not met.</summary>
    Final,

    /// <summary>Before a deadline: on track when met or at least as good as the straight-line path, else at risk.</summary>
    Progress,

    /// <summary>Before the deadline of a cumulative target: on track when the projected total meets the requirement.</summary>
    CumulativeProgress,

    /// <summary>The period cannot be judged (nothing of the plan has been reported yet): no data, whatever the figures.</summary>
    Unjudged,

    /// <summary>
    /// A one-off deliverable, judged on the count delivered since the plan started: met once done (and from then on);
    /// otherwise pending before its deadline, not met at it, no data when a year's figure is missing.
    /// </summary>
    Deliverable,
}

/// <summary>
/// What was measured of a target in one period: the fact its rule judges. Core's arithmetic (schedules, baselines,
/// shares, progress paths, projections, roll-ups, boundaries) produces it; the rules give it a verdict. For a target that
/// holds for each administrative unit it carries one <see cref="MeasuredUnit"/> per unit instead of a measurement of its
/// own; for a target on the whole whose figures are also given per unit, it carries both (the units are the drill-down).
/// </summary>
/// <remarks>A class with reference identity: two periods that measure alike are still two facts.</remarks>
public sealed class MeasuredPeriod
{
    internal MeasuredPeriod(
        Target target,
        int position,
        ReportingPeriod period,
        MeasurementStage stage,
        in Measured measured,
        ProgressCheck? progress = null,
        bool onPath = false,
        ResultBoundary boundary = ResultBoundary.AsSet,
        IReadOnlyList<MeasuredUnit>? byUnit = null)
    {
        Target = target;
        Position = position;
        Period = period;
        Stage = stage;
        _reading = measured.Measurement;
        Progress = progress;
        OnPath = onPath;
        BaselinePeriod = measured.BaselinePeriod;
        Figures = measured.Figures;
        MissingFigures = measured.Missing;
        Note = measured.Note;
        Boundary = boundary;
        Units = byUnit ?? [];
    }

    internal MeasuredPeriod(Target target, int position, ReportingPeriod period, ReportingPeriod valuePeriod, IReadOnlyList<MeasuredUnit> units)
    {
        Target = target;
        Position = position;
        Period = period;
        Stage = MeasurementStage.Final;
        Units = units;
        ValuePeriod = valuePeriod;
        Figures = [];
        MissingFigures = [];
    }

    /// <summary>The target.</summary>
    public Target Target { get; }

    /// <summary>The target's id text (what a hand-written rule matches on).</summary>
    public string TargetId => Target.Id.Value;

    /// <summary>The target's place in its locality's evaluation order: the rules generated for targets match on it.</summary>
    public int Position { get; }

    /// <summary>This period's place among the target's periods (0 for the first), set when the target is measured.</summary>
    public int Slot { get; internal set; }

    /// <summary>Whether this is the target's last period in this evaluation.</summary>
    public bool IsLatest { get; internal set; }

    /// <summary>The period the result reports.</summary>
    public ReportingPeriod Period { get; }

    /// <summary>How the judgement is read.</summary>
    public MeasurementStage Stage { get; }

    /// <summary>Whether the target holds for each administrative unit (then <see cref="Units"/> are judged, one by one).</summary>
    public bool IsEachUnit => Target.Scope is TargetScope.EachUnit;

    /// <summary>Whether there is a measurement to judge.</summary>
    public bool IsJudged => _reading is not null && Stage != MeasurementStage.Unjudged;

    /// <summary>The measurement to judge (all zero when <see cref="IsJudged"/> is false).</summary>
    public Measurement Measurement => _reading is { } reading ? reading.Value : default;

    /// <summary>The measurement as the result reports it, when the figures exist.</summary>
    public Measurement? Reading => _reading?.Value;

    /// <summary>Before a deadline: whether the measurement is at least as good as the straight-line path.</summary>
    public bool OnPath { get; }

    /// <summary>
    /// Each unit's measurement, in the order the figures list the units: for a target that holds for each unit, the units
    /// it is judged on; for a target on the locality as a whole whose figures are also given per unit, the drill-down (each
    /// unit under the same requirement, <see cref="TargetResult.ByUnit"/>); else empty.
    /// </summary>
    public IReadOnlyList<MeasuredUnit> Units { get; }

    /// <summary>The path checked before a deadline, if any.</summary>
    public ProgressCheck? Progress { get; }

    /// <summary>The baseline period, when the requirement compares with one.</summary>
    public ReportingPeriod? BaselinePeriod { get; }

    /// <summary>The figures used.</summary>
    public IReadOnlyList<Figure> Figures { get; }

    /// <summary>The figures needed and missing.</summary>
    public IReadOnlyList<MissingFigure> MissingFigures { get; }

    /// <summary>Why the figures could not be used (e.g. a zero baseline), if so.</summary>
    public string? Note { get; }

    /// <summary>Which boundary the figures are for, for a locality that has merged (see <see cref="ResultBoundary"/>).</summary>
    public ResultBoundary Boundary { get; }

    private ReportingPeriod? ValuePeriod { get; }

    // Held by reference and shared with the result (see MeasurementHolder).
    private readonly MeasurementHolder? _reading;

    /// <summary>For a deliverable: the count delivered since the plan started, at the end of each year reported.</summary>
    internal IReadOnlyList<(int Year, decimal Total)> DeliveredByYear { get; init; } = [];

    /// <summary>For a deliverable: whether the period reaches its deadline (so that not done is not met, not pending).</summary>
    internal bool DeadlineReached { get; init; }

    /// <summary>
    /// Whether the measurement does not depend on the as-of date and is shared by every evaluation of the same figures
    /// (see <see cref="MeasurementMemo"/>): the evaluations place it in their lists as it is, at its index.
    /// </summary>
    internal bool IsRemembered { get; private set; }

    /// <summary>For a remembered measurement: its judged result, once known (the evaluations of later dates take it).</summary>
    internal TargetResult? RememberedResult { get; set; }

    /// <summary>This measurement remembered for evaluations of the same figures as of other dates.</summary>
    internal MeasuredPeriod Remembered()
    {
        IsRemembered = true;
        return this;
    }

    /// <summary>This measurement at its place among the target's periods: itself, or a copy when it is shared.</summary>
    internal MeasuredPeriod Placed(int slot, bool isLatest)
    {
        var placed = IsRemembered ? (MeasuredPeriod)MemberwiseClone() : this;
        placed.Place(slot, isLatest);
        return placed;
    }

    /// <summary>Sets the place of a measurement that is not shared.</summary>
    internal void Place(int slot, bool isLatest)
    {
        Slot = slot;
        IsLatest = isLatest;
    }

    /// <summary>The result of a target that holds for the locality as a whole, from its criterion's judgement.</summary>
    /// <exception cref="InvalidOperationException">The target holds for each unit.</exception>
    /// <exception cref="ArgumentException">Its figures are also given per unit: judge the drill-down too.</exception>
    public TargetResult Result(Judgement judgement) => Result(judgement, []);

    /// <summary>
    /// The result of a target that holds for the locality as a whole, from its criterion's judgement of the whole and of
    /// each unit of the drill-down (in the order of <see cref="Units"/>; none when its figures are not given per unit).
    /// </summary>
    /// <exception cref="InvalidOperationException">The target holds for each unit.</exception>
    /// <exception cref="ArgumentException">There is not one judgement per unit of the drill-down.</exception>
    public TargetResult Result(Judgement judgement, IReadOnlyList<Judgement> unitJudgements)
    {
        ArgumentNullException.ThrowIfNull(unitJudgements);
        if (IsEachUnit)
        {
            throw new InvalidOperationException($"'{TargetId}' holds for each unit: judge its units");
        }

        if (unitJudgements.Count != Units.Count)
        {
            throw new ArgumentException($"'{TargetId}' has {Units.Count} units in its drill-down, not {unitJudgements.Count} judgements", nameof(unitJudgements));
        }

        if (Stage == MeasurementStage.Deliverable)
        {
            return DeliverableResult(judgement);
        }

        var status = !IsJudged ? AssessmentStatus.NoData : Stage switch
        {
            MeasurementStage.Progress => judgement is Judgement.Met or Judgement.Exceeded || OnPath ? AssessmentStatus.OnTrack : AssessmentStatus.AtRisk,
            MeasurementStage.CumulativeProgress => judgement is Judgement.Met or Judgement.Exceeded ? AssessmentStatus.OnTrack : AssessmentStatus.AtRisk,
            _ => Verdict.StatusOf(judgement),
        };
        return new TargetResult
        {
            Target = Target,
            Period = Period,
            Status = status,
            SharedMeasurement = _reading,
            BaselinePeriod = BaselinePeriod,
            Figures = Figures,
            MissingFigures = MissingFigures,
            Note = Note,
            Progress = Progress,
            Boundary = Boundary,
            ByUnit = Units.Count == 0 ? [] : JudgedUnits(unitJudgements),
        };
    }

    private UnitResult[] JudgedUnits(IReadOnlyList<Judgement> unitJudgements)
    {
        var results = new UnitResult[Units.Count];
        for (var u = 0; u < results.Length; u++)
        {
            var unit = Units[u];
            var status = unit.Reading.HasValue ? Verdict.StatusOf(unitJudgements[u]) : AssessmentStatus.NoData;
            results[u] = new UnitResult(unit.Unit, status, unit.Reading, unit.Figures) { BaselinePeriod = unit.BaselinePeriod };
        }

        return results;
    }

    /// <summary>
    /// A deliverable's result: met when the rule finds the count delivered enough, done in the first year its running
    /// total passes the requirement's mark (<see cref="PassMark"/>, the rule's own boundary) and done from then on; not
    /// done is no data when a year's figure is missing, not met at the deadline, and pending (“chưa hoàn thành, chưa đến
    /// hạn”) before it.
    /// </summary>
    private TargetResult DeliverableResult(Judgement judgement)
    {
        var done = judgement is Judgement.Met or Judgement.Exceeded;
        var status = done ? AssessmentStatus.Met
            : MissingFigures.Count > 0 ? AssessmentStatus.NoData
            : DeadlineReached ? AssessmentStatus.NotMet
            : AssessmentStatus.Pending;
        ReportingPeriod? doneIn = null;
        if (done && _reading is { } reading && PassMark.Of(Target.Requirement, reading.Value, wholeCounts: true) is { } mark)
        {
            foreach (var (year, total) in DeliveredByYear)
            {
                if (mark.IsPassedBy(total))
                {
                    doneIn = ReportingPeriod.Year(year);
                    break;
                }
            }
        }

        return new TargetResult
        {
            Target = Target,
            Period = Period,
            Status = status,
            SharedMeasurement = status == AssessmentStatus.NoData ? null : _reading,
            Figures = Figures,
            MissingFigures = done ? [] : MissingFigures,
            DoneIn = doneIn,
        };
    }

    /// <summary>
    /// The result of a target that holds for each unit, from its criterion's judgement of each unit (in the order of
    /// <see cref="Units"/>): not met when any unit falls short, else no data when any lacks figures, else exceeded when
    /// every unit goes beyond it, else met.
    /// </summary>
    /// <exception cref="ArgumentException">There is not one judgement per unit.</exception>
    public TargetResult Result(IReadOnlyList<Judgement> unitJudgements)
    {
        ArgumentNullException.ThrowIfNull(unitJudgements);
        if (!IsEachUnit || unitJudgements.Count != Units.Count)
        {
            throw new ArgumentException($"'{TargetId}' has {Units.Count} units to judge, not {unitJudgements.Count}", nameof(unitJudgements));
        }

        var unitResults = JudgedUnits(unitJudgements);
        bool anyNotMet = false, anyNoData = false, allExceeded = true;
        var figureCount = 0;
        for (var u = 0; u < unitResults.Length; u++)
        {
            var status = unitResults[u].Status;
            anyNotMet |= status == AssessmentStatus.NotMet;
            anyNoData |= status == AssessmentStatus.NoData;
            allExceeded &= status == AssessmentStatus.Exceeded;
            figureCount += unitResults[u].Figures.Count;
        }

        var overall = unitResults.Length == 0 ? AssessmentStatus.NoData
            : anyNotMet ? AssessmentStatus.NotMet
            : anyNoData ? AssessmentStatus.NoData
            : allExceeded ? AssessmentStatus.Exceeded
            : AssessmentStatus.Met;
        var figures = new Figure[figureCount];
        var next = 0;
        foreach (var unit in Units)
        {
            foreach (var figure in unit.Figures)
            {
                figures[next++] = figure;
            }
        }

        return new TargetResult
        {
            Target = Target,
            Period = Period,
            Status = overall,
            Units = unitResults,
            Figures = figures,
            MissingFigures = [.. unitResults.Where(u => u.Status == AssessmentStatus.NoData).Select(u => new MissingFigure(Target.Indicator!.Value, ValuePeriod!.Value, u.Unit))],
        };
    }
}

/// <summary>One administrative unit's measurement, under a target that holds for each unit.</summary>
/// <param name="Unit">The unit.</param>
/// <param name="Reading">The measurement, when its figures exist.</param>
/// <param name="Figures">The figures used.</param>
/// <param name="BaselinePeriod">The baseline period, when the requirement compares with one.</param>
public sealed record MeasuredUnit(string Unit, Measurement? Reading, IReadOnlyList<Figure> Figures, ReportingPeriod? BaselinePeriod = null)
{
    /// <summary>Whether there is a measurement to judge.</summary>
    public bool IsJudged => Reading.HasValue;

    /// <summary>The measurement to judge (all zero when there is none).</summary>
    public Measurement Measurement => Reading.GetValueOrDefault();
}

/// <summary>
/// The measurements of one set of figures that do not depend on the as-of date (each year of an annual target, a single
/// year, a deadline already reached), kept while the same figures are evaluated as of several dates: a 2022 result is the
/// same as of 2023, 2024 and 2025. One memo serves one dataset under one plan period, on one thread.
/// </summary>
internal sealed class MeasurementMemo
{
    // By position, the few periods remembered (at most the years of a plan) with their measurements: a short list beats
    // hashing periods, and the periods held in it are compared without reaching into each measurement.
    private List<(ReportingPeriod Period, MeasuredPeriod Measured)>?[] _measured;

    // By position, what each target reads, by its numbers in the figures' catalog.
    private Ordinals?[] _ordinals;

    /// <summary>An empty memo for the targets at positions 0 to <paramref name="positions"/> − 1.</summary>
    public MeasurementMemo(int positions = 0)
    {
        _measured = new List<(ReportingPeriod, MeasuredPeriod)>?[positions];
        _ordinals = new Ordinals?[positions];
    }

    /// <summary>What the target at <paramref name="position"/> reads, looked up in the catalog once for the dataset.</summary>
    public Ordinals OrdinalsOf(int position, Target target, FigureTable table)
    {
        if (position >= _ordinals.Length)
        {
            Array.Resize(ref _ordinals, Math.Max(position + 1, _ordinals.Length * 2));
        }

        return _ordinals[position] ??= Ordinals.Of(target, table);
    }

    public bool TryGet(int position, ReportingPeriod period, out MeasuredPeriod measured)
    {
        if (position < _measured.Length && _measured[position] is { } remembered)
        {
            foreach (var candidate in System.Runtime.InteropServices.CollectionsMarshal.AsSpan(remembered))
            {
                if (candidate.Period == period)
                {
                    measured = candidate.Measured;
                    return true;
                }
            }
        }

        measured = null!;
        return false;
    }

    /// <summary>Remembers a measurement of the target at <paramref name="position"/> for <paramref name="period"/>.</summary>
    /// <param name="position">The target's position.</param>
    /// <param name="period">The period measured.</param>
    /// <param name="measured">The measurement.</param>
    /// <param name="periods">How many periods the target may remember (the years of its plan, for an annual target).</param>
    public void Add(int position, ReportingPeriod period, MeasuredPeriod measured, int periods)
    {
        if (position >= _measured.Length)
        {
            Array.Resize(ref _measured, Math.Max(position + 1, _measured.Length * 2));
        }

        (_measured[position] ??= new List<(ReportingPeriod, MeasuredPeriod)>(periods)).Add((period, measured));
    }
}

