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
