using Targets.Core.Documents;
using Targets.Core.Formatting;
using Targets.Core.Indicators;
using Targets.Core.Periods;
using Targets.Core.Schedules;

namespace Targets.Core.Tests.Formatting;

public sealed class RequirementTextTests
{
    private static DocumentReference Document(string? number, DateOnly? issuedOn) =>
        new("x", "Chỉ thị", number, "Chủ tịch Ủy ban nhân dân thành phố Hải Phòng", issuedOn, "…", ReportingPeriod.Year(2018));

    [Theory]
    [InlineData("05/CT-UBND", true, "Chỉ thị số 05/CT-UBND ngày 16/12/2021 của Chủ tịch Ủy ban nhân dân thành phố Hải Phòng")]
    [InlineData("05/CT-UBND", false, "Chỉ thị số 05/CT-UBND của Chủ tịch Ủy ban nhân dân thành phố Hải Phòng (văn bản không ghi ngày ban hành)")]
    [InlineData(null, true, "Chỉ thị ngày 16/12/2021 của Chủ tịch Ủy ban nhân dân thành phố Hải Phòng (văn bản không ghi số)")]
    [InlineData(null, false, "Chỉ thị của Chủ tịch Ủy ban nhân dân thành phố Hải Phòng (văn bản không ghi số, không ghi ngày ban hành)")]
    public void Citation_NumberOrDateTheTextDoesNotGive_IsSaidOnceAtTheEnd(string? number, bool dated, string expected)
    {
        RequirementText.Citation(Document(number, dated ? new DateOnly(2021, 12, 16) : null)).ShouldBe(expected);
    }

    [Fact]
    public void Schedule_WholePeriodOfAStock_IsItsEndNotATotal()
    {
        // Tây Ninh's 2016–2020 account: cases over the period are a total, addicts on record a count at its end.
        var period = ReportingPeriod.Span(2016, 2020);
        var whole = new Schedule.ByDeadline(Cumulative: true);

        RequirementText.Schedule(whole, period, StockOrFlow.Flow).ShouldBe("tổng giai đoạn 2016 - 2020");
        RequirementText.Schedule(whole, period, StockOrFlow.Stock).ShouldBe("cuối giai đoạn 2016 - 2020");
    }
}
