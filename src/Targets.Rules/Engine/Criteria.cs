using System.Linq.Expressions;
using Targets.Core.Evaluation;
using Targets.Core.Requirements;

namespace Targets.Rules.Engine;

/// <summary>
/// A requirement's criterion as an expression tree over the measurement: what says it is met and, where it can be gone
/// beyond, what says it is exceeded. Standard requirements are built directly from their bounds; an expression
/// requirement is the plugin's own text, parsed (<see cref="UserExpressions"/>). Whether a met requirement is exceeded
/// (“vượt”) is decided in one place for every path, <see cref="PassMark.IsExceeded"/>, which the tree calls.
/// </summary>
/// <param name="Met">The body that says "met", over <see cref="Measurement"/>.</param>
/// <param name="Exceeded">The body that says "exceeded", or null when the requirement cannot be exceeded.</param>
internal sealed record Criteria(Expression Met, Expression? Exceeded)
{
    /// <summary>The criteria of a requirement, over the measurement <paramref name="m"/>.</summary>
    /// <param name="requirement">The requirement.</param>
    /// <param name="m">The measurement the bodies read.</param>
    /// <param name="parse">Parses an expression requirement's text into a boolean body over <paramref name="m"/>.</param>
    /// <param name="wholeCounts">Whether the measured value counts whole things (its pass mark moves by one).</param>
    public static Criteria For(Requirement requirement, ParameterExpression m, Func<string, Expression> parse, bool wholeCounts)
    {
        var subject = Expression.Property(m, nameof(Measurement.Subject));
        var exceeded = Expression.Call(
            typeof(PassMark), nameof(PassMark.IsExceeded), null, Expression.Constant(requirement, typeof(Requirement)), m, Expression.Constant(wholeCounts));
        return requirement switch
        {
            LevelRequirement level => new(Compare(subject, level.Bound.Comparison, level.Bound.Threshold), exceeded),
            ChangeRequirement change => new(Compare(subject, change.Bound.Comparison, change.Bound.Threshold), exceeded),
            ChangeRangeRequirement range => new(Compare(subject, Comparison.AtLeast, range.From), exceeded),
            ZeroRequirement => new(Compare(subject, Comparison.EqualTo, 0m), null),

            // The subject is the count delivered since the plan started and the quota the count to deliver: done once it is
            // reached, and a deliverable is never “vượt” (pending before the deadline is the measured period's reading of
            // a deliverable not yet done, not the criterion's).
            DeliverableRequirement => new(Expression.GreaterThanOrEqual(subject, Expression.Property(m, nameof(Measurement.Quota))), null),
            QuotaRequirement => new(Expression.GreaterThanOrEqual(subject, Expression.Property(m, nameof(Measurement.Quota))), exceeded),
            CompositeRequirement => new(
                Expression.Equal(Expression.Property(m, nameof(Measurement.Numerator)), Expression.Property(m, nameof(Measurement.Denominator))), null),
            ExpressionRequirement expression => new(parse(expression.Expression), null),
            _ => throw new ArgumentOutOfRangeException(nameof(requirement), requirement.GetType().Name, "unknown requirement kind"),
        };
    }

    /// <summary>
    /// The judgement these criteria give, as one body over the measurement they read:
    /// <c>met ? (exceeded ? Exceeded : Met) : NotMet</c>.
    /// </summary>
    public Expression Judgement() => Expression.Condition(
        Met,
        Exceeded is null ? Expression.Constant(Core.Evaluation.Judgement.Met) : Expression.Condition(Exceeded, Expression.Constant(Core.Evaluation.Judgement.Exceeded), Expression.Constant(Core.Evaluation.Judgement.Met)),
        Expression.Constant(Core.Evaluation.Judgement.NotMet));

    private static BinaryExpression Compare(Expression subject, Comparison comparison, decimal threshold)
    {
        // A decimal constant keeps thresholds beyond the integer types exact.
        var value = Expression.Constant(threshold);
        return comparison switch
        {
            Comparison.GreaterThan => Expression.GreaterThan(subject, value),
            Comparison.AtLeast => Expression.GreaterThanOrEqual(subject, value),
            Comparison.LessThan => Expression.LessThan(subject, value),
            Comparison.AtMost => Expression.LessThanOrEqual(subject, value),
            _ => Expression.Equal(subject, value),
        };
    }
}
