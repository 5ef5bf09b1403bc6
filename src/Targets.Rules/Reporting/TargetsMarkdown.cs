using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Targets.Core.Evaluation;
using Targets.Core.Formatting;
using Targets.Core.Indicators;
using Targets.Core.Requirements;
using Targets.Core.Targets;
using Targets.Core.Tasks;
using Targets.Rules.Engine;
using Targets.Rules.Plugins;
using Targets.Rules.RuleSets;

namespace Targets.Rules.Reporting;

/// <summary>
/// The Markdown listings written from the rule sets themselves, so that documentation cannot drift from them: a plugin's
/// targets in full (its <c>TARGETS.md</c>: every reading, its alternatives, which is the default) and the short target
/// tables of the repository README (<c>targets list --format md</c>). Hand-written prose around a generated part is kept:
/// <see cref="Splice"/> replaces only what lies between the part's markers.
/// </summary>
public static partial class TargetsMarkdown
{
    private const int ShortReadingLength = 250;

    /// <summary>
    /// Replaces the generated part named <paramref name="name"/> of <paramref name="document"/> (the lines between
    /// <c>&lt;!-- generated:name:begin --&gt;</c> and <c>&lt;!-- generated:name:end --&gt;</c>) with <paramref name="generated"/>.
    /// </summary>
    /// <exception cref="FormatException">The document does not hold the part's two markers, in order.</exception>
    public static string Splice(string document, string name, string generated)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(generated);
        var begin = BeginMarker(name);
        var end = $"<!-- generated:{name}:end -->";
        var from = document.IndexOf(begin, StringComparison.Ordinal);
        var to = document.IndexOf(end, StringComparison.Ordinal);
        if (from < 0 || to < from)
        {
            throw new FormatException($"the document has no generated part '{name}' (expected the markers '{begin}' and '{end}', in that order)");
        }

        var start = document.IndexOf('\n', from) + 1;
        return document[..start] + "\n" + generated.Trim('\n') + "\n\n" + document[to..];
    }

    /// <summary>The line that opens a generated part; the text after it, up to the closing marker, is replaced.</summary>
    public static string BeginMarker(string name) =>
        $"<!-- generated:{name}:begin (written from the rule sets; do not edit by hand: `UPDATE_GOLDEN=1 dotnet test` rewrites it) -->";

    /// <summary>
    /// A plugin's targets in full: its documents, every target with its wording, requirement, schedule, indicators,
    /// responsibility and reading (alternative readings beside their default), its indicators, goals and tasks, and,
    /// when <paramref name="sample"/> is given, the results of its bundled sample.
    /// </summary>
    /// <param name="rules">The plugin's compiled rules.</param>
    /// <param name="sample">The assessment of a sample, or null to leave the results out.</param>
    /// <param name="sampleName">The sample's name, as the listing cites it (<c>samples/sample.json</c>).</param>
    public static string Plugin(ICompiledRuleSet rules, Assessment? sample = null, string? sampleName = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var md = new StringBuilder();
        var targets = rules.RuleSets.SelectMany(set => set.Targets).ToList();
        var labels = TargetLabels.For(targets);
        var alternativesOf = targets.Where(t => t.AlternativeOf is not null).ToLookup(t => t.AlternativeOf!.Value);

        md.Append("## Documents\n\n");
        md.Append("| file | document id | source | kind | number | issuer | issued | period | targets (default + alternative) | goals | tasks |\n");
        md.Append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        foreach (var set in rules.RuleSets)
        {
            var document = set.Document;
            var defaults = set.Targets.Count(t => t.AlternativeOf is null);
            Row(md,
                $"`rules/{Path.GetFileName(set.Origin)}`",
                $"`{document.Id}`",
                document.Source is { } source ? $"`{source}`" : "—",
                document.Kind,
                document.Number ?? "(không ghi số)",
                document.Issuer,
                document.IssuedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "(không ghi ngày)",
                document.Period + (set.IsRetrospective ? " (retrospective account)" : string.Empty),
                $"{Count(set.Targets.Count)} ({Count(defaults)} + {Count(set.Targets.Count - defaults)})",
                Count(set.Goals.Count),
                Count(set.Tasks.Count));
        }

        foreach (var set in rules.RuleSets)
        {
            md.Append(CultureInfo.InvariantCulture, $"\n## Targets: {RequirementText.Citation(set.Document)}\n\n");
            md.Append(set.Document.Title).Append(".\n");
            foreach (var target in set.Targets)
            {
                TargetSection(md, target, rules.Catalog, labels, alternativesOf[target.Id]);
            }
        }

        IndicatorTable(md, rules);
        GoalTable(md, rules);
        TaskTable(md, rules);
        if (sample is not null)
        {
            SampleResults(md, sampleName ?? "sample", ReportBuilder.Build(sample, rules), sample);
        }

        return md.ToString();
    }

    /// <summary>
    /// The README's tables: for each plugin and document, one row per target with its label, requirement, schedule and
    /// the first sentence of its reading, then the goals and tasks it has and a link to its full listing.
    /// </summary>
    /// <param name="plugins">The plugins, each with its compiled rules and the path of its full listing (or null).</param>
    public static string Summary(IEnumerable<(ITargetsPlugin Plugin, ICompiledRuleSet Rules, string? FullListing)> plugins)
    {
        ArgumentNullException.ThrowIfNull(plugins);
        var md = new StringBuilder();
        foreach (var (plugin, rules, listing) in plugins.OrderBy(p => p.Plugin.Manifest.Code, StringComparer.Ordinal))
        {
            md.Append(CultureInfo.InvariantCulture, $"### {plugin.Manifest.Name} (`{plugin.Manifest.Code}`)\n\n");
            var labels = TargetLabels.For(rules.RuleSets.SelectMany(set => set.Targets));
            foreach (var set in rules.RuleSets)
            {
                md.Append(CultureInfo.InvariantCulture, $"**{RequirementText.Citation(set.Document)}** — {set.Document.Title}");
                md.Append(set.IsRetrospective ? " (retrospective account, reported apart and not counted)\n\n" : "\n\n");
                md.Append("| Label | Target | Requirement | When | Reading taken (first sentence) |\n|---|---|---|---|---|\n");
                foreach (var target in set.Targets)
                {
                    var id = $"`{target.Id}`" + (target.AlternativeOf is { } of ? $" (alternative of `{of}`)" : string.Empty)
                        + (target.SameAs is { } same ? $" (same as `{same}`, counted once)" : string.Empty);
                    var requirement = RequirementText.Describe(target, rules.Catalog) +
                        (target.Scope is TargetScope.EachUnit each ? $" (each {each.UnitKind})" : string.Empty);
                    Row(md, labels.Of(target.Id), id, requirement, RequirementText.Schedule(target.Schedule, target.Document.Period), FirstSentence(target.Reading ?? string.Empty));
                }

                var also = new List<string>();
                if (set.Goals.Count > 0)
                {
                    also.Add($"{Count(set.Goals.Count)} unmeasured goal{Plural(set.Goals.Count)} (listed in reports, never given a threshold)");
                }

                if (set.Tasks.Count > 0)
                {
                    also.Add($"{Count(set.Tasks.Count)} dated task{Plural(set.Tasks.Count)} ({Count(set.Tasks.Sum(t => t.Milestones.Count))} milestones)");
                }

                md.Append('\n');
                if (also.Count > 0)
                {
                    md.Append("Also: ").AppendJoin("; ", also).Append(".\n\n");
                }
            }

            if (listing is not null)
            {
                md.Append(CultureInfo.InvariantCulture, $"Every reading, its alternatives, the sample's results and the model gaps: [`{listing}`]({listing}).\n\n");
            }
        }

        return md.ToString().TrimEnd('\n') + "\n";
    }

    private static void TargetSection(StringBuilder md, Target target, IndicatorCatalog catalog, TargetLabels labels, IEnumerable<Target> alternatives)
    {
        md.Append(CultureInfo.InvariantCulture, $"\n### {labels.Of(target.Id)} — `{target.Id}`");
        if (target.AlternativeOf is { } of)
        {
            md.Append(CultureInfo.InvariantCulture, $" (alternative reading of `{of}`)");
        }

        md.Append("\n\n");
        md.Append(CultureInfo.InvariantCulture, $"“{target.Wording}”\n\n");
        md.Append(CultureInfo.InvariantCulture, $"- Requirement: {RequirementText.Describe(target, catalog)}; {RequirementText.Schedule(target.Schedule, target.Document.Period)}");
        md.Append(CultureInfo.InvariantCulture, $" (`{ReportBuilder.KindOf(target.Requirement)}`");
        if (target.Scope is TargetScope.EachUnit each)
        {
            md.Append(CultureInfo.InvariantCulture, $", for each {each.UnitKind}");
        }

        md.Append(").\n");
        var indicators = target.ReadIndicators(catalog).Select(i => $"`{i}`").ToList();
        if (target.Requirement is CompositeRequirement composite)
        {
            md.Append("- Components: ").AppendJoin(", ", composite.Targets.Select(t => $"`{t}`")).Append(".\n");
        }
        else if (indicators.Count > 0)
        {
            md.Append("- Indicator: ").AppendJoin(", ", indicators).Append(".\n");
        }

        if (target.Responsibility is { } responsibility)
        {
            md.Append("- Lead: ").AppendJoin("; ", responsibility.Lead);
            if (responsibility.Supporting.Count > 0)
            {
                md.Append(". Supporting: ").AppendJoin("; ", responsibility.Supporting);
            }

            md.Append(".\n");
        }

        if (target.Consequence is { } consequence)
        {
            md.Append(CultureInfo.InvariantCulture, $"- On failure ({consequence.Kind}): “{consequence.Text}”\n");
        }

        if (target.SameAs is { } sameAs)
        {
            md.Append(CultureInfo.InvariantCulture, $"- Same quantity as `{sameAs}` ({labels.Of(sameAs)}) of another document: reported there and counted once.\n");
        }

        var others = alternatives.Select(t => $"`{t.Id}` ({labels.Of(t.Id)})").ToList();
        if (others.Count > 0)
        {
            md.Append("- Alternative readings (reported, not counted): ").AppendJoin(", ", others).Append(".\n");
        }

        md.Append(target.AlternativeOf is null ? "- Reading taken (default): " : "- Reading (alternative, not counted): ");
        md.Append(string.IsNullOrWhiteSpace(target.Reading) ? "(the wording is not open: no reading stated)" : Cell(target.Reading)).Append('\n');
    }

    private static void IndicatorTable(StringBuilder md, ICompiledRuleSet rules)
    {
        var declaredIn = rules.RuleSets
            .SelectMany(set => set.Indicators.Select(indicator => (indicator.Id, Document: set.Document.Id)))
            .ToLookup(x => x.Id, x => x.Document);
        var declared = rules.RuleSets.SelectMany(set => set.Indicators).DistinctBy(i => i.Id).ToList();
        md.Append("\n## Indicators declared by the rule sets\n\n");
        md.Append("| id | name | unit | direction | kind | counted from | declared in |\n|---|---|---|---|---|---|---|\n");
        foreach (var indicator in declared)
        {
            Row(md,
                $"`{indicator.Id}`",
                indicator.Name,
                indicator.Unit.Symbol,
                indicator.Direction == Direction.HigherIsBetter ? "higherIsBetter" : "lowerIsBetter",
                indicator.IsShare ? $"share = `{indicator.Numerator}` / `{indicator.Denominator}`" : "count",
                indicator.CountedFromPlanStart ? "plan start (running total)" : "—",
                string.Join(", ", declaredIn[indicator.Id].Distinct().Select(d => $"`{d}`")));
        }

        var shared = rules.RuleSets.SelectMany(set => set.Targets).SelectMany(t => t.ReadIndicators(rules.Catalog))
            .Where(id => IndicatorCatalog.Shared.Contains(id)).Distinct().Select(id => $"`{id}`").ToList();
        if (shared.Count > 0)
        {
            md.Append("\nShared catalog indicators read as they are: ").AppendJoin(", ", shared).Append(".\n");
        }
    }

    private static void GoalTable(StringBuilder md, ICompiledRuleSet rules)
    {
        var goals = rules.RuleSets.SelectMany(set => set.Goals).ToList();
        if (goals.Count == 0)
        {
            return;
        }

        md.Append(CultureInfo.InvariantCulture, $"\n## Unmeasured goals ({Count(goals.Count)})\n\n| id | clause | wording | why unmeasured |\n|---|---|---|---|\n");
        foreach (var goal in goals)
        {
            Row(md, $"`{goal.Id}`", goal.Clause, $"“{goal.Wording}”", goal.Reason);
        }
    }

    private static void TaskTable(StringBuilder md, ICompiledRuleSet rules)
    {
        var tasks = rules.RuleSets.SelectMany(set => set.Tasks).ToList();
        if (tasks.Count == 0)
        {
            return;
        }

        md.Append(CultureInfo.InvariantCulture, $"\n## Tasks ({Count(tasks.Count)})\n\n");
        md.Append("Each deadline is a milestone of its own, due on the last day of its period (that day included).\n\n");
        md.Append("| id | label | wording | lead | supporting | deadline as written | milestones (due) |\n|---|---|---|---|---|---|---|\n");
        foreach (var task in tasks)
        {
            Row(md,
                $"`{task.Id}`",
                task.Label,
                $"“{task.Wording}”",
                string.Join("; ", task.Responsibility.Lead),
                task.Responsibility.Supporting.Count > 0 ? string.Join("; ", task.Responsibility.Supporting) : "—",
                task.DeadlineText,
                string.Join(", ", task.Milestones.Select(m => $"{m} ({m.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)})")));
        }
    }

    private static void SampleResults(StringBuilder md, string sampleName, Report report, Assessment sample)
    {
        md.Append(CultureInfo.InvariantCulture, $"\n## Results on the bundled sample\n\n`{sampleName}`, as of {sample.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
        md.Append(sample.DataDescription is { } description ? $" ({description.TrimEnd('.')})" : string.Empty).Append(".\n\n");
        md.Append("| target | period | status | result (as the report words it) |\n|---|---|---|---|\n");
        foreach (var target in report.Documents.SelectMany(d => d.Clauses).SelectMany(c => c.Targets))
        {
            var id = $"`{target.Id}`" + (target.IsAlternative ? " (alt.)" : string.Empty);
            foreach (var year in target.Years)
            {
                Row(md, id, year.Period, year.StatusCode, year.Sentence);
            }
        }

        md.Append('\n');
        foreach (var sentence in report.Summary.Sentences)
        {
            md.Append("- ").Append(Cell(sentence)).Append('\n');
        }

        if (sample.Tasks.Count > 0)
        {
            md.Append("\n| task | status | milestones |\n|---|---|---|\n");
            foreach (var task in sample.Tasks)
            {
                Row(md,
                    $"`{task.Task.Id}`",
                    ResultText.TaskCode(task.Status),
                    string.Join("; ", task.Milestones.Select(m => $"{m.Deadline}: {ResultText.TaskCode(m.Status)}" +
                        (m.CompletedOn is { } done ? $" ({done.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)})" : string.Empty))));
            }
        }
    }

    /// <summary>The first sentence of a reading, cut at a word near <see cref="ShortReadingLength"/> characters.</summary>
    private static string FirstSentence(string reading)
    {
        var end = SentenceEnd().Match(reading);
        var sentence = end.Success ? reading[..(end.Index + 1)] : reading;
        if (sentence.Length <= ShortReadingLength)
        {
            return sentence;
        }

        var cut = sentence.LastIndexOf(' ', ShortReadingLength);
        return sentence[..(cut > 0 ? cut : ShortReadingLength)] + " …";
    }

    private static void Row(StringBuilder md, params string[] cells)
    {
        md.Append("| ");
        md.AppendJoin(" | ", cells.Select(Cell));
        md.Append(" |\n");
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Plural(int count) => count == 1 ? string.Empty : "s";

    /// <summary>A full stop that ends a sentence: after something other than a dot ("..." does not end one), before a space.</summary>
    [GeneratedRegex(@"(?<=[^.])\.\s")]
    private static partial Regex SentenceEnd();
}
