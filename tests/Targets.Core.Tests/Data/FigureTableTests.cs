using Targets.Core.Data;
using Targets.Core.Errors;
using Targets.Core.Indicators;
using Targets.Core.Periods;

namespace Targets.Core.Tests.Data;

public sealed class FigureTableTests
{
    private static readonly IndicatorCatalog Catalog = IndicatorCatalog.Shared;

    private static Figure Figure(string indicator, string period, decimal value, string? unit = null, string? adminUnit = null) =>
        new(new IndicatorId(indicator), ReportingPeriod.Parse(period), value, adminUnit, Source: new SourceLocation("data.json", 7, 5, "$.figures[2]"), Unit: unit);

    private static FigureTable Table(params Figure[] figures) =>
        new(new Dataset { Locality = "x", Figures = figures, SourceFile = "data.json" }, Catalog);

    [Fact]
    public void TryRead_ShareWithCounts_ComputesPercentAndKeepsCounts()
    {
        var table = Table(
            Figure("crime.cases.solved", "2023", 34),
            Figure("crime.cases.prosecuted", "2023", 50));

        table.TryRead(new IndicatorId("crime.clearance-rate"), ReportingPeriod.Year(2023), null, out var value).ShouldBeTrue();

        value.Value.ShouldBe(68m);
        value.Numerator.ShouldBe(34m);
        value.Denominator.ShouldBe(50m);
        value.Figures.Count.ShouldBe(2);
    }

    [Fact]
    public void TryRead_ShareGivenDirectly_UsesTheShare()
    {
        var table = Table(Figure("crime.clearance-rate", "2023", 81.5m));

        table.TryRead(new IndicatorId("crime.clearance-rate"), ReportingPeriod.Year(2023), null, out var value).ShouldBeTrue();

        value.Value.ShouldBe(81.5m);
        value.Numerator.ShouldBeNull();
    }

    [Fact]
    public void TryRead_SpanNotReportedWhole_SumsItsYears()
    {
        var table = Table(
            Figure("crime.social-order.cases", "2016", 100), Figure("crime.social-order.cases", "2017", 110),
            Figure("crime.social-order.cases", "2018", 120), Figure("crime.social-order.cases", "2019", 130),
            Figure("crime.social-order.cases", "2020", 140));

        table.TryRead(new IndicatorId("crime.social-order.cases"), ReportingPeriod.Span(2016, 2020), null, out var value).ShouldBeTrue();

        value.Value.ShouldBe(600m);
        value.Figures.Count.ShouldBe(5);
    }

    [Fact]
    public void TryRead_SpanMissingAYear_ReturnsFalse()
    {
        var table = Table(Figure("crime.social-order.cases", "2016", 100));

        table.TryRead(new IndicatorId("crime.social-order.cases"), ReportingPeriod.Span(2016, 2017), null, out _).ShouldBeFalse();
    }

    [Fact]
    public void Constructor_UnknownIndicator_ThrowsNamingItAndItsPlace()
    {
        var error = Should.Throw<DataException>(() => Table(Figure("crime.unknown-thing", "2023", 1)));

        error.Message.ShouldContain("unknown indicator 'crime.unknown-thing'");
        error.Message.ShouldContain("data.json:7:5");
    }

    [Fact]
    public void Constructor_NegativeCount_Throws()
    {
        Should.Throw<DataException>(() => Table(Figure("crime.social-order.cases", "2023", -3))).Message.ShouldContain("negative");
    }

    [Theory]
    [InlineData("crime.social-order.cases", "0")]
    [InlineData("crime.social-order.cases", "-0")] // negative zero is zero
    [InlineData("crime.social-order.cases", "0.000001")]
    [InlineData("crime.social-order.cases", "1000000000000000")]
    [InlineData("crime.clearance-rate", "100")]
    [InlineData("crime.clearance-rate", "0.5")]
    public void Constructor_FigureAtTheEdgeOfItsRange_IsAccepted(string indicator, string value)
    {
        var figure = Figure(indicator, "2023", decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture));

        Table(figure).IsReadable(figure).ShouldBeTrue();
    }

    [Theory]
    [InlineData("crime.social-order.cases", "-0.5", "negative")]
    [InlineData("crime.social-order.cases", "0.0000001", "too small")]
    [InlineData("crime.social-order.cases", "1000000000000001", "out of range")]
    [InlineData("crime.clearance-rate", "100.0001", "above 100%")]
    [InlineData("crime.clearance-rate", "-1", "negative")]
    public void Constructor_FigureJustBeyondItsRange_ThrowsSayingWhy(string indicator, string value, string why)
    {
        var figure = Figure(indicator, "2023", decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture));

        Should.Throw<DataException>(() => Table(figure)).Message.ShouldContain(why);
    }

    [Fact]
    public void Constructor_FiguresInAnyReadOnlyList_AreCheckedAndIndexedAlike()
    {
        // Readers give lists; a dataset built in code may hold its figures in any read-only list.
        var figures = new System.Collections.ObjectModel.ReadOnlyCollection<Figure>([Figure("crime.social-order.cases", "2023", 4), Figure("crime.social-order.cases", "2022", 6)]);
        var table = new FigureTable(new Dataset { Locality = "x", Figures = figures, SourceFile = "data.json" }, Catalog);

        table.TryRead(new IndicatorId("crime.social-order.cases"), ReportingPeriod.Span(2022, 2023), null, out var read).ShouldBeTrue();
        read.Value.ShouldBe(10);
        Should.Throw<DataException>(() => new FigureTable(
            new Dataset { Locality = "x", Figures = new System.Collections.ObjectModel.ReadOnlyCollection<Figure>([Figure("crime.social-order.cases", "2023", -1)]) }, Catalog))
            .Message.ShouldContain("negative");
    }

    [Fact]
    public void Constructor_NumeratorAboveDenominator_ThrowsNamingBoth()
    {
        var error = Should.Throw<DataException>(() => Table(
            Figure("crime.cases.solved", "2023", 51),
            Figure("crime.cases.prosecuted", "2023", 50)));

        error.Message.ShouldContain("'crime.cases.solved' (51) is above its denominator 'crime.cases.prosecuted' (50)");
    }

    [Fact]
    public void Constructor_ShareAbove100_Throws()
    {
        Should.Throw<DataException>(() => Table(Figure("crime.clearance-rate", "2023", 100.5m))).Message.ShouldContain("above 100%");
    }

    [Fact]
    public void Constructor_SameFigureTwice_Throws()
    {
        Should.Throw<DataException>(() => Table(
            Figure("crime.social-order.cases", "2023", 1),
            Figure("crime.social-order.cases", "2023", 2))).Message.ShouldContain("reported twice");
    }

    [Fact]
    public void Constructor_WrongUnit_Throws()
    {
        Should.Throw<DataException>(() => Table(Figure("crime.social-order.cases", "2023", 1, unit: "người")))
            .Message.ShouldContain("counted in 'vụ'");
    }

    [Fact]
    public void UnitsFor_ExpectedAndReporting_AreUnitedInOrder()
    {
        var table = new FigureTable(
            new Dataset
            {
                Locality = "x",
                AdminUnits = ["B", "C"],
                Figures = [Figure("drugs.addicts", "2023", 1, adminUnit: "A"), Figure("drugs.addicts", "2023", 2, adminUnit: "B")],
            },
            Catalog);

        table.UnitsFor(new IndicatorId("drugs.addicts")).ShouldBe(["A", "B", "C"]);
    }
}
