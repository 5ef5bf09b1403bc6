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
/// <remarks>
/// One context serves report after report on one thread (<see cref="Begin"/> resets it and takes the next report's budget):
/// what it learns of each model type by reflection is kept, which is most of what building a context per report cost.
/// </remarks>
internal sealed class BoundedTemplateContext : TemplateContext
{
    // Scriban's own accessor cache is cleared by Reset; this one is not. Accessors depend only on the type, the member
    // renamer and the member filter, and those never change for a context.
    private readonly Dictionary<Type, Scriban.Runtime.IObjectAccessor> _accessors = [];
    private readonly Action<ScriptNode>? _observer;
    private readonly Scriban.Runtime.StringBuilderOutput _includedOutput = new(new System.Text.StringBuilder(4096));
    private RenderBudget _budget;
    private Func<string, string> _escape;

    /// <param name="budget">The first report's budget.</param>
    /// <param name="escape">How printed values are escaped.</param>
    /// <param name="observer">Told of every node evaluated, for tests that check which branches of the templates ran; null otherwise.</param>
    public BoundedTemplateContext(RenderBudget budget, Func<string, string> escape, Action<ScriptNode>? observer = null)
        : base(DeterministicBuiltins.Instance)
    {
        _budget = budget;
        _escape = escape;
        _observer = observer;
        PushCulture(CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Makes the context ready for the next report: Scriban's state reset (output, globals, limits counted, included
    /// templates), the report's own budget and the format's escaping.
    /// </summary>
    public void Begin(RenderBudget budget, Func<string, string> escape)
    {
        Reset();
        PushCulture(CultureInfo.InvariantCulture);
        _budget = budget;
        _escape = escape;
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

    /// <summary>
    /// Renders template <paramref name="name"/> as <c>include 'name'</c> would where the context stands (within the
    /// recursion limit, in a local scope of its own with the include's arguments, into an output apart), under the
    /// invariant culture as <see cref="Render"/>. Scriban's own include pushes a new output each time and, emptying it
    /// after, allocates its array again; a report's overrides render a hundred times, so one output is kept and reused.
    /// </summary>
    /// <returns>Its output, without the line breaks it ends with (as <see cref="IncludeRendered"/> inserts it).</returns>
    public string RenderIncluded(Template template, string name)
    {
        var saved = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        EnterRecursive(null);
        _includedOutput.Builder.Length = 0;
        PushOutput(_includedOutput);
        PushLocal();
        try
        {
            SetValue(ScriptVariable.Arguments, new Scriban.Runtime.ScriptArray { name }, asReadOnly: true, force: true);
            return template.Render(this).TrimEnd('\n', '\r');
        }
        finally
        {
            PopLocal();
            PopOutput();
            ExitRecursive(null);
            CultureInfo.CurrentCulture = saved;
        }
    }

    protected override Scriban.Runtime.IObjectAccessor? GetMemberAccessorImpl(object target)
    {
        var type = target.GetType();
        if (_accessors.TryGetValue(type, out var known))
        {
            return known;
        }

        var accessor = base.GetMemberAccessorImpl(target);
        if (accessor is not null)
        {
            _accessors[type] = accessor;
        }

        return accessor;
    }

    public override object? Evaluate(ScriptNode? scriptNode, bool aliasReturnedFunction)
    {
        _budget.Spend(scriptNode);
        if (_observer is not null && scriptNode is not null)
        {
            _observer(scriptNode);
        }

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
