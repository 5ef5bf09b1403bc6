using Targets.Core.Evaluation;
using Targets.Core.Formatting;
using Targets.Core.Indicators;
using Targets.Core.Periods;
using Targets.Core.Requirements;

namespace Targets.Core.Tests.Formatting;

public sealed class ResultTextTests
{
    private static readonly IndicatorCatalog Catalog = IndicatorCatalog.Shared;
    private static readonly Indicator Cases = Catalog.Get(new IndicatorId("crime.social-order.cases"));
    private static readonly Indicator Clearance = Catalog.Get(new IndicatorId("crime.clearance-rate"));
    private static readonly LevelRequirement Above80 = new(new Bound(Comparison.GreaterThan, 80));
    private static readonly ChangeRequirement NotAbove = new(new Baseline.PreviousYear(), ChangeDirection.Increase, ChangeMeasure.Absolute, new Bound(Comparison.AtMost, 0));

    private static Measurement Share(decimal numerator, decimal denominator) =>
        new() { Value = numerator * 100m / denominator, Numerator = numerator, Denominator = denominator, Subject = numerator * 100m / denominator };

    private static Measurement Counted(decimal baseline, decimal value) =>
        new() { Value = value, HasBaseline = true, Baseline = baseline, Change = value - baseline, Subject = value - baseline };

    [Fact]
    public void Change_AFall_IsGiảm()
    {
        ResultText.Change(Counted(1130, 1110), ReportingPeriod.Year(2022), Cases).ShouldBe("giảm 20 vụ (1,8%) so với năm 2022 (1.130 vụ)");
    }

    [Fact]
    public void Change_ARise_IsTăng()
    {
        ResultText.Change(Counted(1250, 1633), ReportingPeriod.Span(2016, 2020), Cases).ShouldBe("tăng 383 vụ (30,6%) so với giai đoạn 2016 - 2020 (1.250 vụ)");
    }

    [Fact]
    public void Change_None_IsNotCalledARiseOfZero()
    {
        ResultText.Change(Counted(4310, 4310), ReportingPeriod.Year(2022), Cases).ShouldBe("không thay đổi so với năm 2022 (4.310 vụ)");
    }

    [Fact]
    public void Change_NearTheRequiredShare_ShowsTheDecimalsThatTellThemApart()
    {
        // 4,99% down against "giảm từ 5%": one decimal would print 5,0%.
        ResultText.Change(Counted(10000, 9501), ReportingPeriod.Year(2022), Cases, relativeThreshold: 5).ShouldStartWith("giảm 499 vụ (4,99%)");
    }

    [Theory]
    [InlineData(2401, "2.401/3.000 vụ, bằng 80,03%")]
    [InlineData(2400, "2.400/3.000 vụ, bằng 80,0%")]
    public void Value_AtAStrictBound_ShowsEnoughPrecisionToTellWhyItPassesOrNot(int numerator, string expected)
    {
        ResultText.Value(Share(numerator, 3000), Clearance, Catalog, threshold: 80).ShouldBe(expected);
    }

    [Fact]
    public void Margin_StrictBoundAtTheThreshold_CountsTheOneStillNeeded()
    {
        var measurement = Share(2400, 3000);
        var mark = PassMark.Of(Above80, measurement, wholeCounts: false)!.Value;

        ResultText.Mark(mark, Clearance, Catalog).ShouldBe("ít nhất 2.401/3.000 vụ");
        ResultText.Margin(mark, measurement, AssessmentStatus.NotMet, Clearance, Catalog).ShouldBe("còn thiếu 1 vụ");
    }

    [Fact]
    public void Margin_AboveACeiling_IsVượtQuáNeverCònCách()
    {
        var measurement = Counted(4225, 4380);
        var mark = PassMark.Of(NotAbove, measurement, wholeCounts: true)!.Value;

        ResultText.Margin(mark, measurement, AssessmentStatus.NotMet, Cases, Catalog).ShouldBe("vượt quá 155 vụ");
        ResultText.Mark(mark, Cases, Catalog).ShouldBe("không quá 4.225 vụ");
    }

    [Fact]
    public void Margin_ZeroGap_IsNotWrittenAtAll()
    {
        // A share without counts exactly at "trên 80%" fails with nothing to count: never "còn cách 0".
        var measurement = new Measurement { Value = 80, Subject = 80 };
        var mark = PassMark.Of(Above80, measurement, wholeCounts: false)!.Value;

        ResultText.Margin(mark, measurement, AssessmentStatus.NotMet, Clearance, Catalog).ShouldBeEmpty();
    }

    [Fact]
    public void Margin_Exceeded_SaysHowFarBeyondTheMark()
    {
        var measurement = Share(2600, 3000);
        var mark = PassMark.Of(Above80, measurement, wholeCounts: false)!.Value;

        ResultText.Margin(mark, measurement, AssessmentStatus.Exceeded, Clearance, Catalog).ShouldBe("cao hơn mức cần đạt 199 vụ");
    }

    [Fact]
    public void Missing_NamesTheIndicatorAndThePeriodInVietnamese()
    {
        var text = ResultText.Missing([new MissingFigure(new IndicatorId("crime.clearance-rate"), ReportingPeriod.Year(2023))], Catalog);

        text.ShouldBe("chưa có số liệu năm 2023 về tỷ lệ điều tra, khám phá các loại tội phạm");
        text.ShouldNotContain("crime.");
    }
}
