using Targets.Core.Periods;

namespace Targets.Core.Tests.Periods;

public sealed class ReportingPeriodTests
{
    [Theory]
    [InlineData("2023", PeriodKind.Year, 2023, 2023, 0)]
    [InlineData("2023-H1", PeriodKind.Half, 2023, 2023, 1)]
    [InlineData("2023-Q2", PeriodKind.Quarter, 2023, 2023, 2)]
    [InlineData("2016/2020", PeriodKind.Span, 2016, 2020, 0)]
    [InlineData("2023-01", PeriodKind.Month, 2023, 2023, 1)]
    [InlineData("2023-12", PeriodKind.Month, 2023, 2023, 12)]
    public void Parse_EachForm_ReadsKindYearsAndPart(string text, PeriodKind kind, int start, int end, int part)
    {
        var period = ReportingPeriod.Parse(text);

        period.Kind.ShouldBe(kind);
        period.StartYear.ShouldBe(start);
        period.EndYear.ShouldBe(end);
        period.Part.ShouldBe(part);
        period.ToString().ShouldBe(text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("23")]
    [InlineData("2023-H3")]
    [InlineData("2023-Q5")]
    [InlineData("2020/2016")]
    [InlineData("2020/2020")]
    [InlineData("2023-M1")]
    [InlineData("2023-00")]
    [InlineData("2023-13")]
    [InlineData("2023-1")]
    [InlineData("năm 2023")]
    public void TryParse_NotAPeriod_ReturnsFalseWithReason(string text)
    {
        ReportingPeriod.TryParse(text, out _, out var error).ShouldBeFalse();
        error.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void Preceding_FiveYearPlan_IsTheFiveYearsBefore()
    {
        ReportingPeriod.Parse("2021/2025").Preceding().ShouldBe(ReportingPeriod.Span(2016, 2020));
        ReportingPeriod.Parse("2016/2020").Preceding().ShouldBe(ReportingPeriod.Span(2011, 2015));
    }

    [Fact]
    public void End_QuarterAndHalf_AreTheLastDayOfThePeriod()
    {
        ReportingPeriod.Parse("2023-Q1").End.ShouldBe(new DateOnly(2023, 3, 31));
        ReportingPeriod.Parse("2023-H1").End.ShouldBe(new DateOnly(2023, 6, 30));
        ReportingPeriod.Parse("2023-Q4").End.ShouldBe(new DateOnly(2023, 12, 31));
        ReportingPeriod.Parse("2021/2025").End.ShouldBe(new DateOnly(2025, 12, 31));
    }

    [Fact]
    public void ShiftYears_SamePeriodPreviousYear_KeepsThePart()
    {
        ReportingPeriod.Parse("2023-H1").ShiftYears(-1).ShouldBe(ReportingPeriod.Parse("2022-H1"));
    }

    [Fact]
    public void Years_Span_ListsEveryYear()
    {
        ReportingPeriod.Span(2016, 2020).Years.Select(y => y.StartYear).ShouldBe([2016, 2017, 2018, 2019, 2020]);
    }

    [Fact]
    public void Span_OneYear_IsThatYear()
    {
        ReportingPeriod.Span(2023, 2023).ShouldBe(ReportingPeriod.Year(2023));
    }

    [Fact]
    public void End_Month_IsItsLastDayInclusive()
    {
        // Cẩm Phả Phụ lục II, task 4: "Tháng 1 và tháng 6": due 31/01 and 30/06.
        ReportingPeriod.Parse("2023-01").Start.ShouldBe(new DateOnly(2023, 1, 1));
        ReportingPeriod.Parse("2023-01").End.ShouldBe(new DateOnly(2023, 1, 31));
        ReportingPeriod.Parse("2024-02").End.ShouldBe(new DateOnly(2024, 2, 29));
        ReportingPeriod.Month(2023, 6).End.ShouldBe(new DateOnly(2023, 6, 30));
    }

    [Fact]
    public void CompareTo_MonthQuarterYear_OrderedByStartThenEnd()
    {
        var periods = new[] { "2023", "2023-Q1", "2023-06", "2023-01", "2023-H1" }.Select(ReportingPeriod.Parse).Order().Select(p => p.ToString());

        periods.ShouldBe(["2023-01", "2023-Q1", "2023-H1", "2023", "2023-06"]);
    }

    [Fact]
    public void CompareTo_YearsAndSpans_OrderedAsTheirFirstAndLastDays()
    {
        ReportingPeriod[] periods =
        [
            ReportingPeriod.Year(2021), ReportingPeriod.Year(2025), ReportingPeriod.Span(2021, 2025), ReportingPeriod.Span(2021, 2023),
            ReportingPeriod.Span(2016, 2020), ReportingPeriod.Span(2022, 2025), ReportingPeriod.Half(2021, 2), ReportingPeriod.Quarter(2025, 4),
        ];

        foreach (var one in periods)
        {
            foreach (var other in periods)
            {
                var byDays = one.Start != other.Start ? one.Start.CompareTo(other.Start) : one.End.CompareTo(other.End);
                Math.Sign(one.CompareTo(other)).ShouldBe(Math.Sign(byDays), $"{one} against {other}");
            }
        }
    }

    [Fact]
    public void ShiftYears_Month_KeepsTheMonth()
    {
        ReportingPeriod.Parse("2023-06").ShiftYears(-1).ShouldBe(ReportingPeriod.Month(2022, 6));
        ReportingPeriod.Parse("2023-06").Preceding().ShouldBe(ReportingPeriod.Month(2022, 6));
    }

    [Fact]
    public void Contains_MonthInsideItsQuarter()
    {
        ReportingPeriod.Parse("2023-Q1").Contains(ReportingPeriod.Parse("2023-01")).ShouldBeTrue();
        ReportingPeriod.Parse("2023-Q1").Contains(ReportingPeriod.Parse("2023-06")).ShouldBeFalse();
    }
}
