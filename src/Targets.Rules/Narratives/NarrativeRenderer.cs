using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;
using Targets.Core.Errors;
using Targets.Core.Evaluation;
using Targets.Core.Formatting;
using Targets.Core.Periods;
using Targets.Rules.Engine;
using Targets.Rules.Narratives.Rendering;
using Targets.Rules.Narratives.Writing;
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
/// <remarks>
/// The default templates are also written in C# (<see cref="DefaultReportWriter"/>), to the character: a report is written
/// that way, and only the templates a plugin overrides are rendered through Scriban, where the default would have been
/// included. A plugin that overrides <c>report</c> itself is rendered wholly through Scriban, and so is every
/// <see cref="RenderTemplate"/>. One renderer serves many threads at once (a batch split over the cores): each thread
/// keeps its own rendering contexts.
/// </remarks>
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

    private static readonly Action<RenderSession> DiscardSession = Discard;

    private readonly TimeProvider _clock;
    private readonly RenderLimits _limits;
    private readonly RenderPath _path;
    private readonly Action<ScriptNode>? _observer;
    private readonly Func<RenderBudget> _newBudget;
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

    /// <param name="clock">The clock the time limit runs on.</param>
    /// <param name="limits">The work a report may take.</param>
    /// <param name="path">How the default templates are rendered: written in C# (the default), or all through Scriban.</param>
    /// <param name="observer">Told of every template node Scriban evaluates (tests of branch coverage); null otherwise.</param>
    internal NarrativeRenderer(TimeProvider clock, RenderLimits limits, RenderPath path = RenderPath.Native, Action<ScriptNode>? observer = null)
    {
        _clock = clock;
        _limits = limits;
        _path = path;
        _observer = observer;
        _newBudget = () => new RenderBudget(_limits, _clock);
    }

    /// <summary>How a renderer renders the default templates.</summary>
    internal enum RenderPath
    {
        /// <summary>Written by <see cref="DefaultReportWriter"/>; a plugin's overrides through Scriban.</summary>
        Native,

        /// <summary>Every template through Scriban, as before the writer: the reference the writer is tested against.</summary>
        Scriban,
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
    public string Render(Report report, IReadOnlyDictionary<string, TemplateText> pluginTemplates, NarrativeFormat format = NarrativeFormat.Text)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(pluginTemplates);
        if (_path == RenderPath.Scriban || pluginTemplates.ContainsKey("report"))
        {
            return NarrativeTidying.Tidy(RenderOne(pluginTemplates, "report", report, format));
        }

        // A plugin's templates are all parsed (a broken one refused) whether or not this report reaches them, as they are
        // on the Scriban path.
        var overrides = pluginTemplates.Count == 0
            ? null
            : new PluginTemplateOverrides(SessionFor(pluginTemplates), report, format, _newBudget, DiscardSession);
        return DefaultReportWriter.Write(report, format, overrides, OutputLimit);
    }

    /// <summary>Renders one template with a model; exposed for plugin authors' golden tests.</summary>
    /// <exception cref="TemplateException">The template does not parse, fails, or breaks a limit.</exception>
    public string RenderTemplate(string name, object model, IReadOnlyDictionary<string, TemplateText> pluginTemplates, NarrativeFormat format = NarrativeFormat.Text) =>
        RenderOne(pluginTemplates, name, model, format);

    private string RenderOne(IReadOnlyDictionary<string, TemplateText> pluginTemplates, string name, object model, NarrativeFormat format)
    {
        var session = SessionFor(pluginTemplates);
        var source = session.Templates.Get(name) ?? throw new TemplateException($"there is no template '{name}'", null);
        var template = Parse(source);
        // One budget per report, whatever the context has rendered before.
        session.Begin(model, format, new RenderBudget(_limits, _clock));
        return session.Render(name, template, static (context, template) => context.Render(template), DiscardSession);
    }

    private static void Discard(RenderSession session) => t_sessions?.Remove(session);

    /// <summary>
    /// This thread's rendering context for the plugin's templates, made on first use: a context per report cost more than
    /// the report's rendering (Scriban's accessors for every model type were built again each time). A few are kept per
    /// thread, one per renderer and template set.
    /// </summary>
    internal RenderSession SessionFor(IReadOnlyDictionary<string, TemplateText> pluginTemplates)
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
        var context = new BoundedTemplateContext(new RenderBudget(_limits, _clock), TextEscaping.PlainText, _observer)
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

            // A misspelt member is an error like a misspelt variable: printed as nothing, it would leave a hole in a filed report.
            EnableRelaxedMemberAccess = false,
            MemberRenamer = StandardMemberRenamer.Default,
            TemplateLoader = new ConfinedTemplateLoader(templates),
            TemplateLoaderParserOptions = new ParserOptions { ExpressionDepthLimit = 64 },
        };
        var session = new RenderSession(
            this, pluginTemplates, [.. pluginTemplates], templates, context, templates.Names.ToDictionary(n => n, n => Parse(templates.Get(n)!), StringComparer.Ordinal));
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
                return new TemplateText(reader.ReadToEnd(), DefaultOrigin(name));
            },
            StringComparer.Ordinal);
    }

    /// <summary>Where a default template is cited from in errors.</summary>
    internal static string DefaultOrigin(string name) => $"Targets.Rules:templates/{name}.scriban";
}
