using System.Globalization;
using Scriban;
using Scriban.Syntax;

namespace Targets.Rules.Narratives.Rendering;

/// <summary>
/// A template context that spends the report's <see cref="RenderBudget"/> on every evaluation step, sees only the
/// <see cref="DeterministicBuiltins"/>, and formats with the invariant culture, so that no template, however written,
/// runs for long or writes anything that is not a function of its model.
/// </summary>
internal sealed class BoundedTemplateContext : TemplateContext
{
    private readonly RenderBudget _budget;

    public BoundedTemplateContext(RenderBudget budget)
        : base(DeterministicBuiltins.Instance)
    {
        _budget = budget;
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
}
