using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Targets.Core.Errors;
using Targets.Core.Evaluation;
using Targets.Core.Formatting;
using Targets.Core.Periods;
using Targets.Rules.Engine;
using Targets.Rules.Plugins;

namespace Targets.Rules.Narratives;

/// <summary>How a narrative is laid out.</summary>
public enum NarrativeFormat
{
    /// <summary>Plain text.</summary>
    Text,

    /// <summary>Markdown.</summary>
    Markdown,
}

/// <summary>
/// Renders the Vietnamese "kết quả thực hiện các chỉ tiêu" section with Scriban: one paragraph per target from the
/// template of its requirement kind, then the summary, tasks, view by unit and the report around them. A plugin's
/// templates override the defaults by name. Rendering is bounded (loops, recursion, output size) and an include can only
/// reach the plugin's own templates and the defaults.
/// </summary>
public sealed class NarrativeRenderer
{
    /// <summary>The default templates, by name.</summary>
    public static IReadOnlyList<string> DefaultTemplateNames { get; } =
        ["report", "summary", "goals", "tasks", "by-unit", "result-line", "target-heading", "target-footer", "target-level", "target-change", "target-range", "target-zero", "target-deliverable", "target-quota", "target-composite", "target-expression"];

    private const int LoopLimit = 10_000;
    private const int RecursiveLimit = 32;
    private const int OutputLimit = 4 * 1024 * 1024;

    /// <summary>
    /// Evaluation steps one template rendering may take. Loops and recursion have their own limits, but a few functions
    /// that each call the one before twice make 2^30 calls without breaking either; a report's template takes a few
    /// thousand steps.
    /// </summary>
    private const long StepLimit = 2_000_000;

    /// <summary>Wall-clock time one template rendering may take: the last guard, for work no count catches (a string rebuilt in a loop).</summary>
    private static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(5);

    /// <summary>Time one regular expression match may take (Scriban's default is ten seconds).</summary>
    private static readonly TimeSpan RegexTimeLimit = TimeSpan.FromSeconds(1);

    private static readonly Lazy<Dictionary<string, TemplateText>> Defaults = new(LoadDefaults);
    // Keyed by the template instance: hashing a template's whole text on every lookup cost more than the lookup saved,
    // and a weak table lets templates a caller loaded and dropped be collected.
    private readonly ConditionalWeakTable<TemplateText, Template> _parsed = new();

    /// <summary>Renders an assessment.</summary>
    /// <param name="assessment">The results.</param>
    /// <param name="rules">The compiled rules they came from.</param>
    /// <param name="pluginTemplates">The plugin's templates, overriding the defaults by name.</param>
    /// <param name="format">Plain text or Markdown.</param>
    /// <param name="planOverride">The plan period the rules were applied to, when not the documents' own.</param>
    /// <exception cref="TemplateException">A template does not parse, fails, or breaks a limit.</exception>
    public string Render(
        Assessment assessment,
        ICompiledRuleSet rules,
        IReadOnlyDictionary<string, TemplateText> pluginTemplates,
        NarrativeFormat format = NarrativeFormat.Text,
        ReportingPeriod? planOverride = null)
    {
        var templates = new TemplateSet(Defaults.Value, pluginTemplates);
        var byTarget = assessment.Results.GroupBy(r => r.Target.Id).ToDictionary(g => g.Key, g => (IReadOnlyList<TargetResult>)[.. g]);
        var documents = rules.RuleSets.Where(set => assessment.Documents.Contains(set.Document)).Select(set => new DocumentSectionModel(
            RequirementText.Citation(set.Document),
            set.Document.Title,
            VietnameseFormat.Period(planOverride ?? set.Document.Period),
            [.. set.Targets.Select(target =>
            {
                var model = NarrativeModelBuilder.Target(target, byTarget.TryGetValue(target.Id, out var results) ? results : [], rules, planOverride);
                return RenderOne(templates, "target-" + model.Kind, model, format).Trim();
            })])).ToList();

        var summary = NarrativeModelBuilder.Summary(assessment.Summary);
        var tasks = assessment.Tasks.Select(NarrativeModelBuilder.Task).ToList();
        var units = NarrativeModelBuilder.ByUnit(assessment);
        var goals = assessment.Goals.Select(g => new GoalModel(g.Id.Value, g.Clause, g.Wording, g.Reason, NarrativeModelBuilder.DocumentShort(g.Document))).ToList();
        var report = new ReportModel
        {
            LocalityName = assessment.LocalityName,
            UnitName = rules.Locality.UnitName ?? assessment.LocalityName,
            AsOfText = VietnameseFormat.LongDate(assessment.AsOf),
            DataNote = assessment.DataDescription ?? string.Empty,
            SummaryText = RenderOne(templates, "summary", summary, format).Trim(),
            Documents = documents,
            GoalsText = goals.Count == 0 ? string.Empty : RenderOne(templates, "goals", new { Goals = goals }, format).Trim(),
            TasksText = tasks.Count == 0 ? string.Empty : RenderOne(templates, "tasks", new { Tasks = tasks }, format).Trim(),
            UnitsText = units.Count == 0 ? string.Empty : RenderOne(templates, "by-unit", new { Units = units }, format).Trim(),
            Summary = summary,
        };
        return Tidy(RenderOne(templates, "report", report, format));
    }

    /// <summary>Renders one template with a model; exposed for plugin authors' golden tests.</summary>
    /// <exception cref="TemplateException">The template does not parse, fails, or breaks a limit.</exception>
    public string RenderTemplate(string name, object model, IReadOnlyDictionary<string, TemplateText> pluginTemplates, NarrativeFormat format = NarrativeFormat.Text) =>
        RenderOne(new TemplateSet(Defaults.Value, pluginTemplates), name, model, format);

    private string RenderOne(TemplateSet templates, string name, object model, NarrativeFormat format)
    {
        var source = templates.Get(name) ?? throw new TemplateException($"there is no template '{name}'", null);
        var template = Parse(source);
        var globals = new ScriptObject();
        globals.Import(model, renamer: StandardMemberRenamer.Default);
        globals.SetValue("md", format == NarrativeFormat.Markdown, readOnly: true);
        globals.SetValue("vi", VietnameseFunctions.Instance, readOnly: true);
        var context = new BoundedTemplateContext(StepLimit, TimeLimit)
        {
            LoopLimit = LoopLimit,
            RecursiveLimit = RecursiveLimit,
            ObjectRecursionLimit = RecursiveLimit,
            OutputLimit = OutputLimit,
            LimitToString = OutputLimit,

            // A report cut short without a word is worse than no report: reaching a limit is an error, never a truncation.
            OnOutputLimit = ScriptLimitBehavior.Throw,
            OnStringLimit = ScriptLimitBehavior.Throw,
            RegexTimeOut = RegexTimeLimit,
            StrictVariables = true,
            MemberRenamer = StandardMemberRenamer.Default,
            TemplateLoader = new ConfinedTemplateLoader(templates),
            TemplateLoaderParserOptions = new ParserOptions { ExpressionDepthLimit = 64 },
        };
        // Scriban caches included templates per context; hand it the ones already parsed, so that an include inside a
        // loop (result-line, once per period) is not parsed again on every render.
        foreach (var included in templates.Names)
        {
            context.CachedTemplates[included] = Parse(templates.Get(included)!);
        }

        context.PushGlobal(globals);
        try
        {
            return template.Render(context);
        }
        catch (Exception exception) when (exception is Scriban.Syntax.ScriptRuntimeException or InvalidOperationException or ArgumentException)
        {
            throw new TemplateException($"template '{name}' failed: {exception.Message}", new SourceLocation(source.Origin), exception);
        }
    }

    private Template Parse(TemplateText source) =>
        _parsed.GetValue(source, key =>
        {
            var template = Template.Parse(key.Text, key.Origin, new ParserOptions { ExpressionDepthLimit = 64 });
            if (template.HasErrors)
            {
                var first = template.Messages.First(m => m.Type == ParserMessageType.Error);
                throw new TemplateException(
                    $"template does not parse: {first.Message}",
                    new SourceLocation(key.Origin, first.Span.Start.Line + 1, first.Span.Start.Column + 1));
            }

            return template;
        });

    /// <summary>Collapses the blank lines templates leave behind, so output is stable whatever the template spacing.</summary>
    private static string Tidy(string text)
    {
        // One pass: lines right-trimmed, runs of blank lines kept to one, none at either end, one final newline.
        var result = new System.Text.StringBuilder(text.Length);
        var pendingBlank = false;
        foreach (var raw in text.AsSpan().EnumerateLines())
        {
            var line = raw.TrimEnd();
            if (line.IsEmpty)
            {
                pendingBlank = result.Length > 0;
                continue;
            }

            if (pendingBlank)
            {
                result.Append('\n');
                pendingBlank = false;
            }

            result.Append(line).Append('\n');
        }

        return result.Length == 0 ? "\n" : result.ToString();
    }

    private static Dictionary<string, TemplateText> LoadDefaults()
    {
        var assembly = typeof(NarrativeRenderer).Assembly;
        return DefaultTemplateNames.ToDictionary(
            name => name,
            name =>
            {
                var resource = $"Targets.Rules.Templates.{name}.scriban";
                using var stream = assembly.GetManifestResourceStream(resource)
                    ?? throw new InvalidOperationException($"default template '{resource}' is not embedded");
                using var reader = new StreamReader(stream);
                return new TemplateText(reader.ReadToEnd(), $"Targets.Rules:templates/{name}.scriban");
            },
            StringComparer.Ordinal);
    }

    /// <summary>
    /// A template context that counts every evaluation step and watches the clock, so that no template, however written,
    /// runs for long: it fails with a runtime error naming the place it was stopped.
    /// </summary>
    private sealed class BoundedTemplateContext(long stepLimit, TimeSpan timeLimit) : TemplateContext(Builtins)
    {
        // Scriban's builtin functions never change; one set serves every context instead of a copy per template render.
        private static readonly ScriptObject Builtins = GetDefaultBuiltinObject();

        private readonly long _deadline = System.Diagnostics.Stopwatch.GetTimestamp() + (long)(timeLimit.TotalSeconds * System.Diagnostics.Stopwatch.Frequency);
        private long _steps;

        public override object? Evaluate(Scriban.Syntax.ScriptNode? scriptNode, bool aliasReturnedFunction)
        {
            if (++_steps > stepLimit)
            {
                throw new Scriban.Syntax.ScriptRuntimeException(
                    scriptNode?.Span ?? default, $"the template exceeds {stepLimit.ToString(System.Globalization.CultureInfo.InvariantCulture)} evaluation steps");
            }

            if (System.Diagnostics.Stopwatch.GetTimestamp() > _deadline)
            {
                throw new Scriban.Syntax.ScriptRuntimeException(
                    scriptNode?.Span ?? default, $"the template runs for longer than {timeLimit.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)} s");
            }

            return base.Evaluate(scriptNode, aliasReturnedFunction);
        }
    }

    /// <summary>The templates one rendering may use: the plugin's, then the defaults.</summary>
    private sealed class TemplateSet(IReadOnlyDictionary<string, TemplateText> defaults, IReadOnlyDictionary<string, TemplateText> plugin)
    {
        public IEnumerable<string> Names => plugin.Keys.Union(defaults.Keys, StringComparer.Ordinal);

        public TemplateText? Get(string name) =>
            plugin.TryGetValue(name, out var own) ? own : defaults.TryGetValue(name, out var fallback) ? fallback : null;
    }

    /// <summary>Resolves <c>include 'name'</c> to a template of the set by bare name only: no paths, nothing outside.</summary>
    private sealed class ConfinedTemplateLoader(TemplateSet templates) : ITemplateLoader
    {
        public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName)
        {
            if (templateName.Length == 0 || templateName.Any(c => !(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')))
            {
                throw new Scriban.Syntax.ScriptRuntimeException(callerSpan, $"include '{templateName}' is refused: a template includes others of its plugin by bare name only");
            }

            return templates.Get(templateName) is null
                ? throw new Scriban.Syntax.ScriptRuntimeException(callerSpan, $"include '{templateName}' is refused: the plugin has no such template")
                : templateName;
        }

        public string Load(TemplateContext context, SourceSpan callerSpan, string templatePath) => templates.Get(templatePath)!.Text;

        public ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) => new(Load(context, callerSpan, templatePath));
    }
}

/// <summary>Vietnamese number formatting for templates: <c>vi.number</c>, <c>vi.percent</c>.</summary>
internal sealed class VietnameseFunctions : ScriptObject
{
    public static readonly VietnameseFunctions Instance = new();

    private VietnameseFunctions()
    {
        this.Import("number", new Func<decimal, int, string>((value, decimals) => VietnameseFormat.Number(value, decimals)));
        this.Import("percent", new Func<decimal, int, bool, string>((value, decimals, trim) => VietnameseFormat.Percent(value, decimals, trim)));
        this.Import("lower_first", new Func<string, string>(text => text.Length == 0 ? text : char.ToLowerInvariant(text[0]) + text[1..]));
        IsReadOnly = true;
    }
}
