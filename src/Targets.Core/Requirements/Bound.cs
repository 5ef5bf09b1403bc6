namespace Targets.Core.Requirements;

/// <summary>How a value is compared with a threshold. The wording sets it: "trên" is strict, "từ ... trở lên" is not.</summary>
public enum Comparison
{
    /// <summary>"trên X": value &gt; X.</summary>
    GreaterThan,

    /// <summary>"từ X trở lên", "đạt X", bare X: value ≥ X.</summary>
    AtLeast,

    /// <summary>"dưới X": value &lt; X.</summary>
    LessThan,

    /// <summary>"không quá X": value ≤ X.</summary>
    AtMost,

    /// <summary>value = X.</summary>
    EqualTo,
}

/// <summary>A threshold with its comparison: the heart of a level or change requirement.</summary>
/// <param name="Comparison">How the value is compared.</param>
/// <param name="Threshold">The threshold, in the unit of the compared quantity.</param>
public readonly record struct Bound(Comparison Comparison, decimal Threshold)
{
    /// <summary>Whether the bound asks for a value at or above the threshold.</summary>
    public bool IsLowerBound => Comparison is Comparison.GreaterThan or Comparison.AtLeast;

    /// <summary>Whether the bound asks for a value at or below the threshold.</summary>
    public bool IsUpperBound => Comparison is Comparison.LessThan or Comparison.AtMost;

    /// <summary>The comparison as the rule language writes it.</summary>
    public string Operator => Comparison switch
    {
        Comparison.GreaterThan => ">",
        Comparison.AtLeast => ">=",
        Comparison.LessThan => "<",
        Comparison.AtMost => "<=",
        _ => "==",
    };

    /// <summary>Parses <c>&gt;</c>, <c>&gt;=</c>, <c>&lt;</c>, <c>&lt;=</c> or <c>=</c>.</summary>
    public static Comparison ParseComparison(string text) => text switch
    {
        ">" => Comparison.GreaterThan,
        ">=" => Comparison.AtLeast,
        "<" => Comparison.LessThan,
        "<=" => Comparison.AtMost,
        "=" or "==" => Comparison.EqualTo,
        _ => throw new FormatException($"'{text}' is not a comparison: expected >, >=, <, <= or ="),
    };

    /// <summary>Whether <paramref name="value"/> satisfies the bound.</summary>
    public bool IsSatisfiedBy(decimal value) => Comparison switch
    {
        Comparison.GreaterThan => value > Threshold,
        Comparison.AtLeast => value >= Threshold,
        Comparison.LessThan => value < Threshold,
        Comparison.AtMost => value <= Threshold,
        _ => value == Threshold,
    };
}
