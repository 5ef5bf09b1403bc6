using Targets.Core.Evaluation;
using Targets.Core.Indicators;
using Targets.Core.Periods;
using Targets.Core.Requirements;
using TaskStatus = Targets.Core.Tasks.TaskStatus;

namespace Targets.Core.Formatting;

/// <summary>
/// Says in Vietnamese what a result found: the figure, the change, the mark to reach, the margin and the verdict. Plain
/// text with no markup; every number the Vietnamese way.
/// </summary>
public static class ResultText
{
    /// <summary>
    /// The verdict in words: đạt, vượt, không đạt, đúng tiến độ, có nguy cơ không đạt, chưa hoàn thành, chưa đến hạn (a
    /// deliverable), chưa có số liệu.
    /// </summary>
    public static string Status(AssessmentStatus status) => status switch
    {
        AssessmentStatus.Met => "đạt",
        AssessmentStatus.Exceeded => "vượt",
        AssessmentStatus.NotMet => "không đạt",
        AssessmentStatus.OnTrack => "đúng tiến độ",
        AssessmentStatus.AtRisk => "có nguy cơ không đạt",
        AssessmentStatus.Pending => "chưa hoàn thành, chưa đến hạn",
        _ => "chưa có số liệu",
    };

    /// <summary>The verdict's code: met, exceeded, notMet, onTrack, atRisk, pending, noData.</summary>
    public static string StatusCode(AssessmentStatus status) => status switch
    {
        AssessmentStatus.Met => "met",
        AssessmentStatus.Exceeded => "exceeded",
        AssessmentStatus.NotMet => "notMet",
        AssessmentStatus.OnTrack => "onTrack",
        AssessmentStatus.AtRisk => "atRisk",
        AssessmentStatus.Pending => "pending",
        _ => "noData",
    };

    /// <summary>Where a task stands, in words: hoàn thành đúng hạn; hoàn thành chậm so với thời hạn; chưa hoàn thành, đã quá hạn; chưa đến hạn.</summary>
    public static string Task(TaskStatus status) => status switch
    {
        TaskStatus.DoneOnTime => "hoàn thành đúng hạn",
        TaskStatus.DoneLate => "hoàn thành chậm so với thời hạn",
        TaskStatus.Overdue => "chưa hoàn thành, đã quá hạn",
        _ => "chưa đến hạn",
    };

    /// <summary>A task standing's code: doneOnTime, doneLate, overdue, notYetDue.</summary>
    public static string TaskCode(TaskStatus status) => status switch
    {
        TaskStatus.DoneOnTime => "doneOnTime",
        TaskStatus.DoneLate => "doneLate",
        TaskStatus.Overdue => "overdue",
        _ => "notYetDue",
    };

    /// <summary>
    /// The value as reported, with a share's counts when given: <c>34/50 điểm, bằng 68,0%</c>; <c>1.020 vụ</c>. Beside a
    /// threshold, a share gets the decimals it takes to tell it from the threshold (<c>80,03%</c> beside “trên 80%”).
    /// </summary>
    public static string Value(in Measurement measurement, Indicator indicator, IndicatorCatalog catalog, decimal? threshold = null)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(catalog);
        if (indicator.IsShare && measurement.Denominator > 0)
        {
            return $"{VietnameseFormat.Number(measurement.Numerator)}/{VietnameseFormat.Number(measurement.Denominator)} {CountUnit(indicator, catalog)}, bằng {Percent(measurement, threshold)}";
        }

        return indicator.Unit.IsPercent ? Percent(measurement, threshold) : VietnameseFormat.Quantity(measurement.Value, indicator.Unit.Symbol);

        static string Percent(in Measurement measurement, decimal? threshold) =>
            threshold is { } t ? VietnameseFormat.PercentApart(measurement.Value, t) : VietnameseFormat.Percent(measurement.Value);
    }

    /// <summary>
    /// The change from the baseline, on the value it is given: <c>giảm 50 vụ (4,0%) so với năm 2022 (1.070 vụ)</c>;
    /// <c>không thay đổi so với năm 2022 (4.310 người)</c>. A fall is “giảm”, a rise “tăng”, by the sign of value − baseline.
    /// </summary>
    /// <param name="measurement">The measurement, with its baseline.</param>
    /// <param name="baselinePeriod">The baseline's period.</param>
    /// <param name="indicator">The indicator.</param>
    /// <param name="relativeThreshold">A relative change the requirement asks for, to tell the shown percentage apart from it.</param>
    public static string Change(in Measurement measurement, ReportingPeriod baselinePeriod, Indicator indicator, decimal? relativeThreshold = null)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        var unit = indicator.Unit.Symbol;
        var against = $"so với {VietnameseFormat.Period(baselinePeriod)} ({VietnameseFormat.Quantity(measurement.Baseline, unit)})";
        var change = measurement.Value - measurement.Baseline;
        if (change == 0)
        {
            return $"không thay đổi {against}";
        }

        var verb = change < 0 ? "giảm" : "tăng";
        var amount = indicator.Unit.IsPercent
            ? $"{VietnameseFormat.Number(Math.Abs(change))} điểm phần trăm"
            : VietnameseFormat.Quantity(Math.Abs(change), unit);
        var relative = measurement.Baseline != 0 ? Math.Abs(change) * 100m / measurement.Baseline : (decimal?)null;
        var share = relative is { } r
            ? $" ({(relativeThreshold is { } t ? VietnameseFormat.PercentApart(r, t) : VietnameseFormat.Percent(r))})"
            : string.Empty;
        return $"{verb} {amount}{share} {against}";
    }

    /// <summary>
    /// The quota a value is measured against, and how much of it is done: <c>chỉ tiêu được giao 5.000 người (bằng 92,6% chỉ
    /// tiêu)</c> for a quota another body assigns, <c>chỉ tiêu 550 hồ sơ (…)</c> for one the document sets.
    /// </summary>
    public static string Quota(in Measurement measurement, Indicator indicator, bool assigned = true)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        return $"chỉ tiêu{(assigned ? " được giao" : string.Empty)} {VietnameseFormat.Quantity(measurement.Quota, indicator.Unit.Symbol)}" +
            (measurement.Quota > 0 ? $" (bằng {VietnameseFormat.Percent(measurement.Value * 100m / measurement.Quota)} chỉ tiêu)" : string.Empty);
    }

    /// <summary>
    /// A pass mark as a figure to reach: <c>ít nhất 2.409/3.010 người</c>, <c>không quá 1.096 vụ</c>, <c>từ 88,0% trở lên</c>,
    /// <c>trên 80%</c> (a strict bound on a value with no counts), <c>bằng 0 vụ</c>.
    /// </summary>
    public static string Mark(PassMark mark, Indicator indicator, IndicatorCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(catalog);
        var amount = mark is { Count: { } count, Denominator: { } denominator }
            ? $"{VietnameseFormat.Number(count)}/{VietnameseFormat.Number(denominator)} {CountUnit(indicator, catalog)}"
            : indicator.Unit.IsPercent ? VietnameseFormat.Percent(mark.Value) : VietnameseFormat.Quantity(mark.Value, indicator.Unit.Symbol);
        return (mark.Side, mark.IsReached) switch
        {
            (PassSide.AtLeast, true) => $"ít nhất {amount}",
            (PassSide.AtLeast, false) => $"trên {amount}",
            (PassSide.AtMost, true) => $"không quá {amount}",
            (PassSide.AtMost, false) => $"dưới {amount}",
            _ => $"bằng {amount}",
        };
    }

    /// <summary>
    /// How far a final verdict is from its mark: <c>còn thiếu 7 khu dân cư</c> below a floor, <c>vượt quá 14 vụ</c> above a
    /// ceiling, <c>cao hơn mức cần đạt 84 tin bài</c> or <c>thấp hơn mức cần đạt 1 vụ</c> when exceeded; empty when met
    /// exactly, for an equality, or for a verdict that is not final. Counted in whole things when the value has counts.
    /// </summary>
    public static string Margin(PassMark mark, in Measurement measurement, AssessmentStatus status, Indicator indicator, IndicatorCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(catalog);
        if (mark.Side == PassSide.Exactly)
        {
            return string.Empty;
        }

        var (amount, words) = status switch
        {
            AssessmentStatus.NotMet => (mark.GapFrom(measurement), mark.Side == PassSide.AtLeast ? "còn thiếu" : "vượt quá"),
            AssessmentStatus.Exceeded => (mark.Beyond(measurement), mark.Side == PassSide.AtLeast ? "cao hơn mức cần đạt" : "thấp hơn mức cần đạt"),
            _ => (0m, string.Empty),
        };
        return amount == 0 ? string.Empty : $"{words} {MarginAmount(mark, amount, indicator, catalog)}";
    }

    /// <summary>A margin in its unit: whole things when the mark has counts, percentage points for a share without.</summary>
    public static string MarginAmount(PassMark mark, decimal amount, Indicator indicator, IndicatorCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(catalog);
        return mark switch
        {
            { Count: not null, Denominator: not null } => $"{VietnameseFormat.Number(amount)} {CountUnit(indicator, catalog)}",
            _ when indicator.Unit.IsPercent => $"{VietnameseFormat.Number(amount)} điểm phần trăm",
            _ => VietnameseFormat.Quantity(amount, indicator.Unit.Symbol),
        };
    }

    /// <summary>
    /// The figures an evaluation lacked, by indicator name and period: <c>chưa có số liệu năm 2021 về tỷ lệ …; năm 2020 về
    /// số tin, bài …</c>. Per-unit figures name their unit. A figure of <paramref name="ofPeriod"/> (the period the line is
    /// about) is named without repeating it.
    /// </summary>
    public static string Missing(IReadOnlyList<MissingFigure> missing, IndicatorCatalog catalog, ReportingPeriod? ofPeriod = null)
    {
        ArgumentNullException.ThrowIfNull(missing);
        ArgumentNullException.ThrowIfNull(catalog);
        if (missing.Count == 0)
        {
            return "chưa có số liệu";
        }

        var parts = missing
            .Select(m => $"{(m.Period == ofPeriod ? string.Empty : VietnameseFormat.Period(m.Period) + " ")}về {VietnameseFormat.LowerFirst(catalog.TryGet(m.Indicator, out var i) ? i.Name : "một chỉ số")}" +
                (m.AdminUnit is null ? string.Empty : $" của {m.AdminUnit}"))
            .Distinct(StringComparer.Ordinal);
        return $"chưa có số liệu {string.Join("; ", parts)}";
    }

    /// <summary>The unit a share's counts are in (the denominator's: <c>người</c>, <c>khu dân cư</c>).</summary>
    public static string CountUnit(Indicator indicator, IndicatorCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(catalog);
        return indicator.Denominator is { } denominator && catalog.TryGet(denominator, out var counted) ? counted.Unit.Symbol : indicator.Unit.Symbol;
    }
}
