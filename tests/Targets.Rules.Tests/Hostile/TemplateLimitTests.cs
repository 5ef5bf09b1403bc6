using Targets.Core.Errors;
using Targets.Core.Periods;
using Targets.Rules.Narratives;
using Targets.Rules.Narratives.Rendering;
using Targets.Rules.Plugins;
using Targets.Rules.Tests.Support;

namespace Targets.Rules.Tests.Hostile;

/// <summary>
/// A plugin's templates cannot hang, exhaust or escape the renderer: loops, recursion, evaluation steps, time, strings and
/// output are bounded and reaching a bound is a <see cref="TemplateException"/>; an include reaches only the plugin's
/// templates and the defaults, by bare name. The renderer's clock is injected: stopped, so that only the counted limits can
/// stop a template, or stepping, so that the time limit is reached after a known number of steps. No test reads the time.
/// </summary>
public sealed class TemplateLimitTests
{
    private const string Origin = "plugins/evil/templates/t.scriban";

    [Fact]
    public void RenderTemplate_WhileTrue_IsStoppedByTheLoopLimit() =>
        Fails("{{ while true }}x{{ end }}").ShouldContain("Exceeding number of iteration limit `10000`");

    [Fact]
    public void RenderTemplate_WhileTrueDoingNothing_IsStoppedByTheLoopLimit() =>
        Fails("{{ while true }}{{ end }}").ShouldContain("iteration limit");

    [Fact]
    public void RenderTemplate_NestedLoops_ShareOneBudget() =>
        Fails("{{ for a in 1..10000 }}{{ for b in 1..10000 }}{{ for c in 1..10000 }}{{ end }}{{ end }}{{ end }}").ShouldContain("iteration limit");

    [Fact]
    public void RenderTemplate_FunctionCallingItself_IsStoppedByTheRecursionLimit() =>
        Fails("{{ func f; f; end; f }}").ShouldContain("Exceeding number of recursive depth limit `32`");

    [Fact]
    public void RenderTemplate_FunctionRecursingWithAnArgument_IsStoppedByTheRecursionLimit() =>
        Fails("{{ func f(n); ret f(n + 1); end; f(0) }}").ShouldContain("recursive depth limit");

    [Fact]
    public void RenderTemplate_TemplateIncludingItself_IsStoppedByTheRecursionLimit() =>
        Fails("{{ include 't' }}").ShouldContain("recursive depth limit");

    [Fact]
    public void RenderTemplate_TwoTemplatesIncludingEachOther_AreStoppedByTheRecursionLimit() =>
        Fails("{{ include 'u' }}", ("u", "{{ include 't' }}")).ShouldContain("recursive depth limit");

    [Fact]
    public void RenderTemplate_FunctionsDoublingTheirCalls_AreStoppedByTheStepBudget()
    {
        // Thirty functions each calling the one before twice: 2^30 calls, no loop, never deeper than 31. No Scriban limit
        // caught it; the render ran for a quarter of an hour. The renderer's step budget stops it; the clock is stopped, so
        // the time limit cannot fire first however loaded the machine (it did, and failed this test).
        var text = "{{ func f0; 'x'; end; " + string.Concat(Enumerable.Range(1, 30).Select(i => $"func f{i}; f{i - 1}; f{i - 1}; end; ")) + "f30 }}";

        Fails(text).ShouldContain("the report exceeds 2000000 evaluation steps");
    }

    [Fact]
    public void RenderTemplate_StringRebuiltInALoop_IsStoppedByTheTimeLimit()
    {
        // Each step copies a string of up to 4 MB: 10,000 steps are within the loop limit and take minutes. The clock stops
        // it: here a clock that moves 100 ms each time it is read, so the 5 s limit falls on the 50th reading (the budget
        // reads the clock every 64 steps).
        var renderer = new NarrativeRenderer(new SteppingClock(TimeSpan.FromMilliseconds(100)));

        Fails(renderer, "{{ s = ''; for i in 1..10000; s = s + ('x' | string.pad_left 400); end; s | string.size }}").ShouldContain("the report takes longer than 5 s to render");
    }

    [Fact]
    public void RenderTemplate_ClockBarelyMoving_FinishesWithinTheTimeLimit()
    {
        // The same clock with a step far below the limit: an ordinary template is not cut short.
        var renderer = new NarrativeRenderer(new SteppingClock(TimeSpan.FromTicks(1)));

        renderer.RenderTemplate("t", new { }, Templates("{{ for i in 1..100 }}{{ i }}{{ end }}")).ShouldEndWith("99100");
    }

    [Fact]
    public void RenderTemplate_OutputBeyondTheLimit_IsAnErrorNotATruncatedReport() =>
        Fails("{{ for i in 1..10000 }}{{ 'x' | string.pad_left 1000 }}{{ end }}").ShouldContain("Rendered output exceeds OutputLimit");

    [Fact]
    public void RenderTemplate_HugeStringFromPadding_IsRefused() =>
        Fails("{{ '' | string.pad_left 1000000000 }}").ShouldContain("exceeds the configured LimitToString");

    [Fact]
    public void RenderTemplate_HugeStringFromMultiplication_IsRefused() =>
        Fails("{{ 'a' * 1000000000 }}").ShouldContain("LimitToString");

    [Fact]
    public void RenderTemplate_HugeNumberFormat_IsRefused() =>
        Fails("{{ 1 | math.format 'D99999999' }}").ShouldContain("LimitToString");

    [Fact]
    public void RenderTemplate_CatastrophicRegexInALoop_IsStoppedAtItsFirstTimeout() =>
        // .NET's own regular-expression timeout (1 s a match) ends the render at the first match that reaches it.
        Fails("{{ for i in 1..1000; 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!' | regex.match '^(a+)+$'; end }}").ShouldContain("timed out");

    [Fact]
    public void RenderTemplate_ObjectThatHoldsItself_IsRefused() =>
        Fails("{{ x = {}; x.y = x; x }}").ShouldContain("reference loops");

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("/etc/passwd")]
    [InlineData("C:/Windows/win.ini")]
    [InlineData("templates/report")]
    [InlineData("file:///etc/passwd")]
    [InlineData("REPORT")]
    public void RenderTemplate_IncludeReachingOutsideThePlugin_IsRefused(string path) =>
        Fails($"{{{{ include '{path}' }}}}").ShouldContain($"include '{path}' is refused: a template includes others of its plugin by bare name only");

    [Fact]
    public void RenderTemplate_IncludeOfNoName_IsRefused() =>
        Fails("{{ include '' }}").ShouldContain("Include template name cannot be null or empty");

    [Fact]
    public void RenderTemplate_IncludeOfAPathInAVariable_IsRefused() =>
        Fails("{{ p = '/etc' + '/passwd'; include p }}").ShouldContain("include '/etc/passwd' is refused");

    [Fact]
    public void RenderTemplate_IncludeOfATemplateThePluginLacks_IsRefused() =>
        Fails("{{ include 'secrets' }}").ShouldContain("include 'secrets' is refused: the plugin has no such template");

    [Fact]
    public void RenderTemplate_IncludeThroughEvalTemplate_IsRefused() =>
        Fails("{{ object.eval_template \"{{ include '/etc/passwd' }}\" }}").ShouldContain("include '/etc/passwd' is refused");

    [Fact]
    public void RenderTemplate_IncludeOfASiblingByBareName_IsAllowed()
    {
        var text = Renderer().RenderTemplate("t", new { }, Templates("A{{ include 'footer' }}", ("footer", "B")));

        text.ShouldBe("AB");
    }

    [Fact]
    public void Render_PluginTemplateThatLoopsForever_FailsTheReportWithATemplateError()
    {
        // The limits hold on the real path too: a plugin overriding a default template with a loop fails the report.
        var rules = HostilePlan.Compile();
        var assessment = rules.Evaluate(new Core.Data.Dataset
        {
            Locality = HostilePlan.Locality.Code,
            Figures = [new(new("crime.cases.prosecuted"), ReportingPeriod.Year(2023), 10), new(new("crime.cases.solved"), ReportingPeriod.Year(2023), 9)],
        });
        var templates = new Dictionary<string, TemplateText> { ["target-level"] = new("{{ while true }}{{ end }}", Origin) };

        var error = Should.Throw<TemplateException>(() => Renderer().Render(assessment, rules, templates));

        error.Message.ShouldContain(Origin);
        error.Message.ShouldContain("template 'target-level' failed");
    }

    [Fact]
    public void RenderTemplate_AfterATemplateFailed_TheRendererStillWorks()
    {
        var renderer = Renderer();
        Should.Throw<TemplateException>(() => renderer.RenderTemplate("t", new { }, Templates("{{ while true }}{{ end }}")));

        renderer.RenderTemplate("t", new { }, Templates("{{ 1 + 1 }}")).ShouldBe("2");
    }

    [Fact]
    public void Render_ManyTemplatesEachWithinTheBudget_ShareOneBudgetForTheReport()
    {
        // Forty slow templates used to run for 93 s: each had its own budget. A report has one. Every template here is the
        // same loop, which fits the 1,000-step budget alone; the report includes it more than twice, so it cannot.
        var rules = HostilePlan.Compile();
        var assessment = rules.Evaluate(new Core.Data.Dataset
        {
            Locality = HostilePlan.Locality.Code,
            Figures = [new Core.Data.Figure(new Core.Indicators.IndicatorId(HostilePlan.Counts[0].Indicator), Core.Periods.ReportingPeriod.Year(2023), 1)],
        });
        var templates = NarrativeRenderer.DefaultTemplateNames.ToDictionary(name => name, name => new TemplateText("{{ for i in 1..200 }}{{ end }}", $"{name}.scriban"));
        templates["report"] = new TemplateText(
            string.Concat(NarrativeRenderer.DefaultTemplateNames.Where(name => name != "report").Select(name => $"{{{{ include '{name}' }}}}")), "report.scriban");
        var renderer = new NarrativeRenderer(SteppingClock.Stopped, new RenderLimits(1_000, TimeSpan.FromSeconds(5)));
        renderer.RenderTemplate("summary", new { }, templates).ShouldBeEmpty();
        renderer.RenderTemplate("summary", new { }, templates).ShouldBeEmpty();

        var error = Should.Throw<TemplateException>(() => renderer.Render(assessment, rules, templates));

        error.Message.ShouldContain("the report exceeds 1000 evaluation steps");
    }

    /// <summary>A renderer whose clock is stopped: only the counted limits can end a template.</summary>
    private static NarrativeRenderer Renderer() => new(SteppingClock.Stopped);

    /// <summary>Renders template <c>t</c> and returns the message of the <see cref="TemplateException"/> it must fail with.</summary>
    private static string Fails(string text, params (string Name, string Text)[] others) => Fails(Renderer(), text, others);

    private static string Fails(NarrativeRenderer renderer, string text, params (string Name, string Text)[] others)
    {
        var error = Should.Throw<TemplateException>(() => renderer.RenderTemplate("t", new { }, Templates(text, others)));

        error.Message.ShouldContain("template 't' failed");
        error.Location.ShouldNotBeNull().File.ShouldBe(Origin);
        return error.Message;
    }

    private static Dictionary<string, TemplateText> Templates(string text, params (string Name, string Text)[] others)
    {
        var templates = new Dictionary<string, TemplateText> { ["t"] = new(text, Origin) };
        foreach (var (name, other) in others)
        {
            templates[name] = new(other, $"plugins/evil/templates/{name}.scriban");
        }

        return templates;
    }
}
