using Scriban;
using Scriban.Parsing;
using Scriban.Syntax;

namespace Targets.Rules.Narratives.Rendering.Direct;

/// <summary>
/// A plugin template that only reads the model and writes text (no assignment, loop, capture, include, user function or
/// pipe), evaluated over its syntax tree directly: the steps Scriban's interpreter takes, in its order, through the same
/// context, so that the budget is spent on the same nodes, printed values pass the same escaping, and values are compared,
/// converted, looked up and passed to functions by Scriban's own code; only the interpreter's bookkeeping around each
/// node is left out, which was most of the time an override took.
/// </summary>
/// <remarks>
/// Anything but the plain course (a variable or member missing, a null target, a function read as a value, a function
/// this does not call, a failure, a spent budget) is not handled here: the rendering is abandoned, its steps given back,
/// and Scriban renders the template again from its start, failing or succeeding as it would have alone. Nothing a
/// direct rendering does outlives it but its output: the template reads and calls only functions without effects. A
/// template abandoned once is left to Scriban from then on. One instance serves one context (its caches assume it).
/// </remarks>
internal sealed class DirectTemplate
{
    private readonly ScriptPage _page;
    private readonly DirectBlock _body;
    private bool _abandoned;
    private long _renderings;

    private DirectTemplate(ScriptPage page, DirectBlock body)
    {
        _page = page;
        _body = body;
    }

    /// <summary>The direct form of <paramref name="template"/>, or null when it uses what only Scriban evaluates.</summary>
    public static DirectTemplate? TryCreate(Template template) =>
        !template.HasErrors && template.LexerOptions.Lang == ScriptLang.Default && template.Page is { Body: { } body } page
            && new DirectCompiler().Block(body) is { } direct
            ? new DirectTemplate(page, direct)
            : null;

    /// <summary>Whether the template is still rendered directly (it has not been abandoned).</summary>
    public bool IsUsable => !_abandoned;

    /// <summary>
    /// Renders the template into the context's current output, as <see cref="Template.Render(TemplateContext)"/> evaluates
    /// its page; or throws (anything) where it cannot go on, after which it is not used again.
    /// </summary>
    public void Render(BoundedTemplateContext context, Scriban.Runtime.IScriptObject globals)
    {
        var run = new DirectRun(context, globals, ++_renderings);
        try
        {
            // Template.Render evaluates the page through the context, and the page its body.
            run.Spend(_page);
            run.Spend(_body.Node);
            _body.Evaluate(run);
        }
        catch
        {
            _abandoned = true;
            throw;
        }
    }
}

/// <summary>What a direct rendering reads and spends: the context, and the two global scopes a template included from C# sees.</summary>
/// <param name="Context">The report's context.</param>
/// <param name="Globals">The report's globals (the model's members, <c>vi</c>, the loop variables of the include).</param>
/// <param name="Rendering">Which rendering of the template this is: what a node keeps for one rendering is kept under it.</param>
internal readonly record struct DirectRun(BoundedTemplateContext Context, Scriban.Runtime.IScriptObject Globals, long Rendering)
{
    /// <summary>Spends a step on <paramref name="node"/>, as the context does on each node it evaluates.</summary>
    public void Spend(ScriptNode node) => Context.Spend(node);

    /// <summary>Evaluates <paramref name="expression"/> as <c>context.Evaluate(node)</c> does.</summary>
    public object? Evaluate(DirectExpression expression)
    {
        Context.Spend(expression.Node);
        return expression.Evaluate(this);
    }

    /// <summary>Evaluates <paramref name="statement"/> as <c>context.Evaluate(node)</c> does.</summary>
    public object? Evaluate(DirectStatement statement)
    {
        Context.Spend(statement.Node);
        return statement.Evaluate(this);
    }

    /// <summary>
    /// A global variable's value, as Scriban looks it up with no loop and no function running: the report's globals, then the
    /// built-ins.
    /// </summary>
    public object? Global(ScriptVariable variable)
    {
        if (Globals.TryGetValue(Context, variable.Span, variable.Name, out var value)
            || Context.BuiltinObject.TryGetValue(Context, variable.Span, variable.Name, out value))
        {
            return value;
        }

        throw Abandon.Here;
    }
}

/// <summary>Where a direct rendering stops, for Scriban to render the template instead.</summary>
internal sealed class Abandon : Exception
{
    private Abandon()
        : base("the template is rendered by Scriban instead")
    {
    }

    /// <summary>The exception thrown: it carries nothing of the place, which Scriban's rendering reports if it fails.</summary>
    public static Abandon Here => new();

    /// <summary>Thrown when <paramref name="value"/> is a function: read as a value, Scriban would call it.</summary>
    public static object? UnlessFunction(object? value) => value is Scriban.Runtime.IScriptCustomFunction ? throw Here : value;
}

/// <summary>What the direct form takes as its own from a template: the nodes it knows, or none of the template.</summary>
internal sealed class DirectCompiler
{
    private readonly Dictionary<string, DirectGlobal.Slot> _globals = new(StringComparer.Ordinal);

    public DirectBlock? Block(ScriptBlockStatement block)
    {
        var statements = new List<DirectBlock.Entry>();
        string? openIndent = null;
        foreach (var statement in block.Statements)
        {
            if (statement is ScriptEscapeStatement escape)
            {
                if (escape.IsEntering && escape.Indent is null)
                {
                    // Scriban would indent by nothing at all rather than by the block's indent: not told apart here.
                    return null;
                }

                openIndent = escape.IsEntering ? escape.Indent : null;
            }

            if (statement.CanSkipEvaluation)
            {
                continue;
            }

            if (Statement(statement) is not { } direct)
            {
                return null;
            }

            statements.Add(new(direct, statement.CanOutput, openIndent));
        }

        return new DirectBlock(block, [.. statements]);
    }

    private DirectStatement? Statement(ScriptStatement? statement) => statement switch
    {
        ScriptRawStatement raw => new DirectRaw(raw),
        ScriptExpressionStatement { Expression: { } expression } node => Expression(expression) is { } direct ? new DirectExpressionStatement(node, direct) : null,
        ScriptIfStatement node => If(node),
        ScriptElseStatement { Body: { } body } node => Block(body) is { } direct ? new DirectElse(node, direct) : null,
        ScriptBlockStatement block => Block(block),
        _ => null,
    };

    private DirectIf? If(ScriptIfStatement node)
    {
        if (node.Condition is not { } condition || Expression(condition) is not { } directCondition)
        {
            return null;
        }

        DirectBlock? then = null;
        DirectStatement? otherwise = null;
        return (node.Then is null || (then = Block(node.Then)) is not null) && (node.Else is null || (otherwise = Statement(node.Else)) is not null)
            ? new DirectIf(node, directCondition, then, otherwise)
            : null;
    }

    private DirectExpression? Expression(ScriptExpression? expression) => expression switch
    {
        ScriptLiteral literal => new DirectLiteral(literal),
        ScriptVariableGlobal variable => new DirectGlobal(variable, Slot(variable.Name)),
        ScriptMemberExpression member => Member(member),
        ScriptNestedExpression { Expression: { } inner } nested => Expression(inner) is { } direct ? new DirectNested(nested, direct) : null,
        ScriptBinaryExpression { Left: { } left, Right: { } right } binary =>
            Expression(left) is { } directLeft && Expression(right) is { } directRight ? new DirectBinary(binary, directLeft, directRight) : null,
        ScriptUnaryExpression { Operator: ScriptUnaryOperator.Not or ScriptUnaryOperator.Negate or ScriptUnaryOperator.Plus } unary => Unary(unary),
        ScriptFunctionCall call => Call(call),
        _ => null,
    };

    private DirectGlobal.Slot Slot(string name)
    {
        if (!_globals.TryGetValue(name, out var slot))
        {
            _globals[name] = slot = new();
        }

        return slot;
    }

    private DirectMember? Member(ScriptMemberExpression member) =>
        member.Member is { } name && Expression(member.Target) is { } target ? new DirectMember(member, target, name) : null;

    private DirectUnary? Unary(ScriptUnaryExpression unary)
    {
        if (unary.Right is null)
        {
            return new DirectUnary(unary, null);
        }

        return Expression(unary.Right) is { } right ? new DirectUnary(unary, right) : null;
    }

    private DirectCall? Call(ScriptFunctionCall call)
    {
        // The target must be read as Scriban reads a function (the value not called): a variable or a member.
        if (Expression(call.Target) is not DirectPath target || target is DirectNested)
        {
            return null;
        }

        var arguments = new DirectExpression[call.Arguments.Count];
        for (var i = 0; i < arguments.Length; i++)
        {
            // Named arguments, ^ expansions and functions passed as @values are for Scriban.
            if (call.Arguments[i] is ScriptNamedArgument || Expression(call.Arguments[i]) is not { } argument)
            {
                return null;
            }

            arguments[i] = argument;
        }

        return new DirectCall(call, target, arguments);
    }
}
