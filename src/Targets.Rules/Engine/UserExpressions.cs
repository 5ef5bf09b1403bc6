using System.Globalization;
using System.Linq.Dynamic.Core;
using System.Linq.Dynamic.Core.CustomTypeProviders;
using System.Linq.Dynamic.Core.Parser;
using System.Linq.Expressions;
using System.Reflection;

namespace Targets.Rules.Engine;

/// <summary>
/// The expressions plugins write in their JSON rule sets (<c>"m.Value &gt;= 2 &amp;&amp; m.Value &lt;= 10"</c>), parsed with
/// System.Linq.Dynamic.Core into a body over the measurement, checked against <see cref="ExpressionAllowList"/>, and made
/// to check its integer arithmetic: a plugin's sum that overflows is a broken rule, never a silently wrapped number.
/// </summary>
internal static class UserExpressions
{
    // The parser resolves no type of its own (no scan of the loaded assemblies) and knows object and Enumerable, as the
    // parser setup before NRules did: what a rule may do is decided in one place, the allow-list, which refuses these with
    // a precise message ("it calls Object.GetType") where the parser would stop earlier with a vaguer one.
    private static readonly ParsingConfig Config = new()
    {
        CustomTypeProvider = new KnownTypes(),
        NumberParseCulture = CultureInfo.InvariantCulture,
    };

    /// <summary>Parses, checks and rewrites one expression into a boolean body over <paramref name="m"/>.</summary>
    /// <exception cref="ExpressionRefusedException">It is too large, does not compile, is not boolean or is not allowed.</exception>
    public static Expression Parse(string text, ParameterExpression m)
    {
        if (ExpressionAllowList.CheckText(text) is { } tooLarge)
        {
            throw new ExpressionRefusedException($"the expression is not allowed: {tooLarge}", null);
        }

        Expression body;
        try
        {
            body = new ExpressionParser([m], text, [], Config).Parse(typeof(bool));
        }
        catch (Exception exception) when (exception is not ExpressionRefusedException)
        {
            throw new ExpressionRefusedException($"the expression '{text}' does not compile: {exception.Message}", exception);
        }

        if (ExpressionAllowList.Check(body, m) is { } refusal)
        {
            throw new ExpressionRefusedException($"the expression '{text}' is not allowed: {refusal}", null);
        }

        return new CheckedArithmetic().Visit(body);
    }

    /// <summary>Turns integer addition, subtraction, multiplication, negation and narrowing into their checked forms.</summary>
    private sealed class CheckedArithmetic : ExpressionVisitor
    {
        protected override Expression VisitBinary(BinaryExpression node)
        {
            var visited = (BinaryExpression)base.VisitBinary(node);
            if (visited.Method is not null || !IsInteger(visited.Left.Type) || !IsInteger(visited.Right.Type))
            {
                return visited;
            }

            return visited.NodeType switch
            {
                ExpressionType.Add => Expression.AddChecked(visited.Left, visited.Right),
                ExpressionType.Subtract => Expression.SubtractChecked(visited.Left, visited.Right),
                ExpressionType.Multiply => Expression.MultiplyChecked(visited.Left, visited.Right),
                _ => visited,
            };
        }

        protected override Expression VisitUnary(UnaryExpression node)
        {
            var visited = (UnaryExpression)base.VisitUnary(node);
            return visited.NodeType switch
            {
                // 0 - x rather than NegateChecked: FastExpressionCompiler 5.4 compiles NegateChecked as an unchecked negation.
                ExpressionType.Negate when visited.Method is null && IsInteger(visited.Operand.Type) => Expression.SubtractChecked(
                    Expression.Constant(Convert.ChangeType(0, Nullable.GetUnderlyingType(visited.Operand.Type) ?? visited.Operand.Type, CultureInfo.InvariantCulture), visited.Operand.Type),
                    visited.Operand),
                ExpressionType.Convert when visited.Method is null && IsNumeric(visited.Operand.Type) && IsInteger(visited.Type) => Expression.ConvertChecked(visited.Operand, visited.Type),
                _ => visited,
            };
        }

        private static bool IsInteger(Type type) =>
            (Nullable.GetUnderlyingType(type) ?? type) is var t && (t == typeof(int) || t == typeof(long) || t == typeof(short) || t == typeof(byte) || t == typeof(uint) || t == typeof(ulong) || t == typeof(ushort) || t == typeof(sbyte));

        private static bool IsNumeric(Type type) =>
            IsInteger(type) || (Nullable.GetUnderlyingType(type) ?? type) is var t && (t == typeof(double) || t == typeof(float) || t == typeof(decimal));
    }

    private sealed class KnownTypes : IDynamicLinqCustomTypeProvider
    {
        public HashSet<Type> GetCustomTypes() => [typeof(object), typeof(Enumerable)];

        public Dictionary<Type, List<MethodInfo>> GetExtensionMethods() => [];

        public Type? ResolveType(string typeName) => null;

        public Type? ResolveTypeBySimpleName(string simpleTypeName) => null;
    }
}

/// <summary>A plugin's expression that cannot become a rule: too large, not compiling, or reaching for what is not allowed.</summary>
internal sealed class ExpressionRefusedException(string problem, Exception? innerException) : Exception(problem, innerException);
