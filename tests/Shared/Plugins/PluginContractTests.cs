using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Targets.Core.Data;
using Targets.Core.Evaluation;
using Targets.Core.Formatting;
using Targets.Core.Indicators;
using Targets.Core.Periods;
using Targets.Core.Targets;
using Targets.Rules.Engine;
using Targets.Rules.Narratives;
using Targets.Rules.Plugins;
using Targets.Rules.Reporting;

namespace Targets.Tests.Shared;

/// <summary>
/// What every locality plugin must hold to: its rule sets compile, every target, goal and task quotes its document
/// verbatim and cites a clause, its sample is labelled illustrative, and its sample report matches the golden text in
/// every format and under every culture.
/// </summary>
public abstract partial class PluginContractTests<TPlugin>
    where TPlugin : ITargetsPlugin, new()
{
    private readonly string _testFolder;

    protected PluginContractTests() =>
        _testFolder = Path.Combine(Golden.RepositoryRoot(), "tests", GetType().Assembly.GetName().Name!);

    protected static TPlugin Plugin { get; } = new();

    protected static ICompiledRuleSet Rules { get; } = new NRulesRuleEngine().Compile(Plugin.Locality, Plugin.LoadRuleSets(), Plugin.RuleTypes);

    protected static Assessment SampleAssessment() => Rules.Evaluate(Plugin.LoadSample());

    protected static string Render(Assessment assessment, NarrativeFormat format = NarrativeFormat.Text) =>
        new NarrativeRenderer().Render(assessment, Rules, Plugin.LoadTemplates(), format);

    /// <summary>A dataset for this plugin's locality, as of the end of <paramref name="asOfYear"/>.</summary>
    protected static Dataset Figures(int asOfYear, params (string Indicator, string Period, decimal Value)[] figures) => new()
    {
        Locality = Plugin.Locality.Code,
        AsOf = new DateOnly(asOfYear, 12, 31),
        Figures = [.. figures.Select(f => new Figure(new IndicatorId(f.Indicator), ReportingPeriod.Parse(f.Period), f.Value))],
    };

    protected static Target TargetOf(string targetId) => Rules.RuleSets.SelectMany(set => set.Targets).Single(t => t.Id.Value == targetId);

    protected static IEnumerable<TargetResult> ResultsOf(Assessment assessment, string targetId) =>
        assessment.Results.Where(r => r.Target.Id.Value == targetId);

    protected static AssessmentStatus LatestStatus(Assessment assessment, string targetId) => ResultsOf(assessment, targetId).Last().Status;

    [Fact]
    public void LoadRuleSets_EveryFile_CompilesWithTargets()
    {
        Rules.RuleSets.ShouldNotBeEmpty();
        Rules.RuleSets.SelectMany(set => set.Targets).ShouldNotBeEmpty();
    }

    [Fact]
    public void Wording_EveryTargetGoalAndTask_IsTheDocumentsOwnText()
    {
        var sources = Path.Combine(Golden.RepositoryRoot(), "docs", "sources");
        foreach (var set in Rules.RuleSets)
        {
            set.Document.Source.ShouldNotBeNull($"{set.Origin} does not name its source document");
            var text = Normalize(File.ReadAllText(Path.Combine(sources, set.Document.Source!)));
            var quoted = set.Targets.Select(t => (t.Id.Value, t.Clause, t.Wording))
                .Concat(set.Goals.Select(g => (g.Id.Value, g.Clause, g.Wording)))
                .Concat(set.Tasks.Select(t => (t.Id.Value, t.Clause, t.Wording)));
            foreach (var (id, clause, wording) in quoted)
            {
                clause.ShouldNotBeNullOrWhiteSpace($"{id} cites no clause");

                // A table row is quoted cell by cell, joined by " — "; each cell must be the document's own text.
                foreach (var part in wording.Split(" — "))
                {
                    AppearsAcrossLayoutBreaks(text, Normalize(part)).ShouldBeTrue($"{id}: “{part}” is not the text of {set.Document.Source}");
                }
            }
        }
    }

    /// <summary>
    /// Embedded files are not checked against the schemas at run time (that check was a third of the command line's start);
    /// this is where they are: every file the assembly ships, through the public readers, which always check.
    /// </summary>
    [Fact]
    public void EmbeddedFiles_EveryShippedFile_MatchesItsSchema()
    {
        var content = new EmbeddedContent(typeof(TPlugin).Assembly);
        Should.NotThrow(() => Targets.Rules.Serialization.PluginManifest.Read("plugin.json", content.Read("plugin.json")));
        var rules = content.List("rules");
        var samples = content.List("samples");
        rules.ShouldNotBeEmpty();
        samples.ShouldNotBeEmpty();
        foreach (var file in rules)
        {
            Should.NotThrow(() => Targets.Rules.Serialization.RuleSetReader.Read(file, content.Read(file)), file);
        }

        foreach (var file in samples)
        {
            Should.NotThrow(() => Targets.Rules.Serialization.DatasetReader.Read(file, content.Read(file)), file);
        }
    }

    [Fact]
    public void ZeroTargets_EveryOne_RepeatsTheVerbOfItsWording()
    {
        // "Không để tồn tại" is reported as such, not as "không để xảy ra".
        foreach (var target in Rules.RuleSets.SelectMany(set => set.Targets))
        {
            if (target.Requirement is Core.Requirements.ZeroRequirement zero)
            {
                target.Wording.ShouldContain(zero.Phrase, Case.Insensitive, $"{target.Id}: “{zero.Phrase}” is not the wording's own verb");
            }
        }
    }

    [Fact]
    public void TargetsListing_CheckedIn_IsWrittenFromTheRuleSets()
    {
        // plugins/<Folder>/TARGETS.md: every target, reading and alternative comes from the rule sets, never by hand.
        var folder = typeof(TPlugin).Assembly.GetName().Name!["Targets.Plugins.".Length..];
        var listing = Path.Combine(Golden.RepositoryRoot(), "plugins", folder, "TARGETS.md");

        GeneratedDocument.PartMatches(listing, "targets", TargetsMarkdown.Plugin(Rules, SampleAssessment(), Plugin.Manifest.DefaultSample));
    }

    [Fact]
    public void LoadSample_Default_IsLabelledIllustrative()
    {
        Plugin.LoadSample().Description.ShouldNotBeNull().ShouldContain("minh họa");
    }

    [Fact]
    public void Render_SampleAsText_MatchesGolden()
    {
        Golden.MatchesIn(_testFolder, Render(SampleAssessment()), "sample.golden.txt");
    }

    [Fact]
    public void Render_SampleAsMarkdown_MatchesGolden()
    {
        Golden.MatchesIn(_testFolder, Render(SampleAssessment(), NarrativeFormat.Markdown), "sample.golden.md");
    }

    [Fact]
    public void WriteAssessment_SampleAsJson_MatchesGolden()
    {
        using var stream = new MemoryStream();
        JsonReports.WriteAssessment(stream, SampleAssessment(), Rules);
        Golden.MatchesIn(_testFolder, Encoding.UTF8.GetString(stream.ToArray()), "sample.golden.json");
    }

    [Fact]
    public void Labels_EveryTargetOfTheLocality_IsToldApartByItsClauseAndPart()
    {
        var targets = Rules.RuleSets.SelectMany(set => set.Targets).ToList();
        var shared = targets.GroupBy(TargetLabels.OwnLabel).Where(g => g.Count() > 1).Select(g => $"{g.Key}: {string.Join(", ", g.Select(t => t.Id))}");

        shared.ShouldBeEmpty("targets sharing a clause need a part that tells them apart");
    }

    [Fact]
    public void Labels_EveryTaskOfTheLocality_IsToldApartByItsClauseAndPart()
    {
        var shared = Rules.RuleSets.SelectMany(set => set.Tasks).GroupBy(t => t.Label).Where(g => g.Count() > 1).Select(g => $"{g.Key}: {string.Join(", ", g.Select(t => t.Id))}");

        shared.ShouldBeEmpty("tasks sharing a clause need a part that tells them apart");
    }

    [Fact]
    public void Render_Sample_EveryTargetIsNamedByItsLabelInEveryOutput()
    {
        var labels = TargetLabels.For(Rules.RuleSets.SelectMany(set => set.Targets)).All.Values.ToList();
        var json = JsonOf(SampleAssessment());
        var outputs = new[] { Render(SampleAssessment()), Render(SampleAssessment(), NarrativeFormat.Markdown), json };

        foreach (var label in labels)
        {
            outputs.ShouldAllBe(output => output.Contains(label, StringComparison.Ordinal), $"“{label}” is missing from an output");
        }
    }

    [Theory]
    [InlineData(NarrativeFormat.Text)]
    [InlineData(NarrativeFormat.Markdown)]
    public void Render_Sample_NamesNoInternalIdAndNoEnglish(NarrativeFormat format)
    {
        var text = Render(SampleAssessment(), format);
        var ids = Rules.RuleSets.SelectMany(set => set.Targets.Select(t => t.Id.Value).Concat(set.Goals.Select(g => g.Id.Value)).Concat(set.Tasks.Select(t => t.Id.Value)))
            .Concat(Rules.Catalog.Select(indicator => indicator.Id.Value));

        foreach (var id in ids)
        {
            text.ShouldNotContain(id, Case.Sensitive);
        }

        IdLike().Matches(text).Select(m => m.Value).ShouldBeEmpty("text that looks like an internal id");
        English().Matches(text).Select(m => m.Value).ShouldBeEmpty("English words in a Vietnamese report");
    }

    [Fact]
    public void Render_Sample_KeepsEveryFigureAndVerdict()
    {
        var report = ReportBuilder.Build(SampleAssessment(), Rules);
        var text = Render(SampleAssessment());
        var shown = report.Documents.SelectMany(d => d.Clauses).SelectMany(c => c.Targets).Where(t => t.SameAsText.Length == 0);

        foreach (var target in shown)
        {
            foreach (var year in target.Years)
            {
                var figure = year.Components.Count > 0 || year.Units.Count > 0 ? year.Body : year.ValueText.Length > 0 ? year.ValueText : year.MissingText;
                var line = $"{VietnameseFormat.UpperFirst(year.PeriodText)}: {figure}";
                text.ShouldContain(line, Case.Sensitive, $"{target.Label}: the result of {year.PeriodText} is not in the report");
            }
        }

        report.Documents.SelectMany(d => d.Clauses).SelectMany(c => c.Targets).Where(t => t.Years.Count > 0).Select(t => t.Years[^1].StatusText)
            .ShouldAllBe(verdict => text.Contains(verdict, StringComparison.Ordinal));
    }

    [Fact]
    public void Render_Sample_StatesEveryReadingInTheAnnex()
    {
        var report = ReportBuilder.Build(SampleAssessment(), Rules);
        var text = Render(SampleAssessment());
        var annex = text[text.IndexOf("PHỤ LỤC", StringComparison.Ordinal)..];

        foreach (var target in report.Documents.SelectMany(d => d.Clauses).SelectMany(c => c.Targets))
        {
            var reading = Rules.RuleSets.SelectMany(set => set.Targets).Single(t => t.Id.Value == target.Id).Reading;
            (reading is null || target.ReadingNumbers.Count > 0).ShouldBeTrue($"{target.Label} states a reading the annex does not number");
        }

        report.Annex.Readings.ShouldAllBe(reading => annex.Contains(reading.Text, StringComparison.Ordinal));
        report.Annex.Methods.ShouldAllBe(method => annex.Contains(method, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("en-US")]
    [InlineData("tr-TR")]
    [InlineData("vi-VN")]
    public void Render_UnderAnotherCulture_IsIdentical(string culture)
    {
        var invariant = WithCulture(CultureInfo.InvariantCulture, () => Render(SampleAssessment()) + JsonOf(SampleAssessment()));

        WithCulture(CultureInfo.GetCultureInfo(culture), () => Render(SampleAssessment()) + JsonOf(SampleAssessment())).ShouldBe(invariant);
    }

    private static string JsonOf(Assessment assessment)
    {
        using var stream = new MemoryStream();
        JsonReports.WriteAssessment(stream, assessment, Rules);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static string WithCulture(CultureInfo culture, Func<string> action)
    {
        var (savedCulture, savedUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
            return action();
        }
        finally
        {
            CultureInfo.CurrentCulture = savedCulture;
            CultureInfo.CurrentUICulture = savedUi;
        }
    }

    /// <summary>
    /// Whether the quote is the document's text, allowing it to continue across a page break in a table (where the rest of
    /// a cell follows the other cells of its row): each piece is at least two words long, in order, within a few hundred
    /// characters of the previous one.
    /// </summary>
    private static bool AppearsAcrossLayoutBreaks(string text, string quote)
    {
        var words = quote.Split(' ');
        var from = 0;
        var taken = 0;
        while (taken < words.Length)
        {
            var matched = 0;
            var at = -1;
            for (var count = words.Length - taken; count >= 1 && matched == 0; count--)
            {
                var piece = string.Join(' ', words[taken..(taken + count)]);
                var found = text.IndexOf(piece, from, StringComparison.Ordinal);
                if (found >= 0 && (taken == 0 || found - from < 400))
                {
                    (matched, at) = (count, found + piece.Length);
                }
            }

            if (matched == 0 || (matched < 2 && taken + matched < words.Length))
            {
                return false;
            }

            (taken, from) = (taken + matched, at);
        }

        return true;
    }

    /// <summary>Folds runs of white space (the seeds break lines and pad mid-sentence) so quotes compare by their words.</summary>
    private static string Normalize(string text) => Whitespace().Replace(text.Replace('\u00A0', ' '), " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    /// <summary>Dotted lower-case ASCII words, the shape of target and indicator ids (<c>crime.cases</c>, <c>2.8.alt</c>).</summary>
    [GeneratedRegex(@"(?<![\w.])[a-z0-9]+(?:-[a-z0-9]+)*(?:\.[a-z0-9]+(?:-[a-z0-9]+)*)*\.[a-z][a-z0-9-]*\b")]
    private static partial Regex IdLike();

    [GeneratedRegex(@"\b(?:target|targets|missing|null|NaN|true|false|met|notMet|noData|onTrack|atRisk|exceeded|gaps?|default|alternative|reading|figures?|unit|status)\b", RegexOptions.IgnoreCase)]
    private static partial Regex English();
}
