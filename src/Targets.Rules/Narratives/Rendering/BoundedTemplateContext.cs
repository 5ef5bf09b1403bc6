using System.Globalization;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;
using Targets.Rules.Narratives.Rendering.Direct;

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
    private readonly Dictionary<Type, IObjectAccessor> _accessors = [];
    private readonly Action<ScriptNode>? _observer;
    private readonly StringBuilderOutput _includedOutput = new(new System.Text.StringBuilder(4096));
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
    /// A template that only reads and writes is rendered by its <paramref name="direct"/> form, to the same text, unless
    /// that gives up; Scriban then renders it.
    /// </summary>
    /// <param name="template">The template, parsed.</param>
    /// <param name="name">Its name.</param>
    /// <param name="direct">Its direct form; null when it has none.</param>
    /// <param name="globals">The globals the session pushed for the report.</param>
    /// <returns>Its output, without the line breaks it ends with (as <see cref="IncludeRendered"/> inserts it).</returns>
    public string RenderIncluded(Template template, string name, DirectTemplate? direct, IScriptObject globals)
    {
        var saved = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        EnterRecursive(null);
        var output = _includedOutput.Builder;
        output.Length = 0;
        PushOutput(_includedOutput);
        try
        {
            if (direct is { IsUsable: true } && RendersDirectly && TryRenderDirectly(direct, globals))
            {
                // As Template.Render, which takes the output's text and empties it.
                var length = output.Length;
                while (length > 0 && output[length - 1] is '\n' or '\r')
                {
                    length--;
                }

                var text = output.ToString(0, length);
                output.Length = 0;
                return text;
            }

            PushLocal();
            try
            {
                SetValue(ScriptVariable.Arguments, new ScriptArray { name }, asReadOnly: true, force: true);
                return template.Render(this).TrimEnd('\n', '\r');
            }
            finally
            {
                PopLocal();
            }
        }
        finally
        {
            PopOutput();
            ExitRecursive(null);
            CultureInfo.CurrentCulture = saved;
        }
    }

    /// <summary>Spends a step of the report's budget on <paramref name="node"/>, as evaluating it does.</summary>
    public void Spend(ScriptNode node) => _budget.Spend(node);

    /// <summary>
    /// Whether the context is as a direct rendering assumes: at the top (the built-ins and the report's globals, no loop
    /// or function running), printing, with no hook of Scriban's to consult, and not watched by a test's observer (which is
    /// to see the nodes Scriban evaluates).
    /// </summary>
    private bool RendersDirectly =>
        _observer is null && GlobalCount == 2 && EnableOutput && !UseScientific && !ErrorForStatementFunctionAsExpression
        && !EnableRelaxedTargetAccess && !EnableRelaxedFunctionAccess
        && TryGetMember is null && TryGetVariable is null && RenderRuntimeException is null;

    [System.Diagnostics.CodeAnalysis.SuppressMessage(
        "Design", "CA1031:Do not catch general exception types", Justification = "Whatever stops a direct rendering, Scriban renders the template again and fails as it fails.")]
    private bool TryRenderDirectly(DirectTemplate direct, IScriptObject globals)
    {
        var steps = _budget.Steps;
        try
        {
            direct.Render(this, globals);
            return true;
        }
        catch (Exception)
        {
            // Scriban renders it from the start as if it were the first try: its output gone, its steps given back.
            _budget.RewindTo(steps);
            _includedOutput.Builder.Length = 0;
            return false;
        }
    }

    /// <summary>
    /// Sets the members of <paramref name="model"/> in <paramref name="globals"/>, as <c>globals.Import(model)</c> with the
    /// context's renamer would: through the getters of a report model type, without reflection.
    /// </summary>
    public void ImportModel(ScriptObject globals, object model)
    {
        if (GetMemberAccessor(model) is not ReportModelAccessor accessor || !accessor.TryCopyMembers(globals, model))
        {
            globals.Import(model, renamer: MemberRenamer);
        }
    }

    protected override IObjectAccessor? GetMemberAccessorImpl(object target)
    {
        var type = target.GetType();
        if (_accessors.TryGetValue(type, out var known))
        {
            return known;
        }

        var accessor = base.GetMemberAccessorImpl(target);
        if (accessor is Scriban.Runtime.Accessors.TypedObjectAccessor && ReportModelAccessor.Serves(type))
        {
            accessor = ReportModelAccessor.Create(type, accessor, this, target) ?? accessor;
        }

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
