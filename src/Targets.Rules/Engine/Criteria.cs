using System.Linq.Expressions;
using Targets.Core.Evaluation;
using Targets.Core.Requirements;

namespace Targets.Rules.Engine;

/// <summary>
/// A requirement's criterion as an expression tree over the measurement: what says it is met and, where it can be gone
/// beyond, what says it is exceeded. Standard requirements are built directly from their bounds; an expression
/// requirement is the plugin's own text, parsed (<see cref="UserExpressions"/>).
/// </summary>
/// <param name="Met">The body that says "met", over <see cref="Measurement"/>.</param>
/// <param name="Exceeded">The body that says "exceeded", or null when the requirement cannot be exceeded.</param>
internal sealed record Criteria(Expression Met, Expression? Exceeded)
{
    /// <summary>The criteria of a requirement, over the measurement <paramref name="m"/>.</summary>
    /// <param name="requirement">The requirement.</param>
    /// <param name="m">The measurement the bodies read.</param>
    /// <param name="parse">Parses an expression requirement's text into a boolean body over <paramref name="m"/>.</param>
    public static Criteria For(Requirement requirement, ParameterExpression m, Func<string, Expression> parse)
    {
        var subject = Expression.Property(m, nameof(Measurement.Subject));
        return requirement switch
        {
            LevelRequirement level => FromBound(subject, level.Bound),
            ChangeRequirement change => FromBound(subject, change.Bound),
            ChangeRangeRequirement range => new(Compare(subject, Comparison.AtLeast, range.From), Compare(subject, Comparison.GreaterThan, range.To)),
            ZeroRequirement => new(Compare(subject, Comparison.EqualTo, 0m), null),
            QuotaRequirement => new(
                Expression.GreaterThanOrEqual(subject, Expression.Property(m, nameof(Measurement.Quota))),
                Expression.GreaterThan(subject, Expression.Property(m, nameof(Measurement.Quota)))),
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

    private static Criteria FromBound(Expression subject, Bound bound) => new(
        Compare(subject, bound.Comparison, bound.Threshold),
        bound.Comparison == Comparison.AtLeast ? Compare(subject, Comparison.GreaterThan, bound.Threshold) : null);

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
