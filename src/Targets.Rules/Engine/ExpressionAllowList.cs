using System.Linq.Expressions;
using Targets.Core.Evaluation;

namespace Targets.Rules.Engine;

/// <summary>
/// Checks a parsed rule expression against what a rule may do: read the measurement, compute with numbers and booleans,
/// and call <see cref="Math"/>. System.Linq.Dynamic.Core's parser alone lets <c>m.GetType().Assembly</c> through, so every tree is
/// walked here before it is compiled.
/// </summary>
internal sealed class ExpressionAllowList : ExpressionVisitor
{
    private static readonly HashSet<Type> ValueTypes =
    [
        typeof(bool), typeof(int), typeof(long), typeof(short), typeof(byte), typeof(decimal), typeof(double), typeof(float),
        typeof(int?), typeof(long?), typeof(decimal?), typeof(double?), typeof(bool?),
    ];

    /// <summary>The longest expression a rule may have: real rules are a line (<c>m.Value &gt;= 2 &amp;&amp; m.Value &lt;= 10</c>).</summary>
    public const int MaxLength = 1000;

    /// <summary>How deep brackets may nest in a rule's text.</summary>
    public const int MaxBracketDepth = 64;

    /// <summary>How deep the parsed tree may nest (each operator, call or conversion is a level).</summary>
    public const int MaxTreeDepth = 100;

    private readonly ParameterExpression _measurement;
    private string? _refusal;
    private int _depth;

    private ExpressionAllowList(ParameterExpression measurement) => _measurement = measurement;

    /// <summary>Returns why the expression is refused, or null when it is allowed.</summary>
    public static string? Check(Expression body, ParameterExpression measurement)
    {
        var visitor = new ExpressionAllowList(measurement);
        visitor.Visit(body);
        return visitor._refusal;
    }

    /// <summary>
    /// Returns why the text of an expression is refused before it is parsed, or null when it may be parsed. The parser and
    /// the compiler recurse once per level of nesting: a few thousand brackets or chained operators overflow the stack,
    /// which ends the process and cannot be caught, so length and nesting are bounded before either runs.
    /// </summary>
    public static string? CheckText(string expression)
    {
        if (expression.Length > MaxLength)
        {
            return $"it is {expression.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)} characters long; a rule has at most {MaxLength.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
        }

        var depth = 0;
        char? quote = null;
        for (var i = 0; i < expression.Length; i++)
        {
            var c = expression[i];
            if (quote is { } open)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == open)
                {
                    quote = null;
                }

                continue;
            }

            switch (c)
            {
                case '"' or '\'':
                    quote = c;
                    break;
                case '(' or '[' or '{':
                    if (++depth > MaxBracketDepth)
                    {
                        return $"its brackets nest more than {MaxBracketDepth.ToString(System.Globalization.CultureInfo.InvariantCulture)} deep";
                    }

                    break;
                case ')' or ']' or '}':
                    depth--;
                    break;
            }
        }

        return null;
    }

    public override Expression? Visit(Expression? node)
    {
        if (_refusal is not null || node is null)
        {
            return node;
        }

        if (_depth >= MaxTreeDepth || !System.Runtime.CompilerServices.RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            // Compiling a deeper tree recurses as deeply and can overflow the stack, which no handler catches.
            _refusal = $"it nests operations more than {MaxTreeDepth.ToString(System.Globalization.CultureInfo.InvariantCulture)} deep";
            return node;
        }

        _depth++;
        try
        {
            return VisitAllowed(node);
        }
        finally
        {
            _depth--;
        }
    }

    private Expression? VisitAllowed(Expression node)
    {
        switch (node.NodeType)
        {
            case ExpressionType.Parameter when node == _measurement:
            case ExpressionType.Constant when node.Type == typeof(string) || ValueTypes.Contains(node.Type) || ((ConstantExpression)node).Value is null:
            case ExpressionType.AndAlso or ExpressionType.OrElse or ExpressionType.Not:
            case ExpressionType.Equal or ExpressionType.NotEqual or ExpressionType.LessThan or ExpressionType.LessThanOrEqual:
            case ExpressionType.GreaterThan or ExpressionType.GreaterThanOrEqual:
            case ExpressionType.Add or ExpressionType.Subtract or ExpressionType.Multiply or ExpressionType.Divide or ExpressionType.Modulo:
            case ExpressionType.Negate or ExpressionType.UnaryPlus or ExpressionType.Conditional:
                return CheckOperatorMethod(node) ? base.Visit(node) : node;
            case ExpressionType.Convert or ExpressionType.ConvertChecked when ValueTypes.Contains(node.Type):
                return base.Visit(node);
            case ExpressionType.MemberAccess when node is MemberExpression member
                && member.Expression == _measurement
                && member.Member.DeclaringType == typeof(Measurement):
                return node;
            case ExpressionType.Call when node is MethodCallExpression call
                && call.Object is null
                && call.Method.DeclaringType == typeof(Math):
                return base.Visit(node);
            default:
                _refusal = Describe(node);
                return node;
        }
    }

    private bool CheckOperatorMethod(Expression node)
    {
        var method = node switch
        {
            BinaryExpression binary => binary.Method,
            UnaryExpression unary => unary.Method,
            _ => null,
        };
        if (method is null || method.DeclaringType == typeof(decimal) || method.DeclaringType == typeof(string))
        {
            return true;
        }

        _refusal = $"it calls {method.DeclaringType?.Name}.{method.Name}";
        return false;
    }

    private static string Describe(Expression node) => node switch
    {
        MethodCallExpression call => $"it calls {call.Method.DeclaringType?.Name}.{call.Method.Name}, which a rule may not use",
        MemberExpression member => $"it reads {member.Member.DeclaringType?.Name}.{member.Member.Name}, which a rule may not use",
        _ => $"it uses a {node.NodeType} expression of type {node.Type.Name}, which a rule may not use",
    };
}
