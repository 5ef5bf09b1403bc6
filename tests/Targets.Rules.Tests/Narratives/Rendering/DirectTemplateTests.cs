using Scriban.Syntax;
using Targets.Core.Errors;
using Targets.Rules.Narratives;
using Targets.Rules.Narratives.Rendering;
using Targets.Rules.Narratives.Writing;
using Targets.Rules.Plugins;
using Targets.Rules.Reporting;
using Targets.Rules.Tests.Narratives.Writing;
using Targets.Rules.Tests.Support;
using Targets.Tests.Shared;

namespace Targets.Rules.Tests.Narratives.Rendering;

/// <summary>
/// A plugin's template that only reads and writes is rendered directly (<see cref="Targets.Rules.Narratives.Rendering.Direct.DirectTemplate"/>)
/// rather than by Scriban's interpreter. Held here against Scriban rendering the same template at the same place: the same
/// text, the same steps of the report's budget, the same failures; and what it does not render itself, Scriban renders.
/// </summary>
public sealed class DirectTemplateTests
{
    private const string Name = "result-body";

    private static readonly RenderLimits Limits = RenderLimits.Default;

    /// <summary>Renders directly where it can.</summary>
    private static readonly NarrativeRenderer Direct = new(SteppingClock.Stopped, Limits);

    /// <summary>Renders every template through Scriban: an observer is to see every node Scriban evaluates.</summary>
    private static readonly NarrativeRenderer Scriban = new(SteppingClock.Stopped, Limits, NarrativeRenderer.RenderPath.Native, _ => { });

    public static TheoryData<string> Localities() => SampleReports.EachLocality();

    [Theory]
    [MemberData(nameof(Localities))]
    public void Render_TayNinhsResultBodyOverEveryResultOfEveryReport_IsScribansTextAndSteps(string locality)
    {
        // Tây Ninh's own override, over every plugin's corpus: every kind of result, with and without a change, a
        // projection, units and components.
        var templates = Templates(File.ReadAllText(Path.Combine(Golden.RepositoryRoot(), "plugins/TayNinh/templates/result-body.scriban")));

        var compared = AllSame(templates, ReportCorpus.Of(locality).Reports.Select(c => c.Report), Scopes);

        compared.ShouldBeGreaterThan(100);
    }

    public static TheoryData<string> DirectDefaults() => ["result-body", "result-line", "target-heading", "target-footer"];

    [Theory]
    [MemberData(nameof(DirectDefaults))]
    public void Render_ADefaultTemplateThatOnlyReadsAsAnOverride_IsScribansTextAndSteps(string name)
    {
        var templates = new Dictionary<string, TemplateText> { [name] = new(DefaultTemplate(name), $"plugins/x/templates/{name}.scriban") };
        Direct.SessionFor(templates).Direct[name].ShouldNotBeNull();

        var reports = SampleReports.Localities.SelectMany(l => ReportCorpus.Of(l).Reports.Take(12).Select(c => c.Report))
            .Append(SampleReports.Hostile());
        AllSame(templates, reports, Scopes, name);
    }

    [Theory]
    // Literals, globals, members, ?. on null.
    [InlineData("{{ 1 }}|{{ 1.5 }}|{{ 'a' }}|{{ true }}|{{ null }}|{{ md }}|{{ r.year }}|{{ r.value }}|{{ r.is_final }}|{{ r.units }}|")]
    [InlineData("{{ d?.title }}|{{ r?.period_text }}|{{ header.as_of_text }}|{{ summary.items.total }}|{{ t.lead.size }}|{{ r.figures.size }}")]
    // Comparisons of every kind of value, as text, as numbers, with null; && and || (the right side only when needed).
    [InlineData("{{ r.value_text == '' }}{{ r.value_text != '' }}{{ r.value_text < 'm' }}{{ r.change == 0 }}{{ r.change < 0 }}{{ r.change != null }}{{ r.baseline >= 100 }}")]
    [InlineData("{{ r.value == null && r.value_text == '' }}{{ r.value != null || r.missing_text != '' }}{{ r.units.size == 0 && r.components.size > 0 }}{{ r.year > 2022 || r.year }}")]
    [InlineData("{{ r.year == 2023 }}{{ r.year != 2023 }}{{ r.year < 2023 }}{{ r.year <= 2023 }}{{ r.year > 2022 }}{{ r.year >= 2024 }}{{ 2023 == r.year }}{{ r.units_met > r.units.size }}")]
    [InlineData("{{ r.change > 0 }}{{ r.change <= 0 }}{{ r.change >= 0 }}{{ 0 < r.change }}{{ 0 == r.change }}{{ r.value >= r.baseline }}{{ r.value != r.requirement_value }}{{ r.margin < 0.5 }}{{ 1.5 > r.change }}")]
    [InlineData("{{ null < 1 }}{{ null == null }}{{ null >= null }}{{ null != null }}{{ r.change == null }}{{ null != r.change }}{{ empty == null }}{{ null == 'x' }}{{ 'x' != null }}{{ r.done_in_year > null }}{{ null <= r.value }}")]
    [InlineData("{{ 'a' < 'b' }}{{ r.period_text >= 'n' }}{{ r.status_code > r.status_text }}{{ true == 1 }}{{ r.is_final == true }}{{ t.is_alternative != false }}{{ r.status == 0 }}{{ 1.5 == 1.5 }}{{ 2 == 2.0 }}")]
    [InlineData("{{ 'a' == 'A' }}{{ 'a' != 'A' }}{{ r.status_code == 'MET' }}{{ r.status_code != 'Met' }}{{ r.period_text == r.period_text }}{{ '' == null }}{{ null != '' }}")]
    [InlineData("{{ r.status_code == 'met' }}{{ r.status }}{{ r.status == 'met' }}{{ 1 == 1.0 }}{{ 'a' + r.period_text }}{{ r.year + 1 }}{{ r.year * 2 }}{{ r.year / 3 }}{{ r.year % 7 }}")]
    [InlineData("{{ r.change ?? 'không' }}{{ r.relative_change ?? 0 }}{{ r.done_in_year ?? r.year }}{{ !r.is_final }}{{ -r.year }}{{ +r.year }}{{ !(r.value == null) }}{{ -(r.change ?? 0) }}")]
    // Functions: vi and the built-ins, with optional parameters left out, nested calls, converted arguments.
    [InlineData("{{ vi.upper_first r.period_text }}: {{ vi.number (math.abs (r.change ?? 0)) 1 }} ({{ vi.percent (r.relative_change ?? 0) 1 true }}); {{ vi.lower_first r.status_text }}; {{ vi.upper r.status_code }}")]
    [InlineData("{{ string.truncate r.sentence 20 }}|{{ string.upcase r.status_text }}|{{ math.round (r.value ?? 0) }}|{{ math.format (r.value ?? 0) '0.00' }}|{{ array.size r.figures }}|{{ string.size r.body }}|{{ html.escape r.body }}")]
    [InlineData("{{ string.replace r.body ',' ';' }}|{{ string.contains r.body 'vụ' }}|{{ array.join r.units_short ', ' }}|{{ object.default r.value_text '—' }}|{{ math.plus r.year 1 }}|{{ string.to_int '12' }}|{{ string.slice1 r.period_text 1 }}|{{ string.replace_first r.period_text 'm' 'M' }}")]
    // if / else if / else, nested, with blocks that write and blocks that do not.
    [InlineData("{{ if r.value_text != '' }}[{{ r.value_text }}]{{ else if r.missing_text != '' }}<{{ r.missing_text }}>{{ else }}-{{ end }}{{ if r.change != null }}{{ if r.change < 0 }}giảm{{ else }}tăng{{ end }}{{ end }}")]
    [InlineData("  {{ if r.is_final }}\n    {{ r.status_text }}\n  {{ end }}\n{{- r.period_text -}}\n   {{ r.year }}")]
    public void Render_ATemplateThatOnlyReads_IsRenderedDirectlyToScribansTextAndSteps(string text)
    {
        var templates = Templates(text);
        Direct.SessionFor(templates).Direct[Name].ShouldNotBeNull("the template only reads and writes");

        AllSame(templates, SampleReports.Localities.Select(ReportCorpus.Of).SelectMany(l => l.Reports.Take(6).Select(c => c.Report)).Append(SampleReports.Hostile()), Scopes);

        Direct.SessionFor(templates).Direct[Name]!.IsUsable.ShouldBeTrue("nothing made it give the template up to Scriban");
    }

    [Theory]
    [InlineData("{{ x = 1 }}{{ x }}")]
    [InlineData("{{ for u in r.units }}{{ u.unit }}{{ end }}")]
    [InlineData("{{ r.period_text | string.upcase }}")]
    [InlineData("{{ $0 }}")]
    [InlineData("{{ capture c }}x{{ end }}{{ c }}")]
    [InlineData("{{ func f(v); ret v; end }}{{ f 1 }}")]
    [InlineData("{{ string.truncate text: r.body length: 5 }}")]
    [InlineData("{{ d.clauses[0].clause }}")]
    public void TryCreate_ATemplateThatAssignsLoopsPipesOrNamesArguments_IsLeftToScriban(string text)
    {
        var templates = Templates(text);

        Direct.SessionFor(templates).Direct[Name].ShouldBeNull();
        AllSame(templates, [SampleReports.For("can-tho")], Scopes);
    }

    [Theory]
    // include, and a function called with a template's own choice of function: left to Scriban, which renders them.
    [InlineData("{{ r.period_text }}: {{ include 'target-footer' }}.")]
    [InlineData("{{ r.period_text }}: {{ include (r.is_final ? 'target-footer' : 'target-footer') }}{{ date.format }}{{ empty }}")]
    public void Render_WhatADirectTemplateDoesNotCall_IsRenderedByScribanToTheSameText(string text)
    {
        var templates = Templates(text);
        templates["target-footer"] = new("[{{ t.label }}]", "plugins/x/templates/target-footer.scriban");

        AllSame(templates, [SampleReports.For("tay-ninh"), SampleReports.For("can-tho")], Scopes);
    }

    [Fact]
    public void Render_AFunctionAnotherTemplateDefinedEarlierInTheReport_IsCalledByScribanAndTheTemplateLeftToIt()
    {
        // target-heading (rendered by Scriban: it defines a function) comes before the result lines of its target; the
        // direct result-body then finds a function of the template's own making, which only Scriban calls.
        var templates = Templates("{{ shout r.period_text }}");
        templates["target-heading"] = new("{{ func shout(text); ret text | string.upcase; end }}{{ t.label }}", "plugins/x/templates/target-heading.scriban");
        var report = SampleReports.For("hai-phong");

        var direct = Direct.Render(report, templates);

        direct.ShouldBe(Scriban.Render(report, templates));
        direct.ShouldContain(report.Documents[0].Clauses[0].Targets[0].Years[0].PeriodText.ToUpperInvariant());
        Direct.SessionFor(templates).Direct[Name]!.IsUsable.ShouldBeFalse();
    }

    [Theory]
    [InlineData("{{ r.period_text }}{{ no_such_variable }}")]
    [InlineData("{{ r.period_text }}{{ no_such_variable.member }}")]
    [InlineData("{{ r.value_text }}{{ d.title }}{{ figures.size }}")]
    [InlineData("{{ r.period_text }}{{ r.no_such_member.size }}")]
    [InlineData("{{ r.period_text }}{{ r.no_such_member }}")]
    [InlineData("{{ vi.upper }}")]
    [InlineData("{{ vi.number r.period_text 1 }}")]
    [InlineData("{{ vi.number 1 }}")]
    [InlineData("{{ math.abs }}")]
    [InlineData("{{ no_such_function 1 }}")]
    [InlineData("{{ r.period_text - 1 }}")]
    [InlineData("{{ string.to_int r 1 }}")]
    public void Render_ATemplateThatFails_FailsAsUnderScribanNamingTheTemplate(string text)
    {
        var templates = Templates(text);
        var report = SampleReports.For("can-tho");

        var direct = Should.Throw<TemplateException>(() => Direct.Render(report, templates));
        var scriban = Should.Throw<TemplateException>(() => Scriban.Render(report, templates));

        direct.Message.ShouldBe(scriban.Message);
        direct.Message.ShouldContain($"template '{Name}' failed: ");
        direct.Location.ShouldBe(scriban.Location);
    }

    [Fact]
    public void Render_ATextLongerThanScribansLimitComparedAsText_FailsAsUnderScriban()
    {
        // Scriban compares strings as their text, which it refuses past its limit on a string (four million characters).
        var templates = Templates("{{ if r.value_text != '' }}có{{ end }}");
        var report = SampleReports.For("can-tho");
        var first = report.Documents[0].Clauses[0].Targets[0];
        var huge = report with
        {
            Documents = [report.Documents[0] with
            {
                Clauses = [report.Documents[0].Clauses[0] with { Targets = [first with { Years = [first.Years[0] with { ValueText = new string('x', 5_000_000) }] }] }],
            }],
        };

        var direct = Should.Throw<TemplateException>(() => Direct.Render(huge, templates));
        var scriban = Should.Throw<TemplateException>(() => Scriban.Render(huge, templates));

        direct.Message.ShouldBe(scriban.Message);
        direct.Message.ShouldContain("LimitToString");
    }

    [Fact]
    public void Render_WithTheStepsTheReportTakesUnderScriban_SucceedsAndWithOneLessFailsAsUnderScriban()
    {
        var templates = Templates(File.ReadAllText(Path.Combine(Golden.RepositoryRoot(), "plugins/TayNinh/templates/result-body.scriban")));
        var report = SampleReports.For("tay-ninh");
        var steps = Steps(Scriban, templates, report);

        Steps(Direct, templates, report).ShouldBe(steps);
        var limited = new RenderLimits(steps - 1, Limits.Time);
        var direct = Should.Throw<TemplateException>(() => new NarrativeRenderer(SteppingClock.Stopped, limited).Render(report, templates));
        var scriban = Should.Throw<TemplateException>(() => new NarrativeRenderer(SteppingClock.Stopped, limited, NarrativeRenderer.RenderPath.Native, _ => { }).Render(report, templates));
        direct.Message.ShouldBe(scriban.Message);
        direct.Message.ShouldContain($"exceeds {steps - 1} evaluation steps");
    }

    [Fact]
    public void Render_AfterADirectRenderingGaveUp_TheBudgetIsAsIfScribanHadRenderedAlone()
    {
        // The direct rendering gets as far as include (most of the template) before giving it up to Scriban.
        var templates = Templates("{{ vi.upper_first r.period_text }}: {{ r.value_text }} {{ r.status_text }} {{ r.verdict_note }} {{ include 'target-footer' }}");
        templates["target-footer"] = new("", "plugins/x/templates/target-footer.scriban");
        var report = SampleReports.For("quang-ninh");

        Steps(Direct, templates, report).ShouldBe(Steps(Scriban, templates, report));
    }

    /// <summary>
    /// Renders the template at each of its places in each report, through both renderers, holding the text and the steps
    /// the same; how many places were compared.
    /// </summary>
    private static int AllSame(Dictionary<string, TemplateText> templates, IEnumerable<Report> reports, Func<Report, IEnumerable<TemplateScope>> scopes, string name = Name)
    {
        var compared = 0;
        foreach (var report in reports)
        {
            foreach (var format in new[] { NarrativeFormat.Text, NarrativeFormat.Markdown })
            {
                foreach (var scope in scopes(report))
                {
                    var direct = Include(Direct, templates, name, report, format, scope);
                    var scriban = Include(Scriban, templates, name, report, format, scope);

                    direct.ShouldBe(scriban, $"{format}, {scope.T?.Label} {scope.R?.PeriodText}");
                    compared++;
                }
            }
        }

        return compared;
    }

    /// <summary>What the template writes at one place and the steps it takes there, as the writer renders it.</summary>
    private static (string Text, long Steps) Include(NarrativeRenderer renderer, Dictionary<string, TemplateText> templates, string name, Report report, NarrativeFormat format, TemplateScope scope)
    {
        var budget = new RenderBudget(Limits, SteppingClock.Stopped);
        var overrides = new PluginTemplateOverrides(renderer.SessionFor(templates), report, format, () => budget, _ => { });
        return (overrides.Render(name, scope), budget.Steps);
    }

    /// <summary>The steps a whole report takes, every override rendered on one budget.</summary>
    private static long Steps(NarrativeRenderer renderer, Dictionary<string, TemplateText> templates, Report report)
    {
        var budget = new RenderBudget(Limits, SteppingClock.Stopped);
        var overrides = new PluginTemplateOverrides(renderer.SessionFor(templates), report, NarrativeFormat.Text, () => budget, _ => { });
        DefaultReportWriter.Write(report, NarrativeFormat.Text, overrides, int.MaxValue);
        return budget.Steps;
    }

    /// <summary>Every result of the report with its document, clause and target, as the result lines include the body.</summary>
    private static IEnumerable<TemplateScope> Scopes(Report report) =>
        from d in report.Documents
        from c in d.Clauses
        from t in c.Targets
        from r in t.Years
        select new TemplateScope(d, c, t, r, null);

    private static Dictionary<string, TemplateText> Templates(string text) => new() { [Name] = new(text, $"plugins/x/templates/{Name}.scriban") };

    private static string DefaultTemplate(string name)
    {
        using var stream = typeof(NarrativeRenderer).Assembly.GetManifestResourceStream($"Targets.Rules.Templates.{name}.scriban")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
