using Targets.Core.Data;
using Targets.Core.Errors;
using Targets.Core.Indicators;
using Targets.Core.Periods;
using Targets.Core.Successions;

namespace Targets.Core.Tests.Data;

/// <summary>
/// Issue 10: figures as offices keep them. Flows add up over time and units, stocks are read at the end of a period and
/// never added up over time, shares are recomputed from added-up counts, and figures that contradict each other are
/// refused naming both sides.
/// </summary>
public sealed class FigureTableStockFlowTests
{
    private static readonly IndicatorCatalog Catalog = IndicatorCatalog.Shared.With(
    [
        new Indicator(new IndicatorId("drugs.rehab-dossiers"), "Số hồ sơ áp dụng các biện pháp cai nghiện được lập", new Unit("hồ sơ"), Direction.HigherIsBetter, IndicatorKind.Count),
        new Indicator(new IndicatorId("communes.total"), "Tổng số xã", new Unit("xã"), Direction.HigherIsBetter, IndicatorKind.Count, StockOrFlow: StockOrFlow.Stock),
        new Indicator(new IndicatorId("communes.security-safe"), "Số xã an toàn", new Unit("xã"), Direction.HigherIsBetter, IndicatorKind.Count, StockOrFlow: StockOrFlow.Stock),
        new Indicator(new IndicatorId("communes.security-safe-share"), "Tỷ lệ xã an toàn", Unit.Percent, Direction.HigherIsBetter, IndicatorKind.Share, new IndicatorId("communes.security-safe"), new IndicatorId("communes.total")),
    ]);

    private static readonly Succession Merger = new(
        new DateOnly(2025, 7, 1), "tỉnh A (cũ)", "tỉnh A (mới)", [new Predecessor("tinh-b", "tỉnh B")]);

    private static int _line;

    private static Figure F(string indicator, string period, decimal value, string? unit = null, string? boundary = null) =>
        new(new IndicatorId(indicator), ReportingPeriod.Parse(period), value, unit, Source: new SourceLocation("data.json", ++_line, 5), Boundary: boundary);

    private static FigureTable Table(params Figure[] figures) => new(new Dataset { Locality = "x", Figures = figures, SourceFile = "data.json" }, Catalog, Merger);

    private static ReadValue Read(FigureTable table, string indicator, string period, string? unit = null, string? boundary = null)
    {
        table.TryRead(new IndicatorId(indicator), ReportingPeriod.Parse(period), unit, boundary, out var value).ShouldBeTrue();
        return value;
    }

    [Fact]
    public void TryRead_FlowGivenByHalves_AddsThemUpToTheYear()
    {
        var table = Table(F("drugs.rehab-dossiers", "2023-H1", 300), F("drugs.rehab-dossiers", "2023-H2", 260));

        var year = Read(table, "drugs.rehab-dossiers", "2023");

        year.Value.ShouldBe(560m);
        year.Figures.Select(f => f.Period.ToString()).ShouldBe(["2023-H1", "2023-H2"]);
    }

    [Fact]
    public void TryRead_FlowGivenByQuartersAndAHalf_AddsThemUpToTheYear()
    {
        var table = Table(F("drugs.rehab-dossiers", "2023-Q1", 100), F("drugs.rehab-dossiers", "2023-Q2", 120), F("drugs.rehab-dossiers", "2023-H2", 300));

        Read(table, "drugs.rehab-dossiers", "2023").Value.ShouldBe(520m);
    }

    [Fact]
    public void TryRead_FlowMissingAQuarter_IsNotReadForTheYear()
    {
        var table = Table(F("drugs.rehab-dossiers", "2023-Q1", 100), F("drugs.rehab-dossiers", "2023-Q2", 120), F("drugs.rehab-dossiers", "2023-Q3", 90));

        table.TryRead(new IndicatorId("drugs.rehab-dossiers"), ReportingPeriod.Year(2023), null, out _).ShouldBeFalse();
    }

    [Fact]
    public void TryRead_StockGivenByQuarters_TakesTheLastQuarterNeverTheSum()
    {
        var table = Table(F("drugs.addicts", "2023-Q1", 400), F("drugs.addicts", "2023-Q2", 410), F("drugs.addicts", "2023-Q3", 420), F("drugs.addicts", "2023-Q4", 430));

        var year = Read(table, "drugs.addicts", "2023");

        year.Value.ShouldBe(430m);
        year.Figures.ShouldHaveSingleItem().Period.ShouldBe(ReportingPeriod.Quarter(2023, 4));
    }

    [Fact]
    public void TryRead_StockForASpan_IsItsValueAtTheSpansEnd()
    {
        var table = Table(F("drugs.addicts", "2019", 4000), F("drugs.addicts", "2020", 4225));

        Read(table, "drugs.addicts", "2016/2020").Value.ShouldBe(4225m);
    }

    [Fact]
    public void TryRead_FlowForASpan_IsTheSumOfItsYears()
    {
        var table = Table(F("crime.social-order.cases", "2021", 100), F("crime.social-order.cases", "2022", 110));

        Read(table, "crime.social-order.cases", "2021/2022").Value.ShouldBe(210m);
    }

    [Fact]
    public void TryRead_StockSpanGivenWhole_IsTheYearAtItsEndToo()
    {
        var table = Table(F("drugs.addicts", "2016/2020", 4225));

        Read(table, "drugs.addicts", "2020").Value.ShouldBe(4225m);
    }

    [Fact]
    public void Constructor_YearAndItsHalvesDisagree_ThrowsNamingBoth()
    {
        var error = Should.Throw<DataException>(() => Table(
            F("drugs.rehab-dossiers", "2023", 550), F("drugs.rehab-dossiers", "2023-H1", 300), F("drugs.rehab-dossiers", "2023-H2", 260)));

        error.Message.ShouldContain("'drugs.rehab-dossiers' for 2023 is given as 550");
        error.Message.ShouldContain("560");
        error.Message.ShouldContain("2023-H1 300");
        error.Message.ShouldContain("2023-H2 260");
        error.Message.ShouldNotContain("\n");
    }

    [Fact]
    public void Constructor_YearAndItsHalvesAgree_IsAccepted()
    {
        var table = Table(F("drugs.rehab-dossiers", "2023", 560), F("drugs.rehab-dossiers", "2023-H1", 300), F("drugs.rehab-dossiers", "2023-H2", 260));

        Read(table, "drugs.rehab-dossiers", "2023").Figures.ShouldHaveSingleItem().Period.ShouldBe(ReportingPeriod.Year(2023));
    }

    [Fact]
    public void Constructor_SpanContradictsTheSumOfItsYears_ThrowsNamingBoth()
    {
        var error = Should.Throw<DataException>(() => Table(
            F("crime.social-order.cases", "2021/2022", 250), F("crime.social-order.cases", "2021", 100), F("crime.social-order.cases", "2022", 110)));

        error.Message.ShouldContain("for 2021/2022 is given as 250");
        error.Message.ShouldContain("its years add up to 210");
    }

    [Fact]
    public void Constructor_StockGivenTwiceForTheSameDate_ThrowsNamingBoth()
    {
        var error = Should.Throw<DataException>(() => Table(F("drugs.addicts", "2023", 430), F("drugs.addicts", "2023-Q4", 431)));

        error.Message.ShouldContain("is a stock");
        error.Message.ShouldContain("2023 430");
        error.Message.ShouldContain("2023-Q4 431");
    }

    [Fact]
    public void TryRead_WholeNotGiven_RollsUpItsUnits()
    {
        var table = Table(F("crime.social-order.cases", "2024", 40, "Huyện A"), F("crime.social-order.cases", "2024", 35, "Huyện B"));

        Read(table, "crime.social-order.cases", "2024").Value.ShouldBe(75m);
    }

    [Fact]
    public void TryRead_ShareOverUnits_IsRecomputedFromTheSummedCountsNotAveraged()
    {
        var table = Table(
            F("communes.security-safe", "2024", 8, "Huyện A"), F("communes.total", "2024", 10, "Huyện A"),
            F("communes.security-safe", "2024", 10, "Huyện B"), F("communes.total", "2024", 40, "Huyện B"));

        var share = Read(table, "communes.security-safe-share", "2024");

        share.Value.ShouldBe(36m); // 18 / 50; the mean of 80% and 25% would be 52.5%
        share.Numerator.ShouldBe(18m);
        share.Denominator.ShouldBe(50m);
    }

    [Fact]
    public void TryRead_ShareGivenOnlyAsPercentPerUnit_IsNotAveragedIntoTheWhole()
    {
        var table = Table(F("communes.security-safe-share", "2024", 80, "Huyện A"), F("communes.security-safe-share", "2024", 25, "Huyện B"));

        table.TryRead(new IndicatorId("communes.security-safe-share"), ReportingPeriod.Year(2024), null, out _).ShouldBeFalse();
    }

    [Fact]
    public void TryRead_AUnitMissing_DoesNotRollUpAPartialSum()
    {
        var table = new FigureTable(
            new Dataset { Locality = "x", AdminUnits = ["Huyện A", "Huyện B", "Huyện C"], Figures = [F("crime.social-order.cases", "2024", 40, "Huyện A"), F("crime.social-order.cases", "2024", 35, "Huyện B")] },
            Catalog);

        table.TryRead(new IndicatorId("crime.social-order.cases"), ReportingPeriod.Year(2024), null, out _).ShouldBeFalse();
    }

    [Fact]
    public void Constructor_WholeAndItsUnitsDisagree_ThrowsNamingBoth()
    {
        var error = Should.Throw<DataException>(() => Table(
            F("crime.social-order.cases", "2024", 80), F("crime.social-order.cases", "2024", 40, "Huyện A"), F("crime.social-order.cases", "2024", 35, "Huyện B")));

        error.Message.ShouldContain("is given as 80, but its units add up to 75");
        error.Message.ShouldContain("2024 (Huyện A) 40");
    }

    [Fact]
    public void TryRead_MergedNotGiven_AddsUpTheMergedUnits()
    {
        var table = Table(F("crime.social-order.cases", "2020", 200), F("crime.social-order.cases", "2020", 300, boundary: "tinh-b"));

        Read(table, "crime.social-order.cases", "2020", boundary: Succession.MergedBoundary).Value.ShouldBe(500m);
        Read(table, "crime.social-order.cases", "2020").Value.ShouldBe(200m);
    }

    [Fact]
    public void Constructor_MergedAndItsPartsDisagree_Throws()
    {
        var error = Should.Throw<DataException>(() => Table(
            F("crime.social-order.cases", "2020", 200), F("crime.social-order.cases", "2020", 300, boundary: "tinh-b"), F("crime.social-order.cases", "2020", 450, boundary: "merged")));

        error.Message.ShouldContain("add up to 500");
    }

    [Fact]
    public void Constructor_UnknownBoundary_SuggestsTheNearest()
    {
        var error = Should.Throw<DataException>(() => Table(F("crime.social-order.cases", "2020", 300, boundary: "tinh-bb")));

        error.Message.ShouldContain("unknown boundary 'tinh-bb' (did you mean 'tinh-b'?)");
    }

    [Fact]
    public void Constructor_BoundaryWithoutAMerger_Throws()
    {
        Should.Throw<DataException>(() => new FigureTable(new Dataset { Locality = "x", Figures = [F("crime.social-order.cases", "2020", 1, boundary: "merged")] }, Catalog))
            .Message.ShouldContain("has no merger declared");
    }

    [Fact]
    public void AsOf_FigureEndingAfterTheDate_IsNotRead()
    {
        var table = Table(F("drugs.rehab-dossiers", "2023-H1", 300), F("drugs.rehab-dossiers", "2023-H2", 260));
        var midYear = table.AsOf(new DateOnly(2023, 6, 30));

        midYear.TryRead(new IndicatorId("drugs.rehab-dossiers"), ReportingPeriod.Half(2023, 1), null, out _).ShouldBeTrue();
        midYear.TryRead(new IndicatorId("drugs.rehab-dossiers"), ReportingPeriod.Year(2023), null, out _).ShouldBeFalse();
        table.AsOf(new DateOnly(2023, 12, 31)).ShouldBeSameAs(table);
    }

    [Fact]
    public void Constructor_EmptyDataset_Throws()
    {
        Should.Throw<DataException>(() => new FigureTable(new Dataset { Locality = "x", Figures = [], SourceFile = "empty.json" }, Catalog))
            .Message.ShouldBe("empty.json: the dataset is empty: it has no figures, no task reports and no asOf, so there is nothing to assess");
    }

    [Fact]
    public void Constructor_DatasetWithOnlyItsDate_IsNothingReportedYetNotAnError()
    {
        // Tasks not done by a date: the dataset states its date and nothing else.
        var table = new FigureTable(new Dataset { Locality = "x", Figures = [], AsOf = new DateOnly(2023, 6, 30), SourceFile = "dated.json" }, Catalog);

        table.LatestYear.ShouldBeNull();
    }

    [Fact]
    public void Constructor_UnknownIndicator_SuggestsTheNearestId()
    {
        Should.Throw<DataException>(() => Table(F("crime.social-order.case", "2023", 1)))
            .Message.ShouldContain("unknown indicator 'crime.social-order.case' (did you mean 'crime.social-order.cases'?)");
    }

    [Fact]
    public void TryRead_CountsAddedUpAboveTheirDenominator_IsRefused()
    {
        var table = Table(
            F("communes.security-safe", "2024", 12, "Huyện A"), F("communes.security-safe", "2024", 10, "Huyện B"), F("communes.total", "2024", 20));

        Should.Throw<DataException>(() => table.TryRead(new IndicatorId("communes.security-safe-share"), ReportingPeriod.Year(2024), null, out _))
            .Message.ShouldContain("adds up to 22, above its denominator");
    }
}
