namespace Targets.Core.Indicators;

/// <summary>Which way an indicator should move.</summary>
public enum Direction
{
    /// <summary>More is better (cases solved, records kept).</summary>
    HigherIsBetter,

    /// <summary>Less is better (crimes, addicts).</summary>
    LowerIsBetter,
}

/// <summary>Whether an indicator counts things or is a share of a base.</summary>
public enum IndicatorKind
{
    /// <summary>A number of things (vụ, người, điểm, hồ sơ ...).</summary>
    Count,

    /// <summary>A percentage of a stated base, kept with its numerator and denominator indicators.</summary>
    Share,
}

/// <summary>
/// The unit an indicator is counted in, as a Vietnamese report writes it: <c>vụ</c>, <c>người</c>, <c>điểm</c>,
/// <c>hồ sơ</c>, or <c>%</c> for a share.
/// </summary>
/// <param name="Symbol">The unit as written.</param>
public sealed record Unit(string Symbol)
{
    /// <summary>Percent, the unit of every share.</summary>
    public static Unit Percent { get; } = new("%");

    /// <summary>Whether this is the percent unit.</summary>
    public bool IsPercent => Symbol == "%";

    /// <inheritdoc />
    public override string ToString() => Symbol;
}

/// <summary>An indicator: what is counted or measured, in which unit, and which way is better.</summary>
/// <param name="Id">The stable id.</param>
/// <param name="Name">The Vietnamese name, as a report would write it.</param>
/// <param name="Unit">The unit.</param>
/// <param name="Direction">Which way is better.</param>
/// <param name="Kind">Count or share.</param>
/// <param name="Numerator">For a share: the count indicator on top.</param>
/// <param name="Denominator">For a share: the count indicator of the base.</param>
public sealed record Indicator(
    IndicatorId Id,
    string Name,
    Unit Unit,
    Direction Direction,
    IndicatorKind Kind,
    IndicatorId? Numerator = null,
    IndicatorId? Denominator = null)
{
    /// <summary>Whether this indicator is a share with both its counts named.</summary>
    public bool IsShare => Kind == IndicatorKind.Share;

    /// <summary>
    /// Whether its figures are running totals counted from the start of the plan ("triệt xóa ... lũy kế từ đầu giai đoạn"):
    /// its value at the plan's start is then 0 by definition, and a progress line starts there. A share whose numerator is
    /// counted from the plan start starts at 0% too.
    /// </summary>
    public bool CountedFromPlanStart { get; init; }
}
