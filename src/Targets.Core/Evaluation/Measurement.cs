namespace Targets.Core.Evaluation;

/// <summary>
/// What a rule sees of a target in one period: the measured value, its share counts, the baseline and change, the quota.
/// A value type, so evaluating a compiled rule does not allocate.
/// </summary>
public readonly record struct Measurement
{
    /// <summary>The measured value (percent for a share, else a count).</summary>
    public decimal Value { get; init; }

    /// <summary>A share's numerator (0 when not given).</summary>
    public decimal Numerator { get; init; }

    /// <summary>A share's denominator (0 when not given).</summary>
    public decimal Denominator { get; init; }

    /// <summary>Whether a baseline was read.</summary>
    public bool HasBaseline { get; init; }

    /// <summary>The baseline value (0 without one).</summary>
    public decimal Baseline { get; init; }

    /// <summary>value − baseline (0 without a baseline).</summary>
    public decimal Change { get; init; }

    /// <summary>(value − baseline) / baseline × 100 (0 without a baseline or with a zero one).</summary>
    public decimal RelativeChange { get; init; }

    /// <summary>The quota (0 when none).</summary>
    public decimal Quota { get; init; }

    /// <summary>The last year of the evaluated period.</summary>
    public int Year { get; init; }

    /// <summary>
    /// The quantity a standard requirement bounds: the value for a level, zero or quota; the change, counted in the
    /// requirement's direction and measure, for a change or range.
    /// </summary>
    public decimal Subject { get; init; }
}

/// <summary>
/// A measurement held once, shared by the period measured and the result judged from it: a measurement is large (eight
/// decimals), and a batch keeps hundreds of thousands of results, so each holds a reference rather than its own copy.
/// Compared by value, so that results compare as their measurements do.
/// </summary>
/// <param name="Value">The measurement.</param>
internal sealed record MeasurementHolder(Measurement Value);

/// <summary>What a target's criterion says of one measurement.</summary>
public enum Judgement
{
    /// <summary>Nothing was judged: the figures are missing, or the period cannot be judged.</summary>
    NotJudged,

    /// <summary>The requirement is not met.</summary>
    NotMet,

    /// <summary>The requirement is met.</summary>
    Met,

    /// <summary>The requirement is met and gone beyond ("vượt").</summary>
    Exceeded,
}

/// <summary>A target's criterion in plain C#: whether a measurement meets it, and whether it goes beyond it.</summary>
/// <remarks>
/// The rules engine judges with the criteria it compiles from the rule sets; this interface lets the evaluator's
/// mechanics (schedules, baselines, progress paths) be used and tested without one.
/// </remarks>
public interface ITargetCriterion
{
    /// <summary>Whether the measurement meets the requirement.</summary>
    bool IsMet(in Measurement measurement);

    /// <summary>Whether the measurement goes beyond the requirement ("vượt"); only asked when it is met.</summary>
    bool IsExceeded(in Measurement measurement);
}
