using Targets.Core.Data;
using Targets.Core.Evaluation;

namespace Targets.Core.Requirements;

/// <summary>Which side of its pass mark a measured value must be on.</summary>
public enum PassSide
{
    /// <summary>The value must be at least the mark (more is better for this requirement).</summary>
    AtLeast,

    /// <summary>The value must be at most the mark (less is better for this requirement).</summary>
    AtMost,

    /// <summary>The value must equal the mark (a zero requirement, an equality).</summary>
    Exactly,
}

/// <summary>
/// Where a standard requirement is passed, in the terms of the measured value itself: the smallest value that passes a
/// lower bound (the largest for an upper bound), on the value's own grid. A share given by its counts moves one count of
/// its numerator at a time and a count one unit at a time, so “trên 80%” of 3.000 is passed first at 2.401 (80,03%), and
/// a strict decrease from 2.683 first at 2.682. A value with no counts behind it (a share reported as a percentage) has
/// no step: an inclusive bound is passed at the threshold itself, a strict one only beyond it.
/// </summary>
/// <remarks>
/// This is the one place that decides the boundary rules the report states: “đạt” is reaching the pass mark; “vượt” is
/// going beyond it (<see cref="IsExceeded"/>); a gap (“còn thiếu”, “vượt quá”) is the distance from the value to it.
/// </remarks>
public readonly record struct PassMark
{
    /// <summary>Which side of <see cref="Value"/> passes.</summary>
    public PassSide Side { get; init; }

    /// <summary>The passing value, in the unit of the measured value (percent for a share).</summary>
    public decimal Value { get; init; }

    /// <summary>
    /// Whether <see cref="Value"/> itself passes. False only for a strict bound on a value with no step (no counts): the
    /// value must then go beyond the mark, and no value is the first to pass.
    /// </summary>
    public bool IsReached { get; init; }

    /// <summary>The passing count: a share's numerator at the mark, or the count itself; null when the value has no counts.</summary>
    public decimal? Count { get; init; }

    /// <summary>A share's denominator, when the share is given by its counts; null otherwise.</summary>
    public decimal? Denominator { get; init; }

    /// <summary>
    /// Whether going beyond the mark is “vượt”: the requirement bounds what it measures from below (a level to reach, a
    /// change to achieve, a quota). A ceiling (“dưới”, “không quá”) is kept, never gone beyond; an equality is met or not.
    /// </summary>
    public bool CanBeExceeded { get; init; }

    /// <summary>Whether the value is on the passing side of the mark.</summary>
    public bool IsPassedBy(decimal value) => Side switch
    {
        PassSide.AtLeast => IsReached ? value >= Value : value > Value,
        PassSide.AtMost => IsReached ? value <= Value : value < Value,
        _ => value == Value,
    };

    /// <summary>
    /// How far a failing value is from the mark, in counts when the value has counts (a share's numerator) and in its own
    /// unit otherwise; 0 for a passing value. For a mark that is not reached (strict, no counts), the distance to the
    /// threshold itself, which the value must go beyond.
    /// </summary>
    public decimal GapFrom(in Measurement measurement) =>
        IsPassedBy(measurement.Value) ? 0 : Math.Abs((Count ?? Value) - OnGrid(measurement));

    /// <summary>How far a passing value goes beyond the mark, in the same terms as <see cref="GapFrom"/>; 0 when it does not.</summary>
    public decimal Beyond(in Measurement measurement)
    {
        if (!IsPassedBy(measurement.Value) || Side == PassSide.Exactly)
        {
            return 0;
        }

        var value = OnGrid(measurement);
        var mark = Count ?? Value;
        return Side == PassSide.AtLeast ? Math.Max(0, value - mark) : Math.Max(0, mark - value);
    }

    /// <summary>
    /// The pass mark of a standard requirement for a measurement; null for a composite or an expression rule, which have
    /// no threshold of their own.
    /// </summary>
    /// <param name="requirement">The requirement.</param>
    /// <param name="measurement">What was measured (its baseline and share counts place the mark).</param>
    /// <param name="wholeCounts">Whether the measured value counts whole things (an indicator of kind count).</param>
    public static PassMark? Of(Requirement requirement, in Measurement measurement, bool wholeCounts) => requirement switch
    {
        LevelRequirement level => ForSubjectBound(requirement, level.Bound, measurement, wholeCounts),
        ChangeRequirement change => ForSubjectBound(requirement, change.Bound, measurement, wholeCounts),
        ChangeRangeRequirement range => ForSubjectBound(requirement, new Bound(Comparison.AtLeast, range.From), measurement, wholeCounts),
        ZeroRequirement => ForSubjectBound(requirement, new Bound(Comparison.EqualTo, 0), measurement, wholeCounts),
        QuotaRequirement => ForSubjectBound(requirement, new Bound(Comparison.AtLeast, measurement.Quota), measurement, wholeCounts),

        // A deliverable is done once the count delivered reaches the count to deliver; it is done or not, never “vượt”.
        DeliverableRequirement => ForSubjectBound(requirement, new Bound(Comparison.AtLeast, measurement.Quota), measurement, wholeCounts) is { } mark
            ? mark with { CanBeExceeded = false }
            : null,
        _ => null,
    };

    /// <summary>
    /// The mark where a bound on a requirement's subject (the value for a level, quota, deliverable or zero; the change counted in the
    /// requirement's direction and measure for a change or range) is passed, in terms of the value. Used for the
    /// requirement's own bound and for a path's bound in a given year.
    /// </summary>
    public static PassMark? ForSubjectBound(Requirement requirement, Bound subjectBound, in Measurement measurement, bool wholeCounts)
    {
        if (requirement is CompositeRequirement or ExpressionRequirement)
        {
            return null;
        }

        var baseline = measurement.Baseline;
        if (requirement is ChangeRequirement { Measure: ChangeMeasure.Relative } or ChangeRangeRequirement { Measure: ChangeMeasure.Relative } && baseline == 0)
        {
            return null;
        }

        // The subject is a linear function of the value; `falling` when it moves against the value (a decrease).
        decimal threshold;
        bool falling;
        switch (requirement)
        {
            case ChangeRequirement { Direction: var direction, Measure: var measure }:
                (threshold, falling) = ValueAtChange(direction, measure, baseline, subjectBound.Threshold);
                break;
            case ChangeRangeRequirement { Direction: var direction, Measure: var measure }:
                (threshold, falling) = ValueAtChange(direction, measure, baseline, subjectBound.Threshold);
                break;
            default:
                (threshold, falling) = (subjectBound.Threshold, false);
                break;
        }

        var side = subjectBound.Comparison switch
        {
            Comparison.GreaterThan or Comparison.AtLeast => falling ? PassSide.AtMost : PassSide.AtLeast,
            Comparison.LessThan or Comparison.AtMost => falling ? PassSide.AtLeast : PassSide.AtMost,
            _ => PassSide.Exactly,
        };
        var strict = subjectBound.Comparison is Comparison.GreaterThan or Comparison.LessThan;
        var canBeExceeded = subjectBound.IsLowerBound;
        var denominator = measurement.Denominator;
        if (side == PassSide.Exactly || (denominator <= 0 && !wholeCounts))
        {
            return new PassMark { Side = side, Value = threshold, IsReached = !strict, CanBeExceeded = canBeExceeded && side != PassSide.Exactly };
        }

        // On a grid of counts: the first count on the passing side, checked against the bound itself so that decimal
        // rounding in a share or a relative change never places the mark one step off.
        var scale = denominator > 0 ? denominator / 100m : 1m;
        var raw = threshold * scale;
        var count = side == PassSide.AtLeast
            ? (strict ? Math.Floor(raw) + 1 : Math.Ceiling(raw))
            : (strict ? Math.Ceiling(raw) - 1 : Math.Floor(raw));
        var outward = side == PassSide.AtLeast ? -1 : 1;

        // The value at the count the mark settles on is one of those just tested, unless the estimate was a step inside.
        var value = ValueAt(count, denominator);
        if (!subjectBound.IsSatisfiedBy(SubjectAt(requirement, value, baseline)))
        {
            count -= outward;
            value = ValueAt(count, denominator);
        }
        else if (ValueAt(count + outward, denominator) is var further && subjectBound.IsSatisfiedBy(SubjectAt(requirement, further, baseline)))
        {
            count += outward;
            value = further;
        }

        return new PassMark
        {
            Side = side,
            Value = value,
            IsReached = true,
            Count = count,
            Denominator = denominator > 0 ? denominator : null,
            CanBeExceeded = canBeExceeded,
        };
    }

    /// <summary>
    /// “Vượt”: a met requirement whose measured value goes beyond its pass mark. A range is exceeded beyond its upper end,
    /// as its wording sets (“giảm từ 3% - 5%”: beyond 5%). Ceilings, equalities, composites and expression rules are never
    /// exceeded. The single rule behind every “vượt” the evaluation gives.
    /// </summary>
    /// <param name="requirement">The requirement.</param>
    /// <param name="measurement">What was measured.</param>
    /// <param name="wholeCounts">Whether the measured value counts whole things (an indicator of kind count).</param>
    public static bool IsExceeded(Requirement requirement, in Measurement measurement, bool wholeCounts)
    {
        switch (requirement)
        {
            case ChangeRangeRequirement range:
                return measurement.Subject > range.To;

            // Only a bound from below is gone beyond (see CanBeExceeded): a ceiling or an equality needs no mark worked out.
            case LevelRequirement { Bound.IsLowerBound: false } or ChangeRequirement { Bound.IsLowerBound: false } or ZeroRequirement or DeliverableRequirement:
                return false;
            case LevelRequirement { Bound: var bound } when PlainlyExceeded(bound.Comparison == Comparison.GreaterThan, bound.Threshold, falling: false, measurement, wholeCounts) is { } plain:
                return plain;
            case QuotaRequirement when PlainlyExceeded(strict: false, measurement.Quota, falling: false, measurement, wholeCounts) is { } plain:
                return plain;
            case ChangeRequirement { Measure: ChangeMeasure.Relative } when measurement.Baseline == 0:
                return false;
            case ChangeRequirement { Bound: var bound, Direction: var direction, Measure: var measure }:
                var (threshold, falling) = ValueAtChange(direction, measure, measurement.Baseline, bound.Threshold);
                if (PlainlyExceeded(bound.Comparison == Comparison.GreaterThan, threshold, falling, measurement, wholeCounts) is { } plainly)
                {
                    return plainly;
                }

                break;
        }

        return Of(requirement, measurement, wholeCounts) is { CanBeExceeded: true, IsReached: true } mark
            && mark.IsPassedBy(measurement.Value)
            && mark.Beyond(measurement) > 0;
    }

    /// <summary>
    /// <see cref="IsExceeded"/> for a bound from below on a requirement's subject, given where it falls in terms of the
    /// measured value (<paramref name="threshold"/>, above it to pass, or below it when the subject <paramref name="falling"/>
    /// moves against the value), when the answer does not need the mark worked out (its divisions are most of the cost of
    /// judging): null when it does.
    /// </summary>
    /// <remarks>
    /// Without counts, the mark is the threshold, reached unless the bound is strict: only an inclusive bound is gone
    /// beyond, by any value past it. On a grid of counts (a share's numerator, or whole things), <see cref="ForSubjectBound"/>
    /// settles the mark at most one count outside its estimate, itself at most one count from threshold × scale: a count
    /// three or more past threshold × scale is beyond the mark, and its value (at least 100 / denominator past the mark's,
    /// far more than a decimal division rounds off for any denominator up to 10^15) passes it. Nearer than that, or where
    /// these products would overflow, the mark decides.
    /// </remarks>
    private static bool? PlainlyExceeded(bool strict, decimal threshold, bool falling, in Measurement measurement, bool wholeCounts)
    {
        var denominator = measurement.Denominator;
        if (denominator <= 0 && !wholeCounts)
        {
            return !strict && (falling ? measurement.Value < threshold : measurement.Value > threshold);
        }

        if (denominator > FigureLimits.MaxMagnitude)
        {
            return null;
        }

        try
        {
            if (denominator <= 0)
            {
                return (falling ? measurement.Value <= threshold - 3 : measurement.Value >= threshold + 3) ? true : null;
            }

            var edge = threshold * denominator;
            var (count, value) = (measurement.Numerator * 100, measurement.Value * denominator);
            return (falling ? count <= edge - 300 && value <= edge - 300 : count >= edge + 300 && value >= edge + 300) ? true : null;
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    /// <summary>The value of the subject for a value, computed exactly as the evaluator computes it.</summary>
    private static decimal SubjectAt(Requirement requirement, decimal value, decimal baseline) => requirement switch
    {
        ChangeRequirement { Direction: var direction, Measure: var measure } => Directed(direction, measure, value, baseline),
        ChangeRangeRequirement { Direction: var direction, Measure: var measure } => Directed(direction, measure, value, baseline),
        _ => value,
    };

    private static decimal Directed(ChangeDirection direction, ChangeMeasure measure, decimal value, decimal baseline)
    {
        var change = value - baseline;
        var directed = direction == ChangeDirection.Decrease ? -change : change;
        return measure == ChangeMeasure.Relative ? directed * 100m / baseline : directed;
    }

    /// <summary>The value at which a change reaches <paramref name="amount"/>, and whether the change falls as the value rises.</summary>
    private static (decimal Value, bool Falling) ValueAtChange(ChangeDirection direction, ChangeMeasure measure, decimal baseline, decimal amount)
    {
        var absolute = measure == ChangeMeasure.Relative ? baseline * amount / 100m : amount;
        return direction == ChangeDirection.Decrease ? (baseline - absolute, true) : (baseline + absolute, false);
    }

    private static decimal ValueAt(decimal count, decimal denominator) => denominator > 0 ? count * 100m / denominator : count;

    /// <summary>The measured value in the terms of <see cref="Count"/> when the mark has one: a share's numerator.</summary>
    private decimal OnGrid(in Measurement measurement) => Count is not null && Denominator is not null ? measurement.Numerator : measurement.Value;
}
