using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;
using Targets.Core.Errors;
using Targets.Rules.Narratives.Rendering.Direct;
using Targets.Rules.Plugins;

namespace Targets.Rules.Narratives.Rendering;

/// <summary>A thread's context for one renderer and one plugin's templates, with every template of the set parsed.</summary>
internal sealed record RenderSession(
    NarrativeRenderer Renderer,
    IReadOnlyDictionary<string, TemplateText> Plugin,
    KeyValuePair<string, TemplateText>[] PluginWhenMade,
    TemplateSet Templates,
    BoundedTemplateContext Context,
    IReadOnlyDictionary<string, Template> Parsed)
{
    /// <summary>
    /// The direct form of each of the plugin's templates (null for one that uses what only Scriban evaluates), for this
    /// session's context alone: an override rendered where the writer reaches it is rendered by it.
    /// </summary>
    public IReadOnlyDictionary<string, DirectTemplate?> Direct { get; } =
        Plugin.Keys.ToDictionary(name => name, name => DirectTemplate.TryCreate(Parsed[name]), StringComparer.Ordinal);

    private readonly ScriptObject _globals = [];

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

    /// <summary>
    /// Makes the context ready for one report (or one template of a plugin author's test): its own budget, the format's
    /// escaping, the templates already parsed, and the model's members as globals beside <c>md</c>, <c>vi</c> and
    /// <c>include</c>. Returns those globals.
    /// </summary>
    public ScriptObject Begin(object model, NarrativeFormat format, RenderBudget budget)
    {
        Context.Begin(budget, TextEscaping.For(format));

        // Scriban caches included templates per context (and Begin empties that cache); hand it the ones already parsed,
        // so that an include inside a loop (result-line, once per period) is not parsed again on every render.
        foreach (var (name, parsed) in Parsed)
        {
            Context.CachedTemplates[name] = parsed;
        }

        // One globals object serves report after report: the context let go of the last report's at Begin.
        var globals = _globals;
        globals.Clear();
        Context.ImportModel(globals, model);
        globals.SetValue("md", format == NarrativeFormat.Markdown, readOnly: true);
        globals.SetValue("vi", VietnameseFunctions.Instance, readOnly: true);
        globals.SetValue("include", IncludeRendered.Instance, readOnly: true);
        Context.PushGlobal(globals);
        return globals;
    }

    /// <summary>
    /// Renders template <paramref name="name"/> in the context. A template's failure (Scriban's, or a function's it called)
    /// becomes the <see cref="TemplateException"/> naming it, and the session, its context left half-way (loops, outputs,
    /// globals pushed), is discarded so that it is not used again.
    /// </summary>
    public string Render<TState>(string name, TState state, Func<BoundedTemplateContext, TState, string> render, Action<RenderSession> discard)
    {
        var reusable = false;
        try
        {
            var text = render(Context, state);
            reusable = true;
            return text;
        }
        catch (Exception exception) when (exception is ScriptRuntimeException or InvalidOperationException or ArgumentException)
        {
            throw Failure(exception, name);
        }
        finally
        {
            if (!reusable)
            {
                discard(this);
            }
        }
    }

    /// <summary>
    /// The error of a template that failed while <paramref name="name"/> was rendered. Templates include one another: it
    /// names the one that failed (the file the error's place is in), not the one rendered first.
    /// </summary>
    private TemplateException Failure(Exception exception, string name)
    {
        var failed = exception is ScriptRuntimeException { Span.FileName: { } file } && Templates.NameOf(file) is { } included
            ? (Name: included, Origin: file)
            : (Name: name, Templates.Get(name)!.Origin);
        return new TemplateException($"template '{failed.Name}' failed: {exception.Message}", new SourceLocation(failed.Origin), exception);
    }
}

/// <summary>The templates one rendering may use: the plugin's, then the defaults.</summary>
internal sealed class TemplateSet(IReadOnlyDictionary<string, TemplateText> defaults, IReadOnlyDictionary<string, TemplateText> plugin)
{
    public IEnumerable<string> Names => plugin.Keys.Union(defaults.Keys, StringComparer.Ordinal);

    public TemplateText? Get(string name) =>
        plugin.TryGetValue(name, out var own) ? own : defaults.TryGetValue(name, out var fallback) ? fallback : null;

    /// <summary>The name of the template read from <paramref name="origin"/>, if it is one of the set.</summary>
    public string? NameOf(string origin) => Names.FirstOrDefault(n => Get(n)!.Origin == origin);
}

/// <summary>Resolves <c>include 'name'</c> to a template of the set by bare name only: no paths, nothing outside.</summary>
internal sealed class ConfinedTemplateLoader(TemplateSet templates) : ITemplateLoader
{
    public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName)
    {
        if (templateName.Length == 0 || templateName.Any(c => !(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')))
        {
            throw new ScriptRuntimeException(callerSpan, $"include '{templateName}' is refused: a template includes others of its plugin by bare name only");
        }

        return templates.Get(templateName) is null
            ? throw new ScriptRuntimeException(callerSpan, $"include '{templateName}' is refused: the plugin has no such template")
            : templateName;
    }

    public string Load(TemplateContext context, SourceSpan callerSpan, string templatePath) => templates.Get(templatePath)!.Text;

    public ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) => new(Load(context, callerSpan, templatePath));
}
