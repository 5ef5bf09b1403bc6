using System.Globalization;
using Targets.Core.Formatting;
using Targets.Core.Periods;

namespace Targets.Core.Tests.Formatting;

public sealed class VietnameseFormatTests
{
    [Theory]
    [InlineData(1051, "1.051")]
    [InlineData(4225, "4.225")]
    [InlineData(1234567.25, "1.234.567,3")]
    [InlineData(12.5, "12,5")]
    [InlineData(0, "0")]
    public void Number_AnyValue_UsesDotThousandsAndCommaDecimals(double value, string expected)
    {
        VietnameseFormat.Number((decimal)value).ShouldBe(expected);
    }

    [Fact]
    public void Percent_OneDecimal_KeepsOrDropsTheTrailingZero()
    {
        VietnameseFormat.Percent(68m).ShouldBe("68,0%");
        VietnameseFormat.Percent(1051m * 100 / 2351).ShouldBe("44,7%");
        VietnameseFormat.Percent(1914m * 100 / 2587, dropTrailingZeros: true).ShouldBe("74%");
        VietnameseFormat.Percent(60m * 100 / 591, dropTrailingZeros: true).ShouldBe("10,2%");
    }

    [Fact]
    public void NumberAndPercent_ManyValues_WriteWhatTheDocumentsPatternWrites()
    {
        // The formats were once the custom patterns below, parsed on every call; the standard formats that replaced them
        // for speed must write every value the same way, negative and zero values and every decimal count included.
        var patterns = new NumberFormatInfo { NumberDecimalSeparator = ",", NumberGroupSeparator = ".", NumberGroupSizes = [3], NegativeSign = "-" };
        decimal[] values = [0m, -0m, 0.04m, -0.04m, 0.05m, -0.05m, 1m, -1m, 12.5m, -12.25m, 99.95m, 99.949m, 1051m, 1234567.891m, -1234567.891m, 80.025m, 2401m * 100 / 3000, 1m / 3, -2m / 3, 999999.999m, 1e15m + 0.5m];
        foreach (var value in values)
        {
            for (var decimals = 0; decimals <= 4; decimals++)
            {
                var rounded = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
                var atMost = decimals == 0 ? "#,##0" : "#,##0." + new string('#', decimals);
                var exactly = decimals == 0 ? "#,##0" : "#,##0." + new string('0', decimals);
                VietnameseFormat.Number(value, decimals).ShouldBe(rounded.ToString(atMost, patterns), $"{value} to at most {decimals}");
                VietnameseFormat.Percent(value, decimals).ShouldBe(rounded.ToString(exactly, patterns) + "%", $"{value}% to {decimals}");
                VietnameseFormat.Percent(value, decimals, dropTrailingZeros: true).ShouldBe(rounded.ToString(atMost, patterns) + "%", $"{value}% to at most {decimals}");
            }
        }
    }

    [Theory]
    [InlineData(2401, 3000, 80, "80,03%")] // one decimal would print 80,0% beside "trên 80%"
    [InlineData(2400, 3000, 80, "80,0%")] // equal to the threshold: one decimal says so
    [InlineData(8999, 10000, 90, "89,99%")]
    [InlineData(2560, 3040, 80, "84,2%")] // far from the threshold: one decimal
    public void PercentApart_NearTheThreshold_WidensUntilItDiffers(int numerator, int denominator, int threshold, string expected)
    {
        VietnameseFormat.PercentApart(numerator * 100m / denominator, threshold).ShouldBe(expected);
    }

    [Fact]
    public void Dates_AnyDate_WrittenTheVietnameseWay()
    {
        var date = new DateOnly(2021, 12, 16);
        VietnameseFormat.ShortDate(date).ShouldBe("16/12/2021");
        VietnameseFormat.LongDate(date).ShouldBe("ngày 16 tháng 12 năm 2021");
    }

    [Fact]
    public void Period_EachKind_NamedAsAReportNamesIt()
    {
        VietnameseFormat.Period(ReportingPeriod.Parse("2023")).ShouldBe("năm 2023");
        VietnameseFormat.Period(ReportingPeriod.Parse("2023-H1")).ShouldBe("6 tháng đầu năm 2023");
        VietnameseFormat.Period(ReportingPeriod.Parse("2023-Q2")).ShouldBe("quý II năm 2023");
        VietnameseFormat.Period(ReportingPeriod.Parse("2016/2020")).ShouldBe("giai đoạn 2016 - 2020");
    }

    [Theory]
    [InlineData(1900)]
    [InlineData(2025)]
    [InlineData(2199)]
    [InlineData(2200)]
    public void Period_EveryKindInAnyYear_NamedTheSameWhetherRememberedOrNot(int year)
    {
        // Texts of periods are kept once made for the years plans use (up to 2199); a period outside them is written each
        // time. Both give the same text, and asking twice gives it again.
        for (var round = 0; round < 2; round++)
        {
            VietnameseFormat.Period(ReportingPeriod.Year(year)).ShouldBe($"năm {year}");
            VietnameseFormat.Period(ReportingPeriod.Half(year, 2)).ShouldBe($"6 tháng cuối năm {year}");
            VietnameseFormat.Period(ReportingPeriod.Quarter(year, 4)).ShouldBe($"quý IV năm {year}");
            VietnameseFormat.Period(ReportingPeriod.Month(year, 12)).ShouldBe($"tháng 12 năm {year}");
            ReportingPeriod.Year(year).ToString().ShouldBe($"{year}");
            ReportingPeriod.Quarter(year, 1).ToString().ShouldBe($"{year}-Q1");
            ReportingPeriod.Month(year, 3).ToString().ShouldBe($"{year}-03");
        }
    }

    [Theory]
    [InlineData(1900, 1901)]
    [InlineData(2021, 2025)]
    [InlineData(2021, 2052)]
    [InlineData(2021, 2053)]
    [InlineData(1900, 2200)]
    [InlineData(2199, 2200)]
    public void Period_SpansShortAndLong_NamedTheSameWhetherRememberedOrNot(int first, int last)
    {
        // Spans of up to 31 years after their first are kept; longer ones are written each time.
        for (var round = 0; round < 2; round++)
        {
            VietnameseFormat.Period(ReportingPeriod.Span(first, last)).ShouldBe($"giai đoạn {first} - {last}");
            ReportingPeriod.Span(first, last).ToString().ShouldBe($"{first}/{last}");
        }
    }

    [Theory]
    [InlineData("en-US")]
    [InlineData("tr-TR")]
    [InlineData("vi-VN")]
    [InlineData("fr-FR")]
    public void Number_UnderAnyCurrentCulture_IsTheSame(string culture)
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
            VietnameseFormat.Number(1234.56m).ShouldBe("1.234,6");
            VietnameseFormat.Percent(44.7m).ShouldBe("44,7%");
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }
}
