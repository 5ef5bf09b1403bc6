using System.Globalization;
using Scriban;
using Scriban.Syntax;
using Targets.Core.Errors;
using Targets.Rules.Narratives;
using Targets.Rules.Narratives.Rendering;
using Targets.Rules.Plugins;
using Targets.Rules.Reporting;
using Targets.Rules.Tests.Support;
using Targets.Tests.Shared;

namespace Targets.Rules.Tests.Narratives.Writing;

/// <summary>
/// The default templates are written twice, as Scriban templates and in C# (<c>DefaultReportWriter</c>): these tests hold
/// the two equal, to the character, over every shipped plugin's samples (<see cref="ReportCorpus"/>) in both formats, and
/// check that the corpus takes every branch of every default template, so that no part of a template goes untested.
/// </summary>
public sealed class DefaultReportWriterTests
{
    private static readonly NarrativeFormat[] Formats = [NarrativeFormat.Text, NarrativeFormat.Markdown];

    /// <summary>Every template through Scriban: the reference.</summary>
    private static NarrativeRenderer Scriban(Action<ScriptNode>? observer = null) =>
        new(TimeProvider.System, RenderLimits.Default, NarrativeRenderer.RenderPath.Scriban, observer);

    public static TheoryData<string> Localities() => SampleReports.EachLocality();

    [Theory]
    [MemberData(nameof(Localities))]
    public void Render_EveryReportOfThePluginsSamples_IsTheTextTheTemplatesWrite(string locality)
    {
        var (templates, reports) = ReportCorpus.Of(locality);
        reports.Count.ShouldBeGreaterThanOrEqualTo(20);

        AllEqual(reports, templates);
    }

    [Theory]
    [MemberData(nameof(Localities))]
    public void Render_MarkupLineBreaksAndListMarkersInEveryString_AreEscapedAsTheTemplatesEscapeThem(string locality)
    {
        var (templates, reports) = ReportCorpus.Of(locality);
        // Each string starts with what would open a list item, and carries every character Markdown reads as markup,
        // a line and a paragraph separator, a tab and a control character.
        string[] prefixes = ["- *em* _u_ [l](x) <b>&amp; `c` | # ~ ! \\ \u2028\u2029\t\u0001 ", "12) ", "+ ", "3. "];
        var rewritten = reports.Take(4).SelectMany(c => prefixes.Select((prefix, i) =>
            new ReportCorpus.Case($"{c.Name}, strings prefixed {i}", ReportCorpus.Rewritten(c.Report, s => s.Length == 0 ? s : prefix + s))));

        AllEqual([.. rewritten], templates);
    }

    [Theory]
    [MemberData(nameof(Localities))]
    public void Render_TheOutputFormatsHostileAndKeptFiguresReports_AreTheTextTheTemplatesWrite(string locality)
    {
        // The reports the Word and web outputs are tested on: every kind of string carrying markup, controls, a lone
        // surrogate; units below the bar, notes, figures not read; a deliverable pending. Under each plugin's templates.
        var (templates, _) = ReportCorpus.Of(locality);
        ReportCorpus.Case[] reports =
        [
            new("hostile", SampleReports.Hostile()),
            new("figures as kept", SampleReports.WithFiguresAsKept()),
            new("pending deliverable", SampleReports.WithPendingDeliverable()),
        ];

        AllEqual(reports, templates);
    }

    public static TheoryData<string> OverridableTemplates() => [.. NarrativeRenderer.DefaultTemplateNames.Where(n => n != "report")];

    [Theory]
    [MemberData(nameof(OverridableTemplates))]
    public void Render_PluginOverridingADefaultTemplate_ItsTemplateSeesWhatItSeesWhenIncluded(string name)
    {
        // The override is the default's own text behind a mark: rendered through Scriban where the writer reaches it, it
        // writes what the default writes only if it sees the same loop variables and assignments (d, c, t, r, figures)
        // and globals as it does when included by the other templates.
        var text = DefaultTemplateText(name);
        var reached = false;
        foreach (var locality in SampleReports.Localities)
        {
            var (templates, reports) = ReportCorpus.Of(locality);
            var overriding = new Dictionary<string, TemplateText>(templates) { [name] = new($"⟦{name}⟧{text}", $"plugins/x/templates/{name}.scriban") };

            reached |= AllEqual([.. reports.Where((c, i) => i < 6 || c.Name.EndsWith("constructed", StringComparison.Ordinal))], overriding).Contains($"⟦{name}⟧", StringComparison.Ordinal);
        }

        reached.ShouldBeTrue($"no report reaches '{name}'");
    }

    [Fact]
    public void Render_PluginOverrideThatFails_NamesItsTemplateAndFile()
    {
        var (_, reports) = ReportCorpus.Of("can-tho");
        var templates = new Dictionary<string, TemplateText> { ["result-line"] = new("{{ r.no_such_member.size }}", "plugins/x/templates/result-line.scriban") };

        var error = Should.Throw<TemplateException>(() => new NarrativeRenderer().Render(reports[0].Report, templates));

        error.Problem.ShouldStartWith("template 'result-line' failed:");
        error.Location.ShouldNotBeNull().File.ShouldBe("plugins/x/templates/result-line.scriban");
    }

    [Fact]
    public void Render_PluginOverrideIncludingADefault_TheDefaultIsRenderedWithinIt()
    {
        var (_, reports) = ReportCorpus.Of("can-tho");
        var templates = new Dictionary<string, TemplateText> { ["result-line"] = new("RIÊNG {{ include 'result-body' }}", "plugins/x/templates/result-line.scriban") };

        var text = new NarrativeRenderer().Render(reports[0].Report, templates);

        text.ShouldBe(Scriban().Render(reports[0].Report, templates));
        text.ShouldContain("\nRIÊNG Năm ");
    }

    [Fact]
    public void Render_PluginOverridesEachWithinTheBudget_ShareOneBudgetForTheReport()
    {
        // Each result line spends a few hundred steps, which the budget allows once; the report has dozens of result lines
        // and one budget, so it cannot. A renderer's templates that fit alone fail together, as on the Scriban path.
        var (_, reports) = ReportCorpus.Of("can-tho");
        var templates = new Dictionary<string, TemplateText> { ["result-line"] = new("{{ for i in 1..200 }}{{ end }}x", "plugins/x/templates/result-line.scriban") };
        var renderer = new NarrativeRenderer(SteppingClock.Stopped, new RenderLimits(1_000, TimeSpan.FromSeconds(5)));
        renderer.RenderTemplate("result-line", new { }, templates).ShouldBe("x");

        var error = Should.Throw<TemplateException>(() => renderer.Render(reports[0].Report, templates));

        error.Message.ShouldContain("the report exceeds 1000 evaluation steps");
        error.Problem.ShouldStartWith("template 'result-line' failed:");
    }

    [Fact]
    public void Render_AfterAPluginOverrideFailed_TheNextReportIsRenderedWhole()
    {
        var (_, reports) = ReportCorpus.Of("can-tho");
        var renderer = new NarrativeRenderer();
        var failing = new Dictionary<string, TemplateText> { ["result-body"] = new("{{ while true }}{{ end }}", "plugins/x/templates/result-body.scriban") };
        Should.Throw<TemplateException>(() => renderer.Render(reports[0].Report, failing));

        var (templates, tayNinh) = ReportCorpus.Of("tay-ninh");

        renderer.Render(tayNinh[0].Report, templates).ShouldBe(Scriban().Render(tayNinh[0].Report, templates));
    }

    [Fact]
    public void Render_ReportBeyondTheOutputLimit_IsAnErrorNotATruncatedReport()
    {
        var (_, reports) = ReportCorpus.Of("can-tho");
        var report = reports[0].Report with { Header = reports[0].Report.Header with { DataNote = new string('x', 4 * 1024 * 1024) } };

        var error = Should.Throw<TemplateException>(() => new NarrativeRenderer().Render(report, new Dictionary<string, TemplateText>()));

        error.Problem.ShouldBe("template 'report' failed: the report exceeds the output limit of 4194304 characters");
        error.Location.ShouldNotBeNull().File.ShouldBe("Targets.Rules:templates/report.scriban");
    }

    [Fact]
    public void Templates_AcrossTheCorpus_EveryBranchOfEveryDefaultTemplateIsTaken()
    {
        // Scriban reports every node it evaluates. An if is taken both ways when its then-block ran on some evaluations and
        // not on others; a loop's body ran at least once. Nodes are matched by file and place, as the renderer parses the
        // templates itself.
        var counts = new Dictionary<(string File, int Start, int End, Type Type), int>();
        var renderer = Scriban(node =>
        {
            if (node.Span.FileName?.StartsWith("Targets.Rules:templates/", StringComparison.Ordinal) == true)
            {
                var key = Key(node);
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
        });
        foreach (var locality in SampleReports.Localities)
        {
            var (templates, reports) = ReportCorpus.Of(locality);
            foreach (var report in reports)
            {
                foreach (var format in Formats)
                {
                    renderer.Render(report.Report, templates, format);
                }
            }
        }

        var untaken = new List<string>();
        foreach (var name in NarrativeRenderer.DefaultTemplateNames)
        {
            var origin = NarrativeRenderer.DefaultOrigin(name);
            var template = Template.Parse(DefaultTemplateText(name), origin);
            if (counts.GetValueOrDefault(Key(template.Page!)) == 0)
            {
                untaken.Add($"{name}: never rendered");
            }

            foreach (var node in Descendants(template.Page!))
            {
                var place = $"{name}.scriban({node.Span.Start.Line + 1},{node.Span.Start.Column + 1})";
                switch (node)
                {
                    case ScriptIfStatement { Then: { } then } branch when !Unreachable.Contains((name, branch.Condition!.ToString()!)):
                        var evaluated = counts.GetValueOrDefault(Key(branch));
                        var taken = counts.GetValueOrDefault(Key(then));
                        if (taken == 0)
                        {
                            untaken.Add($"{place}: `if {branch.Condition}` never true");
                        }

                        if (taken == evaluated)
                        {
                            untaken.Add($"{place}: `if {branch.Condition}` never false");
                        }

                        break;
                    case ScriptForStatement { Body: { } body } loop when counts.GetValueOrDefault(Key(body)) == 0:
                        untaken.Add($"{place}: `for {loop.Variable} in {loop.Iterator}` never ran its body");
                        break;
                }
            }
        }

        untaken.ShouldBeEmpty();
    }

    /// <summary>Conditions no report can take both ways, with why.</summary>
    private static readonly HashSet<(string Template, string Condition)> Unreachable =
    [
        // The report includes the table in Markdown only.
        ("table", "md"),
    ];

    private static string DefaultTemplateText(string name) =>
        File.ReadAllText(Path.Combine(Golden.RepositoryRoot(), "src", "Targets.Rules", "Narratives", "Templates", $"{name}.scriban"));

    private static (string, int, int, Type) Key(ScriptNode node) => (node.Span.FileName, node.Span.Start.Offset, node.Span.End.Offset, node.GetType());

    private static IEnumerable<ScriptNode> Descendants(ScriptNode node) =>
        node.Children.Where(child => child is not null).SelectMany(child => Descendants(child).Prepend(child));

    /// <summary>Renders each report both ways in both formats, asserts the texts equal, and returns them all joined.</summary>
    private static string AllEqual(IReadOnlyList<ReportCorpus.Case> reports, IReadOnlyDictionary<string, TemplateText> templates)
    {
        var native = new NarrativeRenderer();
        var scriban = Scriban();
        var all = new System.Text.StringBuilder();
        foreach (var (name, report) in reports)
        {
            foreach (var format in Formats)
            {
                var expected = scriban.Render(report, templates, format);
                var actual = native.Render(report, templates, format);
                if (!string.Equals(actual, expected, StringComparison.Ordinal))
                {
                    var line = FirstDifferentLine(expected, actual);
                    actual.ShouldBe(expected, $"{name}, {format}: line {line.Number} is “{line.Actual}”, the templates write “{line.Expected}”");
                }

                all.Append(actual);
            }
        }

        return all.ToString();
    }

    private static (int Number, string Expected, string Actual) FirstDifferentLine(string expected, string actual)
    {
        var (e, a) = (expected.Split('\n'), actual.Split('\n'));
        var i = 0;
        while (i < e.Length && i < a.Length && e[i] == a[i])
        {
            i++;
        }

        return (i + 1, i < e.Length ? e[i] : "(end)", i < a.Length ? a[i] : "(end)");
    }
}
