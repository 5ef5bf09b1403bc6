using Targets.Core.Documents;
using Targets.Core.Indicators;
using Targets.Core.Periods;
using Targets.Core.Requirements;
using Targets.Core.Schedules;
using Targets.Core.Targets;

namespace Targets.Core.Formatting;

/// <summary>Says in Vietnamese what a requirement, a baseline, a schedule or a document is.</summary>
public static class RequirementText
{
    /// <summary>The requirement in words, e.g. <c>từ 90% trở lên</c>, <c>giảm từ 3% đến 5% so với cùng kỳ năm trước</c>.</summary>
    public static string Describe(Target target, IndicatorCatalog catalog, ReportingPeriod? planOverride = null)
    {
        var unit = target.Indicator is { } id && catalog.TryGet(id, out var indicator) ? indicator.Unit.Symbol : string.Empty;
        var plan = planOverride ?? target.Document.Period;
        return target.Requirement switch
        {
            LevelRequirement level => Bound(level.Bound, unit),
            ChangeRequirement change => ChangeText(change, unit, plan),
            ChangeRangeRequirement range =>
                $"{Verb(range.Direction)} từ {Amount(range.From, range.Measure, unit)} đến {Amount(range.To, range.Measure, unit)} so với {Baseline(range.Baseline, plan)}",
            ZeroRequirement zero => $"{zero.Phrase} (bằng 0)",
            DeliverableRequirement deliverable => $"hoàn thành {VietnameseFormat.Threshold(deliverable.Count, unit)}",
            QuotaRequirement { Quota: { } quota } => $"đạt ít nhất {VietnameseFormat.Threshold(quota, unit)}",
            QuotaRequirement => "đạt chỉ tiêu được giao",
            CompositeRequirement composite => $"cả {composite.Targets.Count} chỉ tiêu thành phần đều đạt",
            ExpressionRequirement expression => expression.Description,
            _ => throw new ArgumentOutOfRangeException(nameof(target), target.Requirement.GetType().Name, "unknown requirement kind"),
        };
    }

    /// <summary>A bound in words: trên 80%; từ 90% trở lên; dưới 1%; không quá 5 vụ; bằng 0 vụ.</summary>
    public static string Bound(Bound bound, string unit)
    {
        var amount = VietnameseFormat.Threshold(bound.Threshold, unit);
        return bound.Comparison switch
        {
            Comparison.GreaterThan => $"trên {amount}",
            Comparison.AtLeast when unit == "%" && bound.Threshold == 100 => "đạt 100%",
            Comparison.AtLeast => $"từ {amount} trở lên",
            Comparison.LessThan => $"dưới {amount}",
            Comparison.AtMost => $"không quá {amount}",
            _ => $"bằng {amount}",
        };
    }

    /// <summary>A baseline in words: năm 2022; năm trước; cùng kỳ năm trước; giai đoạn 2016 - 2020.</summary>
    public static string Baseline(Baseline baseline, ReportingPeriod plan) => baseline switch
    {
        Requirements.Baseline.PreviousYear => "năm trước",
        Requirements.Baseline.SamePeriodPreviousYear => "cùng kỳ năm trước",
        _ => VietnameseFormat.Period(baseline.Resolve(plan, plan)),
    };

    /// <summary>A schedule in words: hàng năm; đến năm 2025; tổng giai đoạn 2021 - 2025; năm 2023.</summary>
    public static string Schedule(Schedule schedule, ReportingPeriod plan) => Schedule(schedule, plan, StockOrFlow.Flow);

    /// <summary>
    /// A schedule in words for a target on an indicator that is a flow or a stock: over a whole period a flow is a total
    /// (<c>tổng giai đoạn 2016 - 2020</c>), a stock its value at the period's end (<c>cuối giai đoạn 2016 - 2020</c>).
    /// </summary>
    public static string Schedule(Schedule schedule, ReportingPeriod plan, StockOrFlow stockOrFlow) => schedule switch
    {
        Schedules.Schedule.EachYear => "hàng năm",
        Schedules.Schedule.ByDeadline { Cumulative: true } when stockOrFlow == StockOrFlow.Stock => $"cuối {VietnameseFormat.Period(plan)}",
        Schedules.Schedule.ByDeadline { Cumulative: true } => $"tổng {VietnameseFormat.Period(plan)}",
        Schedules.Schedule.ByDeadline => $"đến năm {plan.EndYear}",
        Schedules.Schedule.SingleYear single => $"năm {single.Year}",
        _ => throw new ArgumentOutOfRangeException(nameof(schedule), schedule.GetType().Name, "unknown schedule"),
    };

    /// <summary>
    /// A document's citation: <c>Chương trình số 20-CTr/TU ngày 16/12/2021 của Thành ủy Cần Thơ</c>; a number or date the
    /// text does not give is said to be missing, not guessed.
    /// </summary>
    public static string Citation(DocumentReference document)
    {
        // What the text gives goes where a citation has it; what it does not give is said once, at the end, so that the
        // citation does not read "(văn bản không ghi số) (không ghi ngày ban hành)".
        var given = new List<string> { document.Kind };
        var missing = new List<string>();
        if (document.Number is { } n)
        {
            given.Add($"số {n}");
        }
        else
        {
            missing.Add("văn bản không ghi số");
        }

        if (document.IssuedOn is { } d)
        {
            given.Add($"ngày {VietnameseFormat.ShortDate(d)}");
        }
        else
        {
            missing.Add(document.Number is null ? "không ghi ngày ban hành" : "văn bản không ghi ngày ban hành");
        }

        var citation = $"{string.Join(' ', given)} của {document.Issuer}";
        return missing.Count == 0 ? citation : $"{citation} ({string.Join(", ", missing)})";
    }

    private static string ChangeText(ChangeRequirement change, string unit, ReportingPeriod plan)
    {
        var against = Baseline(change.Baseline, plan);
        var bound = change.Bound;
        if (change.Measure == ChangeMeasure.Absolute && bound.Threshold == 0)
        {
            return (change.Direction, bound.Comparison) switch
            {
                (ChangeDirection.Increase, Comparison.GreaterThan) => $"nhiều hơn {against}",
                (ChangeDirection.Decrease, Comparison.GreaterThan) => $"thấp hơn {against}",
                (ChangeDirection.Increase, Comparison.AtMost) => $"không tăng so với {against}",
                (ChangeDirection.Decrease, Comparison.AtMost) => $"không giảm so với {against}",
                (ChangeDirection.Increase, Comparison.AtLeast) => $"không thấp hơn {against}",
                (ChangeDirection.Decrease, Comparison.AtLeast) => $"không cao hơn {against}",
                _ => $"{Verb(change.Direction)} {Bound(bound, unit)} so với {against}",
            };
        }

        var amount = Amount(bound.Threshold, change.Measure, unit);
        return bound.Comparison switch
        {
            Comparison.AtLeast => $"{Verb(change.Direction)} ít nhất {amount} so với {against}",
            Comparison.GreaterThan => $"{Verb(change.Direction)} hơn {amount} so với {against}",
            Comparison.LessThan => $"tỷ lệ {Verb(change.Direction)} dưới {amount} so với {against}",
            Comparison.AtMost => $"{Verb(change.Direction)} không quá {amount} so với {against}",
            _ => $"{Verb(change.Direction)} đúng {amount} so với {against}",
        };
    }

    private static string Amount(decimal amount, ChangeMeasure measure, string unit) =>
        measure == ChangeMeasure.Relative ? VietnameseFormat.Threshold(amount, "%") : VietnameseFormat.Threshold(amount, unit);

    private static string Verb(ChangeDirection direction) => direction == ChangeDirection.Decrease ? "giảm" : "tăng";
}
