using System.Text;
using Targets.Core.Data;
using Targets.Core.Errors;
using Targets.Core.Evaluation;
using Targets.Core.Indicators;
using Targets.Core.Periods;
using Targets.Rules.Engine;
using Targets.Rules.Plugins;
using Targets.Rules.Reporting;
using Targets.Rules.Serialization;
using Targets.Rules.Tests.Support;
using Targets.Tests.Shared;
using static Targets.Rules.Tests.Support.ShippedPlugins;

namespace Targets.Rules.Tests.Engine;

/// <summary>
/// Issue 10 on the shipped plugins: half-year figures add up to the year, unit figures roll up and drill down, the 2025
/// mergers compare like with like, nothing given is dropped without a word, and as-of dates are checked.
/// </summary>
public sealed class FiguresAsOfficesKeepThemTests
{
    private static Dataset Data(string locality, string asOf, params Figure[] figures) =>
        new() { Locality = locality, AsOf = DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture), Figures = figures, SourceFile = "data.json" };

    private static TargetResult Result(Assessment assessment, string id, int year) =>
        assessment.Results.Single(r => r.Target.Id.Value == id && r.Period == ReportingPeriod.Year(year));

    private static string Json(Assessment assessment, ICompiledRuleSet rules)
    {
        using var stream = new MemoryStream();
        JsonReports.WriteAssessment(stream, assessment, rules);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    [Fact]
    public void Evaluate_CamPhaDossiersGivenByHalfYear_AddsUpTo560AndExceeds550()
    {
        var assessment = QuangNinh.Value.Rules.Evaluate(Data("quang-ninh", "2023-12-31",
            F("drugs.rehab-dossiers", "2023-H1", 300), F("drugs.rehab-dossiers", "2023-H2", 260)));

        var result = Result(assessment, "quang-ninh.102-kh-ubnd.3.3", 2023);
        result.Status.ShouldBe(AssessmentStatus.Exceeded);
        result.Measurement!.Value.Value.ShouldBe(560m);
        result.Figures.Count.ShouldBe(2);
        assessment.UnusedFigures.ShouldBeEmpty();
    }

    [Fact]
    public void Evaluate_YearContradictingItsHalves_IsRefusedNamingBoth()
    {
        var error = Should.Throw<DataException>(() => QuangNinh.Value.Rules.Evaluate(Data("quang-ninh", "2023-12-31",
            F("drugs.rehab-dossiers", "2023", 550), F("drugs.rehab-dossiers", "2023-H1", 300), F("drugs.rehab-dossiers", "2023-H2", 260))));

        error.Message.ShouldContain("is given as 550, but its halves (or quarters) add up to 560");
    }

    [Fact]
    public void Evaluate_ShareGivenPerDistrict_IsRecomputedFromSummedCountsWithTheUnitsBelowTheBar()
    {
        var (_, rules) = CanTho.Value;
        var assessment = rules.Evaluate(Data("can-tho", "2021-12-31",
            F("communes.security-safe", "2021", 8, "quận Ninh Kiều"), F("communes.total", "2021", 10, "quận Ninh Kiều"),
            F("communes.security-safe", "2021", 10, "huyện Phong Điền"), F("communes.total", "2021", 40, "huyện Phong Điền")));

        var result = Result(assessment, "can-tho.20-ctr-tu.2.2.a", 2021);
        result.Measurement!.Value.Value.ShouldBe(36m);
        result.Status.ShouldBe(AssessmentStatus.NotMet);
        result.ByUnit.Select(u => (u.Unit, u.Status)).ShouldBe([("huyện Phong Điền", AssessmentStatus.NotMet), ("quận Ninh Kiều", AssessmentStatus.Met)]);
        result.UnitsBelowBar.ShouldHaveSingleItem().Unit.ShouldBe("huyện Phong Điền");

        var json = Json(assessment, rules);
        json.ShouldContain("\"byUnit\": [");
        json.ShouldContain("\"unitsBelowBar\": [\n        \"huyện Phong Điền\"\n      ]");
    }

    [Fact]
    public void Evaluate_OnlyMergedFiguresFor2025_ComparesWithTheSumOfTheMergedUnits2020Baselines()
    {
        var (_, rules) = TayNinh.Value;
        var assessment = rules.Evaluate(Data("tay-ninh", "2025-12-31",
            F("crime.theft.cases", "2020", 200), F("crime.theft.cases", "2020", 300, boundary: "long-an"),
            F("crime.theft.cases", "2025", 420, boundary: "merged")));

        var result = Result(assessment, "tay-ninh.chi-thi-4-giam.muc-tieu.3.nam-2025", 2025);
        result.Boundary.ShouldBe(ResultBoundary.Merged);
        result.Measurement!.Value.Value.ShouldBe(420m);
        result.Measurement!.Value.Baseline.ShouldBe(500m);
        result.Status.ShouldBe(AssessmentStatus.Exceeded); // (500 − 420) / 500 = 16% ≥ 10%
        result.Figures.Select(f => f.Boundary).ShouldBe(["merged", null, "long-an"]);

        var json = Json(assessment, rules);
        json.ShouldContain("\"boundary\": \"merged\"");
        json.ShouldContain("\"boundary\": \"former\"");
        json.ShouldContain("\"succession\": {");
    }

    [Fact]
    public void Evaluate_OnlyMergedFiguresWithoutTheJoinedBaseline_IsNoDataSayingWhy()
    {
        var assessment = TayNinh.Value.Rules.Evaluate(Data("tay-ninh", "2025-12-31",
            F("crime.theft.cases", "2020", 200), F("crime.theft.cases", "2025", 420, boundary: "merged")));

        var result = Result(assessment, "tay-ninh.chi-thi-4-giam.muc-tieu.3.nam-2025", 2025);
        result.Status.ShouldBe(AssessmentStatus.NoData);
        result.Note.ShouldNotBeNull().ShouldContain("so sánh cùng địa giới");
        result.Note.ShouldContain("tỉnh Long An");
    }

    [Fact]
    public void Evaluate_FormerUnitsOwn2025Figure_IsUsedAsTheDocumentsSetIt()
    {
        var result = Result(TayNinh.Value.Rules.Evaluate(Data("tay-ninh", "2025-12-31",
            F("crime.theft.cases", "2020", 200), F("crime.theft.cases", "2025", 190), F("crime.theft.cases", "2025", 420, boundary: "merged"),
            F("crime.theft.cases", "2025", 230, boundary: "long-an"))), "tay-ninh.chi-thi-4-giam.muc-tieu.3.nam-2025", 2025);

        result.Boundary.ShouldBe(ResultBoundary.AsSet);
        result.Measurement!.Value.Value.ShouldBe(190m);
        result.Status.ShouldBe(AssessmentStatus.NotMet); // 5% < 10%
    }

    [Fact]
    public void Evaluate_LevelTargetWithOnlyMergedFigures_IsNoDataNotJudgedOnTheMergedProvince()
    {
        var result = Result(TayNinh.Value.Rules.Evaluate(Data("tay-ninh", "2025-12-31",
            F("drugs.users", "2025", 9000, boundary: "merged"), F("drugs.users.with-records", "2025", 9000, boundary: "merged"))),
            "tay-ninh.chi-thi-4-giam.gach-1.a", 2025);

        result.Status.ShouldBe(AssessmentStatus.NoData);
        result.Note.ShouldNotBeNull().ShouldContain("Chỉ tiêu đặt cho tỉnh Tây Ninh (trước ngày 01/7/2025)");
    }

    [Fact]
    public void Evaluate_FiguresNoTargetReads_AreListedWithTheirReason()
    {
        var (_, rules) = QuangNinh.Value;
        var assessment = rules.Evaluate(Data("quang-ninh", "2023-12-31",
            F("drugs.rehab-dossiers", "2023", 562), F("drugs.rehab-dossiers", "2021", 400), F("drugs.crime.cases", "2023", 12),
            F("drugs.addicts", "2023-Q2", 380)));

        assessment.UnusedFigures.Select(u => (u.Figure.Indicator.Value, u.Figure.Period.ToString(), u.Reason, u.IsRefusedWhenStrict)).ShouldBe([
            ("drugs.rehab-dossiers", "2021", UnusedReason.OutsidePlan, true),
            ("drugs.crime.cases", "2023", UnusedReason.IndicatorNotRead, true),
            ("drugs.addicts", "2023-Q2", UnusedReason.IndicatorNotRead, true),
        ]);
        Json(assessment, rules).ShouldContain("\"reason\": \"indicatorNotRead\"");
    }

    [Fact]
    public void Evaluate_AsOfAfterThePlan_SaysSo()
    {
        var (plugin, rules) = QuangNinh.Value;

        var assessment = rules.Evaluate(plugin.LoadSample(), new EvaluationOptions { AsOf = new DateOnly(2025, 12, 31) });

        assessment.Notes.ShouldHaveSingleItem().ShouldContain("ở sau kỳ kế hoạch của Kế hoạch số 102/KH-UBND");
        rules.Evaluate(plugin.LoadSample()).Notes.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(23)]
    [InlineData(2101)]
    public void Evaluate_AsOfOutsideTheRange_IsRefused(int year)
    {
        var (plugin, rules) = QuangNinh.Value;

        Should.Throw<DataException>(() => rules.Evaluate(plugin.LoadSample(), new EvaluationOptions { AsOf = new DateOnly(year, 12, 31) }))
            .Message.ShouldContain("outside the years an assessment may stand at (1900 to 2100)");
    }

    [Fact]
    public void Evaluate_TasksOnlyAndNoDate_IsRefusedInsteadOfAssessingIn1970()
    {
        var data = new Dataset { Locality = "quang-ninh", Figures = [], Tasks = [new TaskReport("quang-ninh.102-kh-ubnd.pl2.1", null)], SourceFile = "tasks.json" };

        Should.Throw<DataException>(() => QuangNinh.Value.Rules.Evaluate(data)).Message.ShouldContain("nothing dates the assessment");
    }

    [Fact]
    public void ReadDataset_AsOfYear23_IsRefusedWithItsPlace()
    {
        var json = "{ \"locality\": \"quang-ninh\", \"asOf\": \"0023-12-31\", \"figures\": [ { \"indicator\": \"drugs.rehab-dossiers\", \"period\": \"2023\", \"value\": 1 } ] }";

        Should.Throw<DataException>(() => DatasetReader.Read("data.json", Encoding.UTF8.GetBytes(json)))
            .Message.ShouldBe("data.json:1:37 ($.asOf): asOf '0023-12-31' is outside the years an assessment may stand at (1900 to 2100); write the year in full, e.g. 2023");
    }

    [Fact]
    public void ReadDataset_Boundary_IsKeptOnTheFigure()
    {
        var json = "{ \"locality\": \"tay-ninh\", \"figures\": [ { \"indicator\": \"crime.theft.cases\", \"period\": \"2025\", \"value\": 1, \"boundary\": \"merged\" } ] }";

        DatasetReader.Read("data.json", Encoding.UTF8.GetBytes(json)).Figures.ShouldHaveSingleItem().Boundary.ShouldBe("merged");
    }

    [Fact]
    public void Compile_UnknownIndicator_SuggestsTheNearest()
    {
        var error = Should.Throw<RuleSetException>(() => Support.TestRules.Compile(b => b.Target("test.1", "1", "w", t => t.Indicator("crime.clearance-rat").AtLeast(75).EachYear())));

        error.Message.ShouldContain("unknown indicator 'crime.clearance-rat' (did you mean 'crime.clearance-rate'?)");
    }

    [Fact]
    public void Get_UnknownLocality_SuggestsTheNearest()
    {
        var registry = new LocalityRegistry([QuangNinh.Value.Plugin, CanTho.Value.Plugin], new NRulesRuleEngine());

        Should.Throw<RuleSetException>(() => registry.Get("can-th")).Message.ShouldBe("unknown locality 'can-th' (did you mean 'can-tho'?) (known: can-tho, quang-ninh)");
    }

    [Fact]
    public void Manifest_MergedLocalities_DeclareTheirSuccession()
    {
        TayNinh.Value.Plugin.Locality.Succession.ShouldNotBeNull().Joined.ShouldHaveSingleItem().Name.ShouldBe("tỉnh Long An");
        CanTho.Value.Plugin.Locality.Succession!.Joined.Select(j => j.Code).ShouldBe(["soc-trang", "hau-giang"]);
        CanTho.Value.Plugin.Locality.Succession!.Date.ShouldBe(new DateOnly(2025, 7, 1));
        QuangNinh.Value.Plugin.Locality.Succession.ShouldBeNull();
    }
}
