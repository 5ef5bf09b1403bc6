using Targets.Core.Indicators;
using Targets.Core.Targets;

namespace Targets.Core.Requirements;

/// <summary>Which way a change is counted.</summary>
public enum ChangeDirection
{
    /// <summary>baseline − value ("giảm").</summary>
    Decrease,

    /// <summary>value − baseline ("tăng").</summary>
    Increase,
}

/// <summary>Whether a change is counted in percent of the baseline or in units.</summary>
public enum ChangeMeasure
{
    /// <summary>Percent of the baseline.</summary>
    Relative,

    /// <summary>In the indicator's unit.</summary>
    Absolute,
}

/// <summary>What a target asks of its indicator. Each kind keeps the shape of the wording it comes from.</summary>
public abstract record Requirement
{
    private protected Requirement()
    {
    }

    /// <summary>The baseline the requirement compares with, if any.</summary>
    public virtual Baseline? ComparedWith => null;

    /// <summary>
    /// The bound a deadline target's straight-line path heads for before its deadline: a level's or change's own bound, a
    /// range's lower end, a fixed quota; null when there is no number to draw a line to (zero, an assigned quota, an
    /// expression, a composite).
    /// </summary>
    public virtual Bound? PathBound => null;
}

/// <summary>A level: "từ 90% trở lên", "trên 80%", "dưới 1%".</summary>
/// <param name="Bound">The bound on the value.</param>
public sealed record LevelRequirement(Bound Bound) : Requirement
{
    /// <inheritdoc />
    public override Bound? PathBound => Bound;
}

/// <summary>A change from a baseline: "giảm 07% so với năm 2022", "tăng từ 5% so với năm trước", "thấp hơn năm 2022".</summary>
/// <param name="Baseline">What the change is measured against.</param>
/// <param name="Direction">Decrease or increase.</param>
/// <param name="Measure">Relative (percent) or absolute.</param>
/// <param name="Bound">The bound on the change.</param>
public sealed record ChangeRequirement(Baseline Baseline, ChangeDirection Direction, ChangeMeasure Measure, Bound Bound) : Requirement
{
    /// <inheritdoc />
    public override Baseline? ComparedWith => Baseline;

    /// <inheritdoc />
    public override Bound? PathBound => Bound;
}

/// <summary>
/// A change within a range: "giảm từ 3% - 5% ... so với cùng kỳ". Below <paramref name="From"/> is not met, within is met,
/// beyond <paramref name="To"/> is exceeded.
/// </summary>
/// <param name="Baseline">What the change is measured against.</param>
/// <param name="Direction">Decrease or increase.</param>
/// <param name="Measure">Relative (percent) or absolute.</param>
/// <param name="From">The lower end, included.</param>
/// <param name="To">The upper end, included.</param>
public sealed record ChangeRangeRequirement(Baseline Baseline, ChangeDirection Direction, ChangeMeasure Measure, decimal From, decimal To)
    : Requirement
{
    /// <inheritdoc />
    public override Baseline? ComparedWith => Baseline;

    /// <inheritdoc />
    public override Bound? PathBound => new Bound(Comparison.AtLeast, From);
}

/// <summary>Zero occurrences: "không để xảy ra", "không để tồn tại", "không để hình thành".</summary>
/// <param name="Phrase">The document's own words for it (<c>không để tồn tại</c>), as the report repeats them.</param>
public sealed record ZeroRequirement(string Phrase = ZeroRequirement.DefaultPhrase) : Requirement
{
    /// <summary>The words used when a rule set does not give the document's own.</summary>
    public const string DefaultPhrase = "không để xảy ra";
}

/// <summary>
/// A one-off deliverable: "Xây dựng một mô hình ...". It is done in the first year the count built since the start of the
/// plan reaches <paramref name="Count"/>, and stays done; before that and before its deadline it is not yet done
/// (pending); at the deadline, not done is not met. It has no projection, no percentage and cannot be exceeded.
/// </summary>
/// <param name="Count">How many are to be delivered ("một mô hình": 1).</param>
public sealed record DeliverableRequirement(decimal Count = 1) : Requirement;

/// <summary>
/// A count quota: "550 hồ sơ", or a figure assigned by another body and read from the data ("căn cứ chỉ tiêu Sở ... giao").
/// Above the quota is exceeded ("đạt và vượt").
/// </summary>
/// <param name="Quota">A fixed quota, or null when it is assigned.</param>
/// <param name="QuotaIndicator">The indicator holding the assigned quota, or null when it is fixed.</param>
public sealed record QuotaRequirement(decimal? Quota, IndicatorId? QuotaIndicator) : Requirement
{
    /// <inheritdoc />
    public override Bound? PathBound => Quota is { } quota ? new Bound(Comparison.AtLeast, quota) : null;
}

/// <summary>A composite over other targets' results: met when all of them are met.</summary>
/// <param name="Targets">The targets it reads.</param>
public sealed record CompositeRequirement(IReadOnlyList<TargetId> Targets) : Requirement
{
    /// <inheritdoc />
    public bool Equals(CompositeRequirement? other) => other is not null && Targets.SequenceEqual(other.Targets);

    /// <inheritdoc />
    public override int GetHashCode() => Targets.Aggregate(17, (hash, id) => HashCode.Combine(hash, id));
}

/// <summary>A plugin's own rule: a boolean expression over the measurement, with its description in words.</summary>
/// <param name="Expression">The expression, in the rule language.</param>
/// <param name="Description">What it asks, in Vietnamese, for the report.</param>
/// <param name="Baseline">An optional baseline the expression may read.</param>
public sealed record ExpressionRequirement(string Expression, string Description, Baseline? Baseline = null) : Requirement
{
    /// <inheritdoc />
    public override Baseline? ComparedWith => Baseline;
}
