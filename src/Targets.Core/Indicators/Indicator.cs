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

/// <summary>How a count behaves over time: whether its figures for parts of a period add up to the whole period.</summary>
public enum StockOrFlow
{
    /// <summary>
    /// Events in a period (cases, reports, dossiers): quarters and halves add up to their year, years to a span.
    /// </summary>
    Flow,

    /// <summary>
    /// A state at a date (addicts on record, communes, wanted persons): a figure is the value at the end of its period;
    /// it is never summed over time, and a year's value is the one at 31 December (a span's, the one at its end).
    /// </summary>
    Stock,
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
/// <param name="StockOrFlow">
/// For a count: a flow (events in a period, summed over time) or a stock (a state at a date, never summed). A share
/// follows its counts (see <see cref="IndicatorCatalog.StockOrFlowOf"/>); its own value here is not read.
/// </param>
public sealed record Indicator(
    IndicatorId Id,
    string Name,
    Unit Unit,
    Direction Direction,
    IndicatorKind Kind,
    IndicatorId? Numerator = null,
    IndicatorId? Denominator = null,
    StockOrFlow StockOrFlow = StockOrFlow.Flow)
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
