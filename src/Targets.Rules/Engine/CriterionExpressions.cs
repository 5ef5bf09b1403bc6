using System.Globalization;
using Targets.Core.Requirements;

namespace Targets.Rules.Engine;

/// <summary>
/// The rule-language form of a requirement: the expression that says it is met. Standard requirements compile to these;
/// expression requirements supply their own. Whether a met requirement is exceeded (“vượt”) is not an expression: it is
/// decided in one place for every engine, <see cref="PassMark.IsExceeded"/>.
/// </summary>
/// <param name="Met">The expression for "met".</param>
public sealed record CriterionExpressions(string Met)
{
    /// <summary>The expression of a requirement, over the measurement <c>m</c>.</summary>
    public static CriterionExpressions For(Requirement requirement) => requirement switch
    {
        LevelRequirement level => FromBound(level.Bound),
        ChangeRequirement change => FromBound(change.Bound),
        ChangeRangeRequirement range => new($"m.Subject >= {Literal(range.From)}"),
        ZeroRequirement => new("m.Subject == 0"),
        QuotaRequirement => new("m.Subject >= m.Quota"),
        CompositeRequirement => new("m.Numerator == m.Denominator"),
        ExpressionRequirement expression => new(expression.Expression),
        _ => throw new ArgumentOutOfRangeException(nameof(requirement), requirement.GetType().Name, "unknown requirement kind"),
    };

    private static CriterionExpressions FromBound(Bound bound) => new($"m.Subject {bound.Operator} {Literal(bound.Threshold)}");

    /// <summary>A decimal literal: the <c>m</c> suffix keeps thresholds beyond the integer types exact.</summary>
    private static string Literal(decimal value) => value.ToString("0.0############################", CultureInfo.InvariantCulture) + "m";
}
