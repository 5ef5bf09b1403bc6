using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Targets.Core.Errors;
using Targets.Core.Evaluation;
using Targets.Core.Formatting;
using Targets.Core.Periods;
using Targets.Rules.Engine;
using Targets.Rules.Narratives.Rendering;
using Targets.Rules.Plugins;
using Targets.Rules.Reporting;

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
/// Renders the Vietnamese "kết quả thực hiện các chỉ tiêu" section from a <see cref="Report"/> with Scriban, in one pass
/// through the <c>report</c> template: it includes the summary, each document, clause and target (by the template of
/// its requirement kind), one result line per assessed year, the findings, tasks, view by unit and the annex. A plugin's
/// templates override the defaults by name. Rendering is bounded (loops, recursion, output size), an include can only
/// reach the plugin's own templates and the defaults, and every value printed is escaped for the format.
/// </summary>
public sealed class NarrativeRenderer
{
    /// <summary>The default templates, by name.</summary>
    public static IReadOnlyList<string> DefaultTemplateNames { get; } =
        ["report", "summary", "table", "document", "clause", "target-heading", "result-line", "result-body", "target-footer", "target-level", "target-change", "target-range",
            "target-zero", "target-deliverable", "target-quota", "target-composite", "target-expression", "findings", "tasks", "by-unit", "unused-figures", "annex", "goals"];

    private const int LoopLimit = 10_000;
    private const int RecursiveLimit = 32;
    private const int OutputLimit = 4 * 1024 * 1024;

    /// <summary>Time one regular expression match may take (Scriban's default is ten seconds).</summary>
    private static readonly TimeSpan RegexTimeLimit = TimeSpan.FromSeconds(1);

    private static readonly Lazy<Dictionary<string, TemplateText>> Defaults = new(LoadDefaults);

    private const int SessionsPerThread = 8;

    [ThreadStatic]
    private static List<RenderSession>? t_sessions;

    private readonly TimeProvider _clock;
    private readonly RenderLimits _limits;
    // Keyed by the template instance: hashing a template's whole text on every lookup cost more than the lookup saved,
    // and a weak table lets templates a caller loaded and dropped be collected.
    private readonly ConditionalWeakTable<TemplateText, Template> _parsed = new();

    /// <summary>Creates a renderer whose time limit runs on the system clock.</summary>
    public NarrativeRenderer()
        : this(TimeProvider.System)
    {
    }

    /// <summary>Creates a renderer whose time limit (five seconds a report) runs on <paramref name="clock"/>.</summary>
    public NarrativeRenderer(TimeProvider clock)
        : this(clock, RenderLimits.Default)
    {
    }

    internal NarrativeRenderer(TimeProvider clock, RenderLimits limits)
    {
        _clock = clock;
        _limits = limits;
    }

    /// <summary>Renders an assessment: builds its <see cref="Report"/> and renders that.</summary>
    /// <param name="assessment">The results.</param>
    /// <param name="rules">The compiled rules they came from.</param>
    /// <param name="pluginTemplates">The plugin's templates, overriding the defaults by name.</param>
    /// <param name="format">Plain text or Markdown.</param>
    /// <param name="planOverride">The plan period the rules were applied to, when not the documents' own.</param>
    /// <exception cref="TemplateException">A template does not parse, fails, or breaks a limit.</exception>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The overloads differ in their first parameter (an assessment, a report): no call binds to both.")]
    public string Render(
        Assessment assessment,
        ICompiledRuleSet rules,
        IReadOnlyDictionary<string, TemplateText> pluginTemplates,
        NarrativeFormat format = NarrativeFormat.Text,
        ReportingPeriod? planOverride = null) =>
        Render(ReportBuilder.Build(assessment, rules, planOverride), pluginTemplates, format);

    /// <summary>
    /// Renders a report through the <c>report</c> template, which includes the others by name (a plugin's templates first).
    /// Everything a template prints from the model is escaped for the format (<see cref="TextEscaping"/>); markup comes
    /// only from the templates' own text.
    /// </summary>
    /// <exception cref="TemplateException">A template does not parse, fails, or breaks a limit.</exception>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The overloads differ in their first parameter (an assessment, a report): no call binds to both.")]
    public string Render(Report report, IReadOnlyDictionary<string, TemplateText> pluginTemplates, NarrativeFormat format = NarrativeFormat.Text) =>
        Tidy(RenderOne(pluginTemplates, "report", report, format));

    /// <summary>Renders one template with a model; exposed for plugin authors' golden tests.</summary>
    /// <exception cref="TemplateException">The template does not parse, fails, or breaks a limit.</exception>
    public string RenderTemplate(string name, object model, IReadOnlyDictionary<string, TemplateText> pluginTemplates, NarrativeFormat format = NarrativeFormat.Text) =>
        RenderOne(pluginTemplates, name, model, format);

    private string RenderOne(IReadOnlyDictionary<string, TemplateText> pluginTemplates, string name, object model, NarrativeFormat format)
    {
        var session = SessionFor(pluginTemplates);
        var templates = session.Templates;
        var source = templates.Get(name) ?? throw new TemplateException($"there is no template '{name}'", null);
        var template = Parse(source);
        var context = session.Context;
        // One budget per report, whatever the context has rendered before.
        context.Begin(new RenderBudget(_limits, _clock), TextEscaping.For(format));
        // Scriban caches included templates per context (and Begin empties that cache); hand it the ones already parsed,
        // so that an include inside a loop (result-line, once per period) is not parsed again on every render.
        foreach (var (included, parsed) in session.Parsed)
        {
            context.CachedTemplates[included] = parsed;
        }

        var globals = new ScriptObject();
        globals.Import(model, renamer: StandardMemberRenamer.Default);
        globals.SetValue("md", format == NarrativeFormat.Markdown, readOnly: true);
        globals.SetValue("vi", VietnameseFunctions.Instance, readOnly: true);
        globals.SetValue("include", IncludeRendered.Instance, readOnly: true);
        context.PushGlobal(globals);
        var reusable = false;
        try
        {
            var text = context.Render(template);
            reusable = true;
            return text;
        }
        catch (Exception exception) when (exception is Scriban.Syntax.ScriptRuntimeException or InvalidOperationException or ArgumentException)
        {
            // Templates include one another: name the one that failed (the file the error's place is in), not the report's.
            var failed = exception is Scriban.Syntax.ScriptRuntimeException { Span.FileName: { } file } && templates.NameOf(file) is { } included
                ? (Name: included, Origin: file)
                : (Name: name, source.Origin);
            throw new TemplateException($"template '{failed.Name}' failed: {exception.Message}", new SourceLocation(failed.Origin), exception);
        }
        finally
        {
            // A context a failure left half-way (loops, outputs, globals pushed) is not used again.
            if (!reusable)
            {
                t_sessions?.Remove(session);
            }
        }
    }

    /// <summary>
    /// This thread's rendering context for the plugin's templates, made on first use: a context per report cost more than
    /// the report's rendering (Scriban's accessors for every model type were built again each time). A few are kept per
    /// thread, one per renderer and template set.
    /// </summary>
    private RenderSession SessionFor(IReadOnlyDictionary<string, TemplateText> pluginTemplates)
    {
        var sessions = t_sessions ??= [];
        foreach (var existing in sessions)
        {
            if (ReferenceEquals(existing.Renderer, this) && ReferenceEquals(existing.Plugin, pluginTemplates))
            {
                if (existing.Holds(pluginTemplates))
                {
                    return existing;
                }

                // The caller changed its dictionary since: start again from what it holds now.
                sessions.Remove(existing);
                break;
            }
        }

        if (sessions.Count == SessionsPerThread)
        {
            sessions.RemoveAt(0);
        }

        var templates = new TemplateSet(Defaults.Value, pluginTemplates);
        var context = new BoundedTemplateContext(new RenderBudget(_limits, _clock), TextEscaping.PlainText)
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
        var session = new RenderSession(
            this, pluginTemplates, [.. pluginTemplates], templates, context, [.. templates.Names.Select(n => (n, Parse(templates.Get(n)!)))]);
        sessions.Add(session);
        return session;
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

    /// <summary>Every error a template's text has when parsed, each located (for <c>targets validate</c>).</summary>
    internal static IEnumerable<TemplateException> ParseProblems(TemplateText source) =>
        Template.Parse(source.Text, source.Origin, new ParserOptions { ExpressionDepthLimit = 64 }).Messages
            .Where(message => message.Type == ParserMessageType.Error)
            .Select(message => new TemplateException(
                $"template does not parse: {message.Message}",
                new SourceLocation(source.Origin, message.Span.Start.Line + 1, message.Span.Start.Column + 1)));

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

    /// <summary>A thread's context for one renderer and one plugin's templates, with every template of the set parsed.</summary>
    private sealed record RenderSession(
        NarrativeRenderer Renderer,
        IReadOnlyDictionary<string, TemplateText> Plugin,
        KeyValuePair<string, TemplateText>[] PluginWhenMade,
        TemplateSet Templates,
        BoundedTemplateContext Context,
        (string Name, Template Template)[] Parsed)
    {
        /// <summary>Whether the plugin's dictionary still holds the very templates it held when this session was made.</summary>
        public bool Holds(IReadOnlyDictionary<string, TemplateText> plugin)
        {
            if (plugin.Count != PluginWhenMade.Length)
            {
                return false;
            }

            foreach (var (name, text) in PluginWhenMade)
            {
                if (!plugin.TryGetValue(name, out var now) || !ReferenceEquals(now, text))
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>The templates one rendering may use: the plugin's, then the defaults.</summary>
    private sealed class TemplateSet(IReadOnlyDictionary<string, TemplateText> defaults, IReadOnlyDictionary<string, TemplateText> plugin)
    {
        public IEnumerable<string> Names => plugin.Keys.Union(defaults.Keys, StringComparer.Ordinal);

        public TemplateText? Get(string name) =>
            plugin.TryGetValue(name, out var own) ? own : defaults.TryGetValue(name, out var fallback) ? fallback : null;

        /// <summary>The name of the template read from <paramref name="origin"/>, if it is one of the set.</summary>
        public string? NameOf(string origin) => Names.FirstOrDefault(n => Get(n)!.Origin == origin);
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

/// <summary>
/// Vietnamese formatting for templates, independent of culture: <c>vi.number</c>, <c>vi.percent</c>, <c>vi.upper</c>,
/// <c>vi.upper_first</c>, <c>vi.lower_first</c>.
/// </summary>
internal sealed class VietnameseFunctions : ScriptObject
{
    public static readonly VietnameseFunctions Instance = new();

    private VietnameseFunctions()
    {
        this.Import("number", new Func<decimal, int, string>((value, decimals) => VietnameseFormat.Number(value, decimals)));
        this.Import("percent", new Func<decimal, int, bool, string>((value, decimals, trim) => VietnameseFormat.Percent(value, decimals, trim)));
        this.Import("lower_first", new Func<string, string>(VietnameseFormat.LowerFirst));
        this.Import("upper_first", new Func<string, string>(VietnameseFormat.UpperFirst));
        this.Import("upper", new Func<string, string>(text => text.ToUpperInvariant()));
        IsReadOnly = true;
    }
}
