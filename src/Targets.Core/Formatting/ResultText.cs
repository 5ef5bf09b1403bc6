using Targets.Core.Evaluation;
using Targets.Core.Indicators;
using Targets.Core.Periods;
using Targets.Core.Requirements;

namespace Targets.Core.Formatting;

/// <summary>Says in Vietnamese what a result found: the figures, the arithmetic and the verdict.</summary>
public static class ResultText
{
    /// <summary>The verdict in words: đạt, vượt, không đạt, đúng tiến độ, có nguy cơ không đạt, chưa có số liệu.</summary>
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

    /// <summary>The value as measured, with a share's counts when given: <c>34/50 điểm, bằng 68,0%</c>; <c>1.020 vụ</c>.</summary>
    public static string Value(TargetResult result, Measurement measurement, Indicator indicator, IndicatorCatalog catalog) =>
        result.Target.Requirement is DeliverableRequirement
            ? Delivered(result, measurement, indicator)
            : result.Progress is { Projected: true, RunningTotal: { } total } && !indicator.IsShare
                ? VietnameseFormat.Quantity(total, indicator.Unit.Symbol)
                : Value(measurement, indicator, catalog);

    /// <summary>A deliverable's count so far and the year it was done: <c>đã có 1 mô hình (hoàn thành năm 2022)</c>; no percentage.</summary>
    private static string Delivered(TargetResult result, Measurement measurement, Indicator indicator) =>
        $"đã có {VietnameseFormat.Quantity(measurement.Value, indicator.Unit.Symbol)} " +
        (result.DoneIn is { } done ? $"(hoàn thành {VietnameseFormat.Period(done)})" : $"(yêu cầu {VietnameseFormat.Quantity(measurement.Quota, indicator.Unit.Symbol)})");

    /// <summary>The value as measured, with a share's counts when given: <c>34/50 điểm, bằng 68,0%</c>; <c>1.020 vụ</c>.</summary>
    public static string Value(Measurement measurement, Indicator indicator, IndicatorCatalog catalog)
    {
        if (indicator.IsShare && measurement.Denominator > 0)
        {
            var countUnit = catalog.Get(indicator.Denominator!.Value).Unit.Symbol;
            return $"{VietnameseFormat.Number(measurement.Numerator)}/{VietnameseFormat.Number(measurement.Denominator)} {countUnit}, bằng {VietnameseFormat.Percent(measurement.Value)}";
        }

        return VietnameseFormat.Quantity(measurement.Value, indicator.Unit.Symbol);
    }

    /// <summary>
    /// The change from the baseline: <c>giảm 50 vụ (4,7%) so với năm 2022 (1.070 vụ)</c>; empty without a baseline.
    /// </summary>
    public static string Change(TargetResult result, Indicator indicator)
    {
        if (result.Measurement is not { HasBaseline: true } m || result.BaselinePeriod is not { } basePeriod)
        {
            return string.Empty;
        }

        var unit = indicator.Unit.Symbol;
        var baseline = VietnameseFormat.Quantity(m.Baseline, unit);
        var against = $"so với {VietnameseFormat.Period(basePeriod)} ({baseline})";
        if (m.Change == 0)
        {
            return $"không thay đổi {against}";
        }

        var verb = m.Change < 0 ? "giảm" : "tăng";
        var amount = unit == "%"
            ? $"{VietnameseFormat.Number(Math.Abs(m.Change))} điểm phần trăm"
            : VietnameseFormat.Quantity(Math.Abs(m.Change), unit);
        var relative = m.Baseline != 0 ? $" ({VietnameseFormat.Percent(Math.Abs(m.RelativeChange))})" : string.Empty;
        return $"{verb} {amount}{relative} {against}";
    }

    /// <summary>By how much a final verdict is met, missed or gone beyond; empty when it does not apply.</summary>
    public static string Margin(TargetResult result, Indicator? indicator)
    {
        if (result.Measurement is not { } m || !result.IsFinal)
        {
            return string.Empty;
        }

        (decimal Threshold, bool RelativeChange)? bound = result.Target.Requirement switch
        {
            LevelRequirement level => (level.Bound.Threshold, false),
            ChangeRequirement change => (change.Bound.Threshold, change.Measure == ChangeMeasure.Relative),
            ChangeRangeRequirement range => (m.Subject > range.To ? range.To : range.From, range.Measure == ChangeMeasure.Relative),
            QuotaRequirement => (m.Quota, false),
            _ => null,
        };
        if (bound is not var (threshold, relativeChange))
        {
            return string.Empty;
        }

        var gap = Math.Abs(m.Subject - threshold);
        if (gap == 0)
        {
            return string.Empty;
        }

        var unit = indicator?.Unit.Symbol ?? string.Empty;
        var amount = relativeChange || unit == "%"
            ? $"{VietnameseFormat.Number(gap)} điểm phần trăm"
            : VietnameseFormat.Quantity(gap, unit);
        return result.Status switch
        {
            AssessmentStatus.NotMet => $"còn cách mức yêu cầu {amount}",
            AssessmentStatus.Exceeded => $"vượt {amount}",
            _ => string.Empty,
        };
    }

    /// <summary>A one-sentence account of the result, for JSON output and plain listings.</summary>
    public static string Explain(TargetResult result, IndicatorCatalog catalog, ReportingPeriod? planOverride = null)
    {
        var period = VietnameseFormat.Period(result.Period);
        var requirement = RequirementText.Describe(result.Target, catalog, planOverride);
        var verdict = Status(result.Status);
        if (result.Components.Count > 0)
        {
            var met = result.Components.Count(c => c.Status is AssessmentStatus.Met or AssessmentStatus.Exceeded);
            return $"{Capitalize(period)}: {met}/{result.Components.Count} chỉ tiêu thành phần đạt; yêu cầu {requirement}: {verdict}.";
        }

        var indicator = result.Target.Indicator is { } id ? catalog.Get(id) : null;
        if (result.Units.Count > 0 && indicator is not null)
        {
            var shortUnits = result.Units.Where(u => u.Status == AssessmentStatus.NotMet)
                .Select(u => u.Measurement is { } um ? $"{u.Unit} ({VietnameseFormat.Quantity(um.Value, indicator.Unit.Symbol)})" : u.Unit).ToList();
            var lacking = result.Units.Where(u => u.Status == AssessmentStatus.NoData).Select(u => u.Unit).ToList();
            var reached = result.Units.Count(u => u.Status is AssessmentStatus.Met or AssessmentStatus.Exceeded);
            var text = $"{Capitalize(period)}: {reached}/{result.Units.Count} đơn vị đạt yêu cầu {requirement}";
            if (shortUnits.Count > 0)
            {
                text += $"; chưa đạt: {string.Join(", ", shortUnits)}";
            }

            if (lacking.Count > 0)
            {
                text += $"; chưa có số liệu: {string.Join(", ", lacking)}";
            }

            return $"{text}: {verdict}.";
        }

        if (result.Measurement is not { } m || indicator is null)
        {
            var why = result.Note ?? (result.MissingFigures.Count > 0 ? $"thiếu số liệu {string.Join("; ", result.MissingFigures)}" : "chưa có số liệu");
            return $"{Capitalize(period)}: {why}; yêu cầu {requirement}: {verdict}.";
        }

        var value = Value(result, m, indicator, catalog);
        var change = Change(result, indicator);
        var sentence = $"{Capitalize(period)}: {value}";
        if (change.Length > 0)
        {
            sentence += $", {change}";
        }

        var quota = Quota(result, indicator);
        if (quota.Length > 0)
        {
            sentence += ", " + quota;
        }

        var progressText = Progress(result, indicator);
        if (progressText.Length > 0)
        {
            sentence += "; " + progressText;
        }

        var margin = Margin(result, indicator);
        return $"{sentence}; yêu cầu {requirement}: {verdict}{(margin.Length > 0 ? $" ({margin})" : string.Empty)}.";
    }

    /// <summary>The path a deadline target was checked against, in words; empty when there is none.</summary>
    public static string Progress(TargetResult result, Indicator indicator)
    {
        if (result.Progress is not { } progress || result.Measurement is not { } m)
        {
            return string.Empty;
        }

        if (progress.Projected)
        {
            return $"ước cả giai đoạn {progress.StartYear} - {progress.DeadlineYear} theo tiến độ hiện tại: {VietnameseFormat.Quantity(m.Value, indicator.Unit.Symbol)}";
        }

        return progress.Expected is { } expected
            ? $"theo lộ trình đều từ năm {progress.StartYear} đến năm {progress.DeadlineYear}, năm {progress.Year} cần đạt {ExpectedText(result, indicator, expected)}"
            : $"chưa đến hạn (năm {progress.DeadlineYear})";
    }

    /// <summary>The quota a quota target was measured against: <c>chỉ tiêu được giao 5.000 người (bằng 92,6% chỉ tiêu)</c>.</summary>
    public static string Quota(TargetResult result, Indicator indicator) =>
        result.Target.Requirement is QuotaRequirement && result.Measurement is { } m
            ? $"chỉ tiêu được giao {VietnameseFormat.Quantity(m.Quota, indicator.Unit.Symbol)}" +
              (m.Quota > 0 ? $" (bằng {VietnameseFormat.Percent(m.Value * 100m / m.Quota)} chỉ tiêu)" : string.Empty)
            : string.Empty;

    private static string ExpectedText(TargetResult result, Indicator indicator, decimal expected) =>
        result.Target.Requirement.ComparedWith is not null && result.Target.Requirement is ChangeRequirement { Measure: ChangeMeasure.Relative }
            ? $"mức {(result.Target.Requirement is ChangeRequirement { Direction: ChangeDirection.Decrease } ? "giảm" : "tăng")} {VietnameseFormat.Percent(expected)}"
            : VietnameseFormat.Quantity(expected, indicator.Unit.Symbol);

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
