using System.Globalization;
using Targets.Core.Requirements;

namespace Targets.Rules.Engine;

/// <summary>
/// The rule-language form of a requirement: the expression that says it is met and, where it can be gone beyond, the one
/// that says it is exceeded. Standard requirements compile to these; expression requirements supply their own.
/// </summary>
/// <param name="Met">The expression for "met".</param>
/// <param name="Exceeded">The expression for "exceeded", or null when the requirement cannot be exceeded.</param>
public sealed record CriterionExpressions(string Met, string? Exceeded)
{
    /// <summary>The expressions of a requirement, over the measurement <c>m</c>.</summary>
    public static CriterionExpressions For(Requirement requirement) => requirement switch
    {
        LevelRequirement level => FromBound(level.Bound),
        ChangeRequirement change => FromBound(change.Bound),
        ChangeRangeRequirement range => new($"m.Subject >= {Literal(range.From)}", $"m.Subject > {Literal(range.To)}"),
        ZeroRequirement => new("m.Subject == 0", null),

        // The subject is the count delivered since the plan started, the quota the count to deliver; the evaluator asks
        // year by year and keeps the first year it holds (done stays done), and a deliverable is never "exceeded".
        DeliverableRequirement => new("m.Subject >= m.Quota", null),
        QuotaRequirement => new("m.Subject >= m.Quota", "m.Subject > m.Quota"),
        CompositeRequirement => new("m.Numerator == m.Denominator", null),
        ExpressionRequirement expression => new(expression.Expression, null),
        _ => throw new ArgumentOutOfRangeException(nameof(requirement), requirement.GetType().Name, "unknown requirement kind"),
    };

    private static CriterionExpressions FromBound(Bound bound) => new(
        $"m.Subject {bound.Operator} {Literal(bound.Threshold)}",
        bound.Comparison == Comparison.AtLeast ? $"m.Subject > {Literal(bound.Threshold)}" : null);

    /// <summary>A decimal literal: the <c>m</c> suffix keeps thresholds beyond the integer types exact.</summary>
    private static string Literal(decimal value) => value.ToString("0.0############################", CultureInfo.InvariantCulture) + "m";
}
