using System.Text.Json.Serialization;
using Targets.Core.Data;
using Targets.Core.Indicators;
using Targets.Core.Periods;
using Targets.Core.Targets;

namespace Targets.Core.Evaluation;

/// <summary>The verdict on a target for a period.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AssessmentStatus>))]
public enum AssessmentStatus
{
    /// <summary>The requirement is met.</summary>
    [JsonStringEnumMemberName("met")]
    Met,

    /// <summary>The requirement is met and gone beyond ("đạt và vượt").</summary>
    [JsonStringEnumMemberName("exceeded")]
    Exceeded,

    /// <summary>The requirement is not met.</summary>
    [JsonStringEnumMemberName("notMet")]
    NotMet,

    /// <summary>Before its deadline, the target is on the path to be met.</summary>
    [JsonStringEnumMemberName("onTrack")]
    OnTrack,

    /// <summary>Before its deadline, the target is behind the path.</summary>
    [JsonStringEnumMemberName("atRisk")]
    AtRisk,

    /// <summary>The figures needed are missing (or the requirement cannot be computed from them).</summary>
    [JsonStringEnumMemberName("noData")]
    NoData,

    /// <summary>A deliverable not yet done, before its deadline: neither met nor at risk ("chưa hoàn thành, chưa đến hạn").</summary>
    [JsonStringEnumMemberName("pending")]
    Pending,
}

/// <summary>The straight-line path a deadline target is checked against before its deadline.</summary>
/// <param name="StartYear">The year the path starts.</param>
/// <param name="StartValue">The compared quantity at the start.</param>
/// <param name="DeadlineYear">The deadline year.</param>
/// <param name="TargetValue">The threshold at the deadline.</param>
/// <param name="Year">The year checked.</param>
/// <param name="Expected">Where the path stands in that year.</param>
/// <param name="Projected">For cumulative targets: the measured value is the running total projected to the whole plan period.</param>
/// <param name="RunningTotal">For cumulative targets: the running total actually reported so far, before projection.</param>
public sealed record ProgressCheck(
    int StartYear,
    decimal StartValue,
    int DeadlineYear,
    decimal TargetValue,
    int Year,
    decimal? Expected,
    bool Projected = false,
    decimal? RunningTotal = null);

/// <summary>A figure an evaluation needed and did not find: a share's figure is its two counts, or the share itself.</summary>
/// <param name="Indicator">The indicator.</param>
/// <param name="Period">The period.</param>
/// <param name="AdminUnit">The administrative unit, for a per-unit target; null for the locality as a whole.</param>
/// <param name="Boundary">
/// For a locality that has merged: the boundary the figure was sought for (<see cref="Successions.Succession.MergedBoundary"/>
/// or a joined unit's code); null for the unit the documents were written for.
/// </param>
public sealed record MissingFigure(IndicatorId Indicator, ReportingPeriod Period, string? AdminUnit = null, string? Boundary = null)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"{Indicator} {Period}{(AdminUnit is null ? string.Empty : $" ({AdminUnit})")}{(Boundary is null ? string.Empty : $" [boundary {Boundary}]")}";
}

/// <summary>Which boundary a result's figures are for, for a locality that has merged.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ResultBoundary>))]
public enum ResultBoundary
{
    /// <summary>The unit the target's document was written for (the default, and the only one without a merger).</summary>
    [JsonStringEnumMemberName("asSet")]
    AsSet,

    /// <summary>
    /// The merged locality, like with like: only merged figures were given for the period, so the change is measured
    /// between the merged value and the sum of the merged units' baselines.
    /// </summary>
    [JsonStringEnumMemberName("merged")]
    Merged,
}

/// <summary>One administrative unit's result under a target that holds for each unit.</summary>
/// <param name="Unit">The unit.</param>
/// <param name="Status">Its status.</param>
/// <param name="Measurement">What was measured, when the figures exist.</param>
/// <param name="Figures">The figures used.</param>
public sealed record UnitResult(string Unit, AssessmentStatus Status, Measurement? Measurement, IReadOnlyList<Figure> Figures)
{
    /// <summary>The baseline period the unit's change is counted from, when the requirement compares with one.</summary>
    public ReportingPeriod? BaselinePeriod { get; init; }
}

/// <summary>
/// The result of one target for one period: the status, what was measured, and every figure used (with its period), so
/// that each number in the report can be traced to the data and the clause.
/// </summary>
public sealed record TargetResult
{
    /// <summary>The target.</summary>
    public required Target Target { get; init; }

    /// <summary>The period evaluated (for a deadline target before its deadline: the latest year with figures).</summary>
    public required ReportingPeriod Period { get; init; }

    /// <summary>The verdict.</summary>
    public required AssessmentStatus Status { get; init; }

    // The measurement is held by reference: a result judged from a measured period shares the period's (see MeasurementHolder).
    private readonly MeasurementHolder? _measurement;

    /// <summary>What was measured; null when figures are missing.</summary>
    public Measurement? Measurement
    {
        get => _measurement?.Value;
        init => _measurement = value is { } measurement ? new MeasurementHolder(measurement) : null;
    }

    /// <summary>The measurement as a measured period holds it, shared rather than copied.</summary>
    internal MeasurementHolder? SharedMeasurement
    {
        init => _measurement = value;
    }

    /// <summary>The baseline period, when the requirement compares with one.</summary>
    public ReportingPeriod? BaselinePeriod { get; init; }

    /// <summary>The figures used, in the order read.</summary>
    public IReadOnlyList<Figure> Figures { get; init; } = [];

    /// <summary>The figures that were needed and missing.</summary>
    public IReadOnlyList<MissingFigure> MissingFigures { get; init; } = [];

    /// <summary>Why a figure could not be computed (e.g. a zero baseline), if so.</summary>
    public string? Note { get; init; }

    /// <summary>The path checked before a deadline, if any.</summary>
    public ProgressCheck? Progress { get; init; }

    /// <summary>Per-unit results, for targets that hold for each unit.</summary>
    public IReadOnlyList<UnitResult> Units { get; init; } = [];

    /// <summary>For a deliverable that is done: the year it was done in.</summary>
    public ReportingPeriod? DoneIn { get; init; }

    /// <summary>The components' results, for a composite.</summary>
    public IReadOnlyList<TargetResult> Components { get; init; } = [];

    /// <summary>
    /// For a target on the locality as a whole whose figures are also given per unit: each unit's own result under the
    /// same requirement (the whole is the units rolled up, or given alongside them).
    /// </summary>
    public IReadOnlyList<UnitResult> ByUnit { get; init; } = [];

    /// <summary>The drill-down: of <see cref="ByUnit"/>, the units that do not meet the requirement themselves, pulling the whole down.</summary>
    public IReadOnlyList<UnitResult> UnitsBelowBar => [.. ByUnit.Where(u => u.Status == AssessmentStatus.NotMet)];

    /// <summary>Which boundary the figures are for (see <see cref="ResultBoundary"/>).</summary>
    public ResultBoundary Boundary { get; init; }

    /// <summary>Whether the period's verdict is final (met, exceeded or not met).</summary>
    public bool IsFinal => Status is AssessmentStatus.Met or AssessmentStatus.Exceeded or AssessmentStatus.NotMet;
}
