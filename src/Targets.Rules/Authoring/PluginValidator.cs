using System.Text.RegularExpressions;
using Targets.Core.Data;
using Targets.Core.Errors;
using Targets.Rules.Engine;
using Targets.Rules.Narratives;
using Targets.Rules.Plugins;
using Targets.Rules.RuleSets;
using Targets.Rules.Serialization;

namespace Targets.Rules.Authoring;

/// <summary>What <see cref="PluginValidator"/> found in a plugin folder.</summary>
/// <param name="Problems">Every problem, one line each (<c>file:line:column (path): what is wrong</c>); empty when the plugin is sound.</param>
/// <param name="Manifest">The manifest, when it reads.</param>
/// <param name="RuleSets">The rule sets that read.</param>
/// <param name="SamplesRendered">The samples evaluated and rendered as text and Markdown.</param>
internal sealed record PluginValidation(IReadOnlyList<string> Problems, PluginManifest? Manifest, IReadOnlyList<RuleSet> RuleSets, IReadOnlyList<string> SamplesRendered)
{
    public bool IsSound => Problems.Count == 0;
}

/// <summary>
/// Checks a plugin folder the way an author needs it checked: every problem, not just the first. Each file against its
/// schema (every schema problem of a file), then its meaning; the rule sets compiled together; every template parsed,
/// each named after a default it overrides or included by another (a misnamed override such as <c>sumary.scriban</c>
/// would otherwise be ignored without a word); every sample read, evaluated and rendered.
/// </summary>
internal static partial class PluginValidator
{
    public static PluginValidation Validate(string folder, IRuleEngine engine, NarrativeRenderer renderer)
    {
        var problems = new List<string>();
        if (!Directory.Exists(folder))
        {
            return new PluginValidation([$"{folder}: the plugin folder does not exist"], null, [], []);
        }

        var content = new FolderContent(folder);
        var manifest = ReadJson(content, "plugin.json", TargetsSchema.Plugin, problems, (name, utf8) => PluginManifest.Read(name, utf8, checkSchema: false));
        var ruleSets = new List<RuleSet>();
        var ruleFiles = Files(content, "rules", ".rules.json", "a rule set's file name ends in .rules.json", problems);
        foreach (var file in ruleFiles)
        {
            if (ReadJson(content, file, TargetsSchema.RuleSet, problems, (name, utf8) => RuleSetReader.Read(name, utf8, checkSchema: false)) is { } set)
            {
                ruleSets.Add(set);
            }
        }

        if (ruleFiles.Count == 0 && content.List("rules") is [])
        {
            problems.Add($"{content.Cite("rules")}: the plugin has no rule sets (rules/*.rules.json)");
        }

        ICompiledRuleSet? rules = null;
        if (manifest is not null && ruleSets.Count > 0 && ruleSets.Count == ruleFiles.Count)
        {
            rules = Attempt(problems, () => engine.Compile(new Locality(manifest.Code, manifest.Name, manifest.UnitName), ruleSets, []));
        }

        var templates = CheckTemplates(content, folder, problems);
        var samples = new List<(string File, Dataset Dataset)>();
        foreach (var file in Files(content, "samples", ".json", "a sample is a .json dataset", problems))
        {
            if (ReadJson(content, file, TargetsSchema.Dataset, problems, (name, utf8) => DatasetReader.Read(name, utf8, checkSchema: false)) is { } dataset)
            {
                samples.Add((file, dataset));
            }
        }

        if (manifest is not null && !content.Exists(manifest.DefaultSample))
        {
            problems.Add($"{content.Cite("plugin.json")} ($.defaultSample): the default sample '{manifest.DefaultSample}' is not in the folder");
        }

        var rendered = new List<string>();
        if (rules is not null)
        {
            foreach (var (file, dataset) in samples)
            {
                if (Attempt(problems, () =>
                    {
                        var assessment = rules.Evaluate(dataset);
                        if (templates is null)
                        {
                            // Templates that do not parse are problems already: rendering would only say so again.
                            return null;
                        }

                        foreach (var format in new[] { NarrativeFormat.Text, NarrativeFormat.Markdown })
                        {
                            renderer.Render(assessment, rules, templates, format);
                        }

                        return file;
                    }) is { } done)
                {
                    rendered.Add(done);
                }
            }
        }

        return new PluginValidation(problems, manifest, ruleSets, rendered);
    }

    /// <summary>
    /// The plugin's templates, each parsed, each a default's override or included by another; null when they cannot be
    /// loaded or one does not parse (the problems say why).
    /// </summary>
    private static IReadOnlyDictionary<string, TemplateText>? CheckTemplates(FolderContent content, string folder, List<string> problems)
    {
        Files(content, "templates", ".scriban", "a template's file name ends in .scriban", problems);
        var loaded = Attempt(problems, () => TargetsPlugin.FromFolder(folder).LoadTemplates());
        if (loaded is null)
        {
            return null;
        }

        var includes = loaded.Values
            .SelectMany(template => IncludeByName().Matches(template.Text).Select(match => (template.Origin, Name: match.Groups["name"].Value)))
            .ToList();
        var known = new HashSet<string>([.. NarrativeRenderer.DefaultTemplateNames, .. loaded.Keys], StringComparer.Ordinal);
        foreach (var (origin, name) in includes.Where(include => !known.Contains(include.Name)))
        {
            problems.Add($"{origin}: include '{name}' names no template{DidYouMean(name, known)}");
        }

        var included = includes.Select(include => include.Name).ToHashSet(StringComparer.Ordinal);
        var parsed = true;
        foreach (var (name, template) in loaded)
        {
            var parseProblems = NarrativeRenderer.ParseProblems(template).Select(problem => problem.Message).ToList();
            problems.AddRange(parseProblems);
            parsed &= parseProblems.Count == 0;
            if (!NarrativeRenderer.DefaultTemplateNames.Contains(name) && !included.Contains(name))
            {
                problems.Add(
                    $"{template.Origin}: no default template is named '{name}' and no template includes it, so it would never be used{DidYouMean(name, NarrativeRenderer.DefaultTemplateNames)}; "
                    + $"a file overrides the default of its name: {string.Join(", ", NarrativeRenderer.DefaultTemplateNames)} (docs/templates.md)");
            }
        }

        return parsed ? loaded : null;
    }

    /// <summary>The files of a folder of the plugin with the right ending; every other file is a problem (it would not be read).</summary>
    private static List<string> Files(FolderContent content, string folder, string ending, string rule, List<string> problems)
    {
        var files = Attempt(problems, () => content.List(folder)) ?? [];
        foreach (var stray in files.Where(file => !file.EndsWith(ending, StringComparison.Ordinal)))
        {
            problems.Add($"{content.Cite(stray)}: this file is not read: {rule}");
        }

        return [.. files.Where(file => file.EndsWith(ending, StringComparison.Ordinal))];
    }

    /// <summary>Reads a JSON file: its syntax, then every schema problem, then (only when the schema holds) its meaning.</summary>
    private static T? ReadJson<T>(FolderContent content, string path, TargetsSchema schema, List<string> problems, Func<string, ReadOnlyMemory<byte>, T> read)
        where T : class =>
        Attempt(problems, () =>
        {
            static Exception Error(string problem, SourceLocation location) => new RuleSetException(problem, location);
            var name = content.Cite(path);
            var utf8 = content.Read(path);
            var input = JsonInput.FromBytes(name, utf8, problem => new RuleSetException(problem, new SourceLocation(name)));
            input.CheckSyntax(Error);
            var found = SchemaValidator.Problems(input, schema, Error);
            problems.AddRange(found.Select(problem => $"{problem.Location}: {problem.Problem}"));
            return found.Count == 0 ? read(name, utf8) : null;
        });

    private static T? Attempt<T>(List<string> problems, Func<T?> action)
        where T : class
    {
        try
        {
            return action();
        }
        catch (TargetsException exception)
        {
            problems.Add(exception.Message);
            return null;
        }
    }

    /// <summary><c> (did you mean 'summary'?)</c> when a known name is within two edits, else nothing.</summary>
    internal static string DidYouMean(string name, IEnumerable<string> candidates)
    {
        var best = candidates.Select(candidate => (candidate, Distance: EditDistance(name, candidate)))
            .Where(c => c.Distance <= Math.Max(2, name.Length / 4))
            .OrderBy(c => c.Distance).ThenBy(c => c.candidate, StringComparer.Ordinal)
            .FirstOrDefault();
        return best.candidate is null ? string.Empty : $" (did you mean '{best.candidate}'?)";
    }

    private static int EditDistance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }

    [GeneratedRegex("""include\s+['"](?<name>[^'"]+)['"]""")]
    private static partial Regex IncludeByName();
}
