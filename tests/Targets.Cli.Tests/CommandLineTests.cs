using System.Globalization;
using System.Text.Json;
using static Targets.Cli.Tests.CommandLineRun;
using Targets.Tests.Shared;

namespace Targets.Cli.Tests;

public sealed class CommandLineTests
{
    private static string Input(string name) => Path.Combine(AppContext.BaseDirectory, "Inputs", name);

    [Fact]
    public void Assess_NoArguments_PrintsTheCanThoSampleAssessment()
    {
        var (exit, output, error) = Run("assess");

        exit.ShouldBe(0);
        error.ShouldBeEmpty();
        output.ShouldStartWith("KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU — THÀNH PHỐ CẦN THƠ");
        output.ShouldContain("Trong tổng số 16 chỉ tiêu (gồm 36 chỉ tiêu thành phần)");
    }

    [Fact]
    public void List_MarkdownFormat_IsTheReadmesTargetTables()
    {
        // The README's tables of targets are this listing, written from the rule sets, not edited by hand.
        var (exit, output, error) = Run("list", "--format", "md");

        exit.ShouldBe(0);
        error.ShouldBeEmpty();
        GeneratedDocument.PartMatches(Path.Combine(Golden.RepositoryRoot(), "README.md"), "localities", output);
    }

    [Theory]
    [InlineData("quang-ninh", "THÀNH PHỐ CẨM PHẢ")]
    [InlineData("tay-ninh", "TỈNH TÂY NINH")]
    [InlineData("hai-phong", "THÀNH PHỐ HẢI PHÒNG")]
    public void Assess_EachLocality_PrintsItsReport(string locality, string heading)
    {
        var (exit, output, _) = Run("assess", "--locality", locality);

        exit.ShouldBe(0);
        output.ShouldContain(heading);
    }

    [Fact]
    public void Assess_JsonFormat_HasTheDocumentedShape()
    {
        var (exit, output, _) = Run("assess", "--format", "json");

        exit.ShouldBe(0);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        root.GetProperty("locality").GetString().ShouldBe("can-tho");
        root.GetProperty("asOf").GetString().ShouldBe("2023-12-31");
        var first = root.GetProperty("results")[0];
        foreach (var property in new[] { "targetId", "document", "clause", "wording", "status", "value", "requirement", "explanation", "period", "figures" })
        {
            first.TryGetProperty(property, out _).ShouldBeTrue($"results[0] has no '{property}'");
        }

        first.GetProperty("status").GetString().ShouldBeOneOf("met", "exceeded", "notMet", "onTrack", "atRisk", "noData");
        root.GetProperty("summary").GetProperty("targets").GetInt32().ShouldBe(39);
    }

    [Fact]
    public void Assess_YearOption_AssessesAsOfThatYear()
    {
        var (exit, output, _) = Run("assess", "--year", "2022", "--format", "json");

        exit.ShouldBe(0);
        using var json = JsonDocument.Parse(output);
        json.RootElement.GetProperty("asOf").GetString().ShouldBe("2022-12-31");
        json.RootElement.GetProperty("results").EnumerateArray().ShouldAllBe(r => !r.GetProperty("period").GetString()!.Contains("2023"));
    }

    [Fact]
    public void Assess_OutputOption_WritesTheFileAndPrintsNothing()
    {
        var file = Path.Combine(Path.GetTempPath(), $"targets-{Guid.NewGuid():N}.md");
        try
        {
            var (exit, output, _) = Run("assess", "--format", "md", "--output", file);

            exit.ShouldBe(0);
            output.ShouldBeEmpty();
            File.ReadAllText(file).ShouldStartWith("# KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void List_JsonFormat_ListsFourLocalitiesWithTargetsAndIndicators()
    {
        var (exit, output, _) = Run("list", "--format", "json");

        exit.ShouldBe(0);
        using var json = JsonDocument.Parse(output);
        var plugins = json.RootElement.GetProperty("plugins").EnumerateArray().ToList();
        plugins.Select(p => p.GetProperty("code").GetString()).ShouldBe(["can-tho", "hai-phong", "quang-ninh", "tay-ninh"]);
        foreach (var target in plugins.SelectMany(p => p.GetProperty("documents").EnumerateArray()).SelectMany(d => d.GetProperty("targets").EnumerateArray()))
        {
            target.GetProperty("clause").GetString().ShouldNotBeNullOrWhiteSpace();
            target.GetProperty("requirement").GetString().ShouldNotBeNullOrWhiteSpace();
            target.GetProperty("indicators").GetArrayLength().ShouldBeGreaterThanOrEqualTo(target.GetProperty("kind").GetString() == "composite" ? 0 : 1);
        }
    }

    [Fact]
    public void List_OneLocality_ListsOnlyIt()
    {
        var (exit, output, _) = Run("list", "--locality", "hai-phong");

        exit.ShouldBe(0);
        output.ShouldStartWith("hai-phong: Hải Phòng");
        output.ShouldNotContain("can-tho:");
    }

    [Fact]
    public void Assess_MissingDataFile_FailsNamingIt()
    {
        ShouldFailCleanly(Run("assess", "--data", "no/such/file.json"), "no/such/file.json", "does not exist");
    }

    [Fact]
    public void Assess_MalformedJson_FailsWithItsLine()
    {
        ShouldFailCleanly(Run("assess", "--data", Input("malformed.json")), "malformed.json:5:", "malformed JSON");
    }

    [Fact]
    public void Assess_UnknownIndicator_FailsNamingItAndItsLine()
    {
        ShouldFailCleanly(Run("assess", "--data", Input("unknown-indicator.json")), "unknown-indicator.json:5:", "unknown indicator 'crime.made-up.cases'");
    }

    [Fact]
    public void Assess_NegativeCount_Fails()
    {
        ShouldFailCleanly(Run("assess", "--data", Input("negative-count.json")), "negative-count.json:4:", "negative");
    }

    [Fact]
    public void Assess_NumeratorAboveDenominator_Fails()
    {
        ShouldFailCleanly(Run("assess", "--data", Input("numerator-above-denominator.json")), "numerator-above-denominator.json:5:", "above its denominator");
    }

    [Fact]
    public void Assess_RuleThatDoesNotCompile_FailsNamingPluginFileAndRule()
    {
        ShouldFailCleanly(
            Run("assess", "--locality", "broken", "--plugin-folder", Input("broken-rule-plugin")),
            "plugin 'broken'", "broken.rules.json", "rule 'broken.kh.1'", "does not compile");
    }

    [Fact]
    public void Assess_UnknownLocality_FailsListingTheKnownOnes()
    {
        ShouldFailCleanly(Run("assess", "--locality", "atlantis"), "unknown locality 'atlantis'", "can-tho");
    }

    [Fact]
    public void Assess_UnknownFormat_FailsWithExitTwo()
    {
        var (exit, _, error) = Run("assess", "--format", "pdf");

        exit.ShouldBe(2);
        error.ShouldContain("pdf");
    }

    [Theory]
    [InlineData("en-US")]
    [InlineData("tr-TR")]
    [InlineData("vi-VN")]
    public void Assess_UnderAnyCulture_PrintsTheSameBytes(string culture)
    {
        var reference = Run("assess").Out + Run("assess", "--format", "json").Out;
        var saved = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            (Run("assess").Out + Run("assess", "--format", "json").Out).ShouldBe(reference);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = saved;
        }
    }
}
