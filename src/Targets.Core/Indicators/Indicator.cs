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

    /// <summary>
    /// The units every rule set may count in, as the documents write them. A rule set declares any other it needs under
    /// <c>units</c>; <c>schemas/ruleset.schema.json</c> lists the same (<c>standardUnit</c>).
    /// </summary>
    public static IReadOnlyList<string> Standard { get; } =
        ["vụ", "người", "điểm", "hồ sơ", "%", "xã", "khu dân cư", "hộ", "buổi", "lượt", "tin bài", "cơ sở", "địa bàn", "mô hình", "đơn vị",
            "cán bộ", "đối tượng", "lần", "cơ quan", "trường", "khu công nghiệp", "loại", "tin báo"];

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
}
