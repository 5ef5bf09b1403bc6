using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Targets.Rules.Narratives.Rendering.Direct;

// Each node does what Scriban 7.5's node of the same kind does in its Evaluate (and what TemplateContext.GetValue and
// ScriptFunctionCall.Call do for it), on the plain course; where Scriban would go otherwise, it throws Abandon.

/// <summary>A statement of a direct template.</summary>
internal abstract class DirectStatement(ScriptStatement node)
{
    public ScriptStatement Node => node;

    /// <summary>What Scriban's node returns from Evaluate, its step spent by the caller.</summary>
    public abstract object? Evaluate(in DirectRun run);
}

/// <summary>An expression of a direct template.</summary>
internal abstract class DirectExpression(ScriptExpression node)
{
    public ScriptExpression Node => node;

    /// <summary>What Scriban's node returns from Evaluate (a function read is called), its step spent by the caller.</summary>
    public abstract object? Evaluate(in DirectRun run);

    /// <summary>
    /// The value as the target of a member (<c>TemplateContext.GetValue</c> below the top): a node that is not a path is
    /// evaluated (a step); a function read would be called.
    /// </summary>
    public virtual object? TargetValue(in DirectRun run) => Abandon.UnlessFunction(run.Evaluate(this));
}

/// <summary>A variable, a member or a nested expression: read without a step of its own when it is a target.</summary>
internal abstract class DirectPath(ScriptExpression node) : DirectExpression(node)
{
    // The type of the last value read, known not to be a function: one place nearly always reads one type, and testing
    // for the interface each time cost more than the read.
    private Type? _notAFunction;

    /// <summary>The value, a function left uncalled (as <c>IScriptVariablePath.GetValue</c>).</summary>
    public abstract object? Read(in DirectRun run);

    public override object? Evaluate(in DirectRun run) => NotAFunction(Read(run));

    public override object? TargetValue(in DirectRun run) => NotAFunction(Read(run));

    private object? NotAFunction(object? value)
    {
        if (value is not (null or string) && value.GetType() != _notAFunction)
        {
            _notAFunction = Abandon.UnlessFunction(value)!.GetType();
        }

        return value;
    }
}

/// <summary>A block: its statements in order, each value written where it can output (ScriptBlockStatement).</summary>
/// <remarks>
/// Scriban sets the context's indent before each statement: the indent of the last <c>{{</c> opened before it, or the
/// block's own after a <c>}}</c> (with auto-indent on). Each statement evaluated here carries which it is; the statements
/// Scriban skips (the escapes themselves, <c>end</c>) are left out.
/// </remarks>
internal sealed class DirectBlock(ScriptBlockStatement block, DirectBlock.Entry[] statements) : DirectStatement(block)
{
    /// <summary>A statement Scriban evaluates, and the indent it is evaluated under: <paramref name="OpenIndent"/> when a <c>{{</c> opened before it is still open, the block's own when null.</summary>
    internal readonly record struct Entry(DirectStatement Statement, bool CanOutput, string? OpenIndent);

    public override object? Evaluate(in DirectRun run)
    {
        var context = run.Context;
        var autoIndent = context.AutoIndent;
        var blockIndent = context.CurrentIndent;

        // Scriban checks before each statement; once a block is enough here, as a block's statements do not go deeper.
        context.CheckAbort();
        try
        {
            foreach (var (statement, canOutput, openIndent) in statements)
            {
                context.CurrentIndent = autoIndent && openIndent is not null ? openIndent : blockIndent;
                var result = run.Evaluate(statement);
                if (canOutput && result is not null)
                {
                    context.Write(block.Span, result);
                }
            }
        }
        finally
        {
            context.CurrentIndent = blockIndent;
        }

        // Every value was written (output is on, no return ends the block early), so Scriban's block returns null too.
        return null;
    }
}

/// <summary>Text between code (ScriptRawStatement).</summary>
internal sealed class DirectRaw(ScriptRawStatement raw) : DirectStatement(raw)
{
    private readonly ScriptStringSlice _text = raw.Text;

    public override object? Evaluate(in DirectRun run)
    {
        if (_text.Length > 0 && !string.IsNullOrEmpty(_text.FullText))
        {
            run.Context.Write(_text);
        }

        return null;
    }
}

/// <summary>An expression as a statement: its value, for the block to write (ScriptExpressionStatement).</summary>
internal sealed class DirectExpressionStatement(ScriptExpressionStatement node, DirectExpression expression) : DirectStatement(node)
{
    public override object? Evaluate(in DirectRun run)
    {
        var value = run.Evaluate(expression);

        // A value that is itself a node (a wrapped block) Scriban would evaluate in turn.
        return value is ScriptNode ? throw Abandon.Here : value;
    }
}

/// <summary><c>if</c>, <c>else if</c> (ScriptIfStatement).</summary>
internal sealed class DirectIf(ScriptIfStatement node, DirectExpression condition, DirectBlock? then, DirectStatement? otherwise) : DirectStatement(node)
{
    public override object? Evaluate(in DirectRun run)
    {
        if (run.Context.ToBool(condition.Node.Span, run.Evaluate(condition)))
        {
            return then is null ? null : run.Evaluate(then);
        }

        return otherwise is null ? null : run.Evaluate(otherwise);
    }
}

/// <summary><c>else</c> (ScriptElseStatement).</summary>
internal sealed class DirectElse(ScriptElseStatement node, DirectBlock body) : DirectStatement(node)
{
    public override object? Evaluate(in DirectRun run) => run.Evaluate(body);
}

/// <summary>A literal (ScriptLiteral).</summary>
internal sealed class DirectLiteral(ScriptLiteral literal) : DirectExpression(literal)
{
    private readonly object? _value = literal.Value;

    public override object? Evaluate(in DirectRun run) => _value;
}

/// <summary>A global variable (ScriptVariableGlobal): the report's globals, then the built-ins.</summary>
/// <remarks>
/// Looked up once per rendering, the value shared by every node of the template naming it: nothing a direct template does
/// changes a variable (it assigns none, and the functions it calls do not reach the globals).
/// </remarks>
internal sealed class DirectGlobal(ScriptVariableGlobal variable, DirectGlobal.Slot slot) : DirectPath(variable)
{
    public override object? Read(in DirectRun run) => Look(run).Value;

    public override object? Evaluate(in DirectRun run) => NotAFunction(run);

    public override object? TargetValue(in DirectRun run) => NotAFunction(run);

    private object? NotAFunction(in DirectRun run)
    {
        var slot = Look(run);
        return slot.IsFunction ? throw Abandon.Here : slot.Value;
    }

    private Slot Look(in DirectRun run)
    {
        if (slot.Rendering != run.Rendering)
        {
            slot.Value = run.Global(variable);
            slot.IsFunction = slot.Value is IScriptCustomFunction;
            slot.Rendering = run.Rendering;
        }

        return slot;
    }

    /// <summary>A variable's value in the template's latest rendering, and whether it is a function (which Scriban would call).</summary>
    internal sealed class Slot
    {
        public long Rendering { get; set; }

        public object? Value { get; set; }

        public bool IsFunction { get; set; }
    }
}

/// <summary><c>target.member</c>, <c>target?.member</c> (ScriptMemberExpression), read through the context's accessors.</summary>
internal sealed class DirectMember(ScriptMemberExpression node, DirectExpression target, ScriptVariable member) : DirectPath(node)
{
    private readonly bool _nullConditional = node.DotToken.TokenType == TokenType.QuestionDot;

    // The accessor of the last type read here (the context's accessor of a type never changes), and for a report model
    // type the member's getter.
    private Type? _type;
    private IObjectAccessor? _accessor;
    private Func<object, object?>? _getter;

    public override object? Read(in DirectRun run)
    {
        var context = run.Context;
        var targetValue = target.TargetValue(run);
        if (targetValue is null)
        {
            // Scriban: null with ?., an error otherwise (relaxed target access is off).
            return _nullConditional ? null : throw Abandon.Here;
        }

        var type = targetValue.GetType();
        if (type != _type)
        {
            _accessor = context.GetMemberAccessor(targetValue);
            _getter = _accessor is ReportModelAccessor model && model.TryGetGetter(member.Name, out var getter) ? getter : null;
            _type = type;
        }

        if (_getter is not null)
        {
            return _getter(targetValue);
        }

        // A member the accessor does not have reads as what it left (null) under relaxed member access (Scriban's default),
        // as an error otherwise.
        return _accessor!.TryGetValue(context, member.Span, targetValue, member.Name, out var value) || context.EnableRelaxedMemberAccess
            ? value
            : throw Abandon.Here;
    }
}

/// <summary><c>(expression)</c> (ScriptNestedExpression): the inner expression, evaluated with a step of its own.</summary>
internal sealed class DirectNested(ScriptNestedExpression node, DirectExpression inner) : DirectPath(node)
{
    public override object? Read(in DirectRun run) => run.Evaluate(inner);
}

/// <summary>A binary operation (ScriptBinaryExpression): <c>&amp;&amp;</c> and <c>||</c> short-circuit, the rest by Scriban's own operator code.</summary>
internal sealed class DirectBinary(ScriptBinaryExpression node, DirectExpression left, DirectExpression right) : DirectExpression(node)
{
    private static readonly object True = true;
    private static readonly object False = false;

    private readonly SourceSpan _operatorSpan = node.OperatorToken?.Span ?? node.Span;

    private readonly bool _comparison = node.Operator is ScriptBinaryOperator.CompareEqual or ScriptBinaryOperator.CompareNotEqual or ScriptBinaryOperator.CompareLess
        or ScriptBinaryOperator.CompareLessOrEqual or ScriptBinaryOperator.CompareGreater or ScriptBinaryOperator.CompareGreaterOrEqual;

    /// <summary>
    /// The comparisons templates make most, worked out as ScriptBinaryExpression.Evaluate works them out (no scientific
    /// mode, which a direct rendering has not): text with text (== and != only), anything with null, an int or a decimal
    /// with an int or a decimal. False for the rest, which Scriban's code compares.
    /// </summary>
    private static bool TryCompare(BoundedTemplateContext context, ScriptBinaryOperator comparison, object? left, object? right, out bool result)
    {
        switch (left, right)
        {
            case (string leftText, string rightText):
                // Scriban compares their text (ObjectToString), which is a string itself when shorter than the limit.
                result = string.Equals(leftText, rightText, StringComparison.Ordinal) == (comparison == ScriptBinaryOperator.CompareEqual);
                return comparison is ScriptBinaryOperator.CompareEqual or ScriptBinaryOperator.CompareNotEqual
                    && WholeAsText(context, leftText) && WholeAsText(context, rightText);
            case (null, null):
                // CalculateOthers: equal, and neither less nor greater.
                result = comparison == ScriptBinaryOperator.CompareEqual;
                return true;
            case (null, not (string or char)) or (not (string or char), null):
                // CalculateOthers: not equal, and neither less nor greater (a string or a char with null is compared as text).
                result = comparison == ScriptBinaryOperator.CompareNotEqual;
                return true;
            case (int leftInt, int rightInt):
                // CalculateInt, as longs.
                result = Holds(comparison, leftInt.CompareTo(rightInt));
                return true;
            case (decimal leftDecimal, decimal rightDecimal):
                result = Holds(comparison, decimal.Compare(leftDecimal, rightDecimal));
                return true;
            case (decimal leftDecimal, int rightInt):
                // CalculateDecimal, the int converted to a decimal.
                result = Holds(comparison, decimal.Compare(leftDecimal, rightInt));
                return true;
            case (int leftInt, decimal rightDecimal):
                result = Holds(comparison, decimal.Compare(leftInt, rightDecimal));
                return true;
            default:
                result = false;
                return false;
        }
    }

    private static bool Holds(ScriptBinaryOperator comparison, int order) => comparison switch
    {
        ScriptBinaryOperator.CompareEqual => order == 0,
        ScriptBinaryOperator.CompareNotEqual => order != 0,
        ScriptBinaryOperator.CompareLess => order < 0,
        ScriptBinaryOperator.CompareLessOrEqual => order <= 0,
        ScriptBinaryOperator.CompareGreater => order > 0,
        _ => order >= 0,
    };

    private static bool WholeAsText(BoundedTemplateContext context, string text) => context.LimitToString <= 0 || text.Length < context.LimitToString;

    public override object? Evaluate(in DirectRun run)
    {
        var context = run.Context;
        var leftValue = run.Evaluate(left);
        switch (node.Operator)
        {
            case ScriptBinaryOperator.And:
                if (!context.ToBool(left.Node.Span, leftValue))
                {
                    return False;
                }

                return context.ToBool(right.Node.Span, run.Evaluate(right)) ? True : False;
            case ScriptBinaryOperator.Or:
                if (context.ToBool(left.Node.Span, leftValue))
                {
                    return True;
                }

                return context.ToBool(right.Node.Span, run.Evaluate(right)) ? True : False;
            default:
                var rightValue = run.Evaluate(right);
                if (_comparison && TryCompare(context, node.Operator, leftValue, rightValue, out var compared))
                {
                    return compared ? True : False;
                }

                return ScriptBinaryExpression.Evaluate(context, _operatorSpan, node.Operator, left.Node.Span, leftValue, right.Node.Span, rightValue);
        }
    }
}

/// <summary><c>!x</c>, <c>-x</c>, <c>+x</c> (ScriptUnaryExpression), by Scriban's own operator code.</summary>
internal sealed class DirectUnary(ScriptUnaryExpression node, DirectExpression? right) : DirectExpression(node)
{
    public override object? Evaluate(in DirectRun run) => right is null
        ? ScriptUnaryExpression.Evaluate(run.Context, node.Span, node.Operator, null)
        : ScriptUnaryExpression.Evaluate(run.Context, right.Node.Span, node.Operator, run.Evaluate(right));
}

/// <summary>
/// A call with arguments in order (ScriptFunctionCall, as <c>ScriptFunctionCall.Call</c> makes it without a pipe): each
/// argument evaluated and converted to its parameter's type, the optional ones filled, the function entered as a level of
/// recursion. Only the functions <see cref="DirectFunctions"/> allows are called here.
/// </summary>
internal sealed class DirectCall(ScriptFunctionCall node, DirectPath target, DirectExpression[] arguments) : DirectExpression(node)
{
    // The last function called here, as this call uses it: one call site nearly always calls one function.
    private IScriptCustomFunction? _function;
    private Signature? _signature;

    public override object? Evaluate(in DirectRun run)
    {
        var context = run.Context;

        // The target is evaluated as a function alias: a step, and the function it names not called.
        run.Spend(target.Node);
        if (target.Read(run) is not IScriptCustomFunction function)
        {
            throw Abandon.Here;
        }

        if (!ReferenceEquals(function, _function))
        {
            (_function, _signature) = (function, Signature.Of(function, arguments.Length));
        }

        var signature = _signature ?? throw Abandon.Here;
        // Set in order, each at the next index, as ScriptFunctionCall sets them.
        var values = new ScriptArray(signature.Parameters.Length);
        for (var i = 0; i < arguments.Length; i++)
        {
            var argument = arguments[i];
            values.Add(signature.Convert(context, i, argument.Node.Span, run.Evaluate(argument)));
        }

        for (var i = arguments.Length; i < signature.Parameters.Length; i++)
        {
            values.Add(signature.Parameters[i].HasDefaultValue ? signature.Parameters[i].DefaultValue : null);
        }

        context.EnterRecursive(node);
        try
        {
            return function.Invoke(context, node, values, null);
        }
        finally
        {
            context.ExitRecursive(node);
        }
    }

    /// <summary>How a function is called with a given number of arguments, when a direct rendering calls it.</summary>
    private sealed class Signature(ScriptParameterInfo[] parameters)
    {
        // For each argument, the type of value that converts to its parameter as it is (ToObject returns it unchanged).
        private readonly Type?[] _unchanged = new Type?[parameters.Length];

        public ScriptParameterInfo[] Parameters => parameters;

        /// <summary>
        /// The signature, or null when Scriban is to call the function: one <see cref="DirectFunctions"/> does not allow,
        /// with a variable number of parameters, a parameter taking the expression unevaluated, fewer arguments than it
        /// requires (Scriban's error) or more than it takes.
        /// </summary>
        public static Signature? Of(IScriptCustomFunction function, int arguments)
        {
            var count = function.ParameterCount;
            if (!DirectFunctions.Allows(function) || function.VarParamKind != ScriptVarParamKind.None || arguments > count || count >= ScriptFunctionCall.MaximumParameterCount)
            {
                return null;
            }

            var parameters = new ScriptParameterInfo[count];
            ulong given = 0;
            for (var i = 0; i < count; i++)
            {
                parameters[i] = function.GetParameterInfo(i);
                if (i < arguments && typeof(ScriptExpression).IsAssignableFrom(parameters[i].ParameterType))
                {
                    return null;
                }

                // As ScriptFunctionCall marks each argument given and each optional parameter filled.
                if (i < arguments || parameters[i].HasDefaultValue)
                {
                    given |= (uint)(1 << i);
                }
            }

            var required = (uint)((1 << function.RequiredParameterCount) - 1);
            return (given & required) == required ? new Signature(parameters) : null;
        }

        /// <summary>Argument <paramref name="index"/> converted to its parameter's type, as ScriptFunctionCall converts it.</summary>
        public object? Convert(BoundedTemplateContext context, int index, SourceSpan span, object? value)
        {
            if (value is not null && value.GetType() == _unchanged[index])
            {
                return value;
            }

            var parameterType = parameters[index].ParameterType;
            var converted = context.ToObject(span, value, parameterType);

            // ToObject returns a value of the parameter's very type, or any value for an object parameter (unless the value
            // converts itself), as it is: for the value's type, it will again.
            if (value is not null && (value.GetType() == parameterType || (parameterType == typeof(object) && value is not IScriptConvertibleTo)))
            {
                _unchanged[index] = value.GetType();
            }

            return converted;
        }
    }
}
