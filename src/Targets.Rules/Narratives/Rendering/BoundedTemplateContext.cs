using System.Globalization;
using Scriban;
using Scriban.Syntax;

namespace Targets.Rules.Narratives.Rendering;

/// <summary>
/// A template context that spends the report's <see cref="RenderBudget"/> on every evaluation step, sees only the
/// <see cref="DeterministicBuiltins"/>, and formats with the invariant culture, so that no template, however written,
/// runs for long or writes anything that is not a function of its model; every value a template prints is escaped for
/// the output format.
/// </summary>
internal sealed class BoundedTemplateContext : TemplateContext
{
    private readonly RenderBudget _budget;
    private readonly Func<string, string> _escape;

    public BoundedTemplateContext(RenderBudget budget, Func<string, string> escape)
        : base(DeterministicBuiltins.Instance)
    {
        _budget = budget;
        _escape = escape;
        PushCulture(CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Renders a template in this context with the thread's culture set to the invariant one for the while: some built-ins
    /// (<c>string.capitalize</c>) read the thread's culture rather than the context's, and under tr-TR made 'i' an 'İ'.
    /// </summary>
    public string Render(Template template)
    {
        var saved = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        try
        {
            return template.Render(this);
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    public override object? Evaluate(ScriptNode? scriptNode, bool aliasReturnedFunction)
    {
        _budget.Spend(scriptNode);
        return base.Evaluate(scriptNode, aliasReturnedFunction);
    }

    // Every value a template prints passes here: data is escaped for the format, while an included template's output
    // (already escaped where its own values were printed) passes as it is.
    public override TemplateContext Write(Scriban.Parsing.SourceSpan span, object? textAsObject) => textAsObject switch
    {
        null => this,
        IncludeRendered.Output included => base.Write(span, included.Text),
        _ => base.Write(span, _escape(ObjectToString(textAsObject) ?? string.Empty)),
    };
}
