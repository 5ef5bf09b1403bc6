using Targets.Core.Errors;
using Targets.Core.Evaluation;
using Targets.Rules.Narratives;
using Targets.Rules.Plugins;
using Targets.Rules.Tests.Support;

namespace Targets.Rules.Tests.Narratives;

public sealed class NarrativeRendererTests
{
    private static (Assessment Assessment, Targets.Rules.Engine.ICompiledRuleSet Rules) Sample()
    {
        var rules = TestRules.Compile(b => b.Target("test.plan.1", "II.1", "“từ 75% trở lên”", t => t.Indicator("crime.clearance-rate").AtLeast(75).InYear(2023)));
        return (rules.Evaluate(TestRules.Data(("crime.cases.solved", "2023", 34), ("crime.cases.prosecuted", "2023", 50))), rules);
    }

    private static string Render(Dictionary<string, TemplateText> templates, NarrativeFormat format = NarrativeFormat.Text)
    {
        var (assessment, rules) = Sample();
        return new NarrativeRenderer().Render(assessment, rules, templates, format);
    }

    [Fact]
    public void RenderTemplate_TwiceOnOneThreadWithTheSameTemplates_NothingOfTheFirstReachesTheSecond()
    {
        // One Scriban context serves report after report on a thread: a variable a template sets, or a model's value,
        // must not carry over to the next report.
        var renderer = new NarrativeRenderer();
        var templates = new Dictionary<string, TemplateText>
        {
            ["set"] = new("{{ leaked = name }}{{ name }}", "plugins/x/templates/set.scriban"),
            ["get"] = new("{{ leaked }}", "plugins/x/templates/get.scriban"),
        };

        renderer.RenderTemplate("set", new { Name = "một" }, templates).ShouldBe("một");
        Should.Throw<TemplateException>(() => renderer.RenderTemplate("get", new { Name = "hai" }, templates))
            .Message.ShouldContain("`leaked` was not found");
        renderer.RenderTemplate("set", new { Name = "hai" }, templates).ShouldBe("hai");
    }

    [Fact]
    public void RenderTemplate_MisspeltMember_ErrorNamingTheTemplateAndMember()
    {
        // A misspelt member printed as nothing would put a hole in a filed report with no one told.
        var templates = new Dictionary<string, TemplateText>
        {
            ["line"] = new("{{ r.value_txt }}", "plugins/x/templates/line.scriban"),
        };

        var error = Should.Throw<TemplateException>(() => new NarrativeRenderer().RenderTemplate("line", new { R = new { ValueText = "34/50 vụ" } }, templates));

        error.Message.ShouldContain("plugins/x/templates/line.scriban");
        error.Message.ShouldContain("value_txt");
    }

    [Fact]
    public void Render_PluginOverrideWithMisspeltMember_ErrorNotAnEmptyValue()
    {
        // The same inside a report, where a plugin's override is rendered in place of a default template.
        Should.Throw<TemplateException>(() => Render(new() { ["result-line"] = new("DÒNG RIÊNG {{ r.value_txt }}", "plugins/x/templates/result-line.scriban") }))
            .Message.ShouldContain("value_txt");
    }

    [Fact]
    public void RenderTemplate_ListWorkedOutWhenRead_TemplateSeesItsSizeAndItems()
    {
        // The report's lists worked out when read (figures, the results table) are lists to a template like any other.
        var templates = new Dictionary<string, TemplateText>
        {
            ["sizes"] = new("{{ items.size }}: {{ items[1] }}{{ for i in items }} {{ i }}{{ end }}", "plugins/x/templates/sizes.scriban"),
        };

        new NarrativeRenderer().RenderTemplate("sizes", new { Items = new DeferredList<string>(() => ["một", "hai"]) }, templates)
            .ShouldBe("2: hai một hai");
    }

    [Fact]
    public void Render_PluginOverridesResultLine_ItsLineIsPrinted()
    {
        var text = Render(new() { ["result-line"] = new("DÒNG RIÊNG {{ r.value_text }}", "plugins/x/templates/result-line.scriban") });

        text.ShouldContain("DÒNG RIÊNG 34/50 vụ, bằng 68,0%");
    }

    [Fact]
    public void Render_PluginOverridesResultBody_TheLinesAndTheTableBothUseIt()
    {
        var markdown = Render(new() { ["result-body"] = new("KẾT QUẢ RIÊNG", "plugins/x/templates/result-body.scriban") }, NarrativeFormat.Markdown);

        markdown.ShouldContain("- KẾT QUẢ RIÊNG — **không đạt** (còn thiếu 4 vụ).");
        markdown.ShouldContain("| II.1 | từ 75% trở lên, năm 2023 | KẾT QUẢ RIÊNG | không đạt (còn thiếu 4 vụ) |");
    }

    [Fact]
    public void Render_DefaultTemplates_OneLinePerYearWithFigureRequirementAndVerdict()
    {
        var text = Render([]);

        text.ShouldContain("II.1: ““từ 75% trở lên”” — từ 75% trở lên, năm 2023.\nNăm 2023: 34/50 vụ, bằng 68,0% — không đạt (còn thiếu 4 vụ).");
        text.ShouldNotContain("Cách hiểu áp dụng");
    }
}
