using System.Linq.Expressions;
using Targets.Core.Evaluation;

namespace Targets.Rules.Engine;

/// <summary>
/// Checks a parsed rule expression against what a rule may do: read the measurement, compute with numbers and booleans,
/// and call <see cref="Math"/>. RulesEngine's parser alone lets <c>m.GetType().Assembly</c> through, so every tree is
/// walked here before it is compiled.
/// </summary>
internal sealed class ExpressionAllowList : ExpressionVisitor
{
    private static readonly HashSet<Type> ValueTypes =
    [
        typeof(bool), typeof(int), typeof(long), typeof(short), typeof(byte), typeof(decimal), typeof(double), typeof(float),
        typeof(int?), typeof(long?), typeof(decimal?), typeof(double?), typeof(bool?),
    ];

    private readonly ParameterExpression _measurement;
    private string? _refusal;

    private ExpressionAllowList(ParameterExpression measurement) => _measurement = measurement;

    /// <summary>Returns why the expression is refused, or null when it is allowed.</summary>
    public static string? Check(Expression body, ParameterExpression measurement)
    {
        var visitor = new ExpressionAllowList(measurement);
        visitor.Visit(body);
        return visitor._refusal;
    }

    public override Expression? Visit(Expression? node)
    {
        if (_refusal is not null || node is null)
        {
            return node;
        }

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
