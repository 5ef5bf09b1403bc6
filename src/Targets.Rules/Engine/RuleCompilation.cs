using System.Linq.Expressions;
using FastExpressionCompiler;
using NRules;
using NRules.Diagnostics;
using NRules.Extensibility;
using NRules.RuleModel;

namespace Targets.Rules.Engine;

/// <summary>
/// How a locality's rule definitions become one NRules <see cref="ISessionFactory"/>: compiled once, with a fast expression
/// compiler, facts told apart by reference, and never cancelled halfway.
/// </summary>
internal static class RuleCompilation
{
    /// <summary>Compiles rule expressions with FastExpressionCompiler, falling back to the .NET compiler for what it cannot do.</summary>
    public static IExpressionCompiler Compiler { get; } = new FastCompiler();

    /// <summary>
    /// Compiles the rules. No cancellation token is passed: NRules stops at a cancelled token and returns a factory over
    /// the rules compiled so far, which would evaluate a partial rule base without a word.
    /// </summary>
    /// <exception cref="RuleCompilationException">A rule does not compile (its name is in the exception).</exception>
    public static ISessionFactory Compile(IReadOnlyList<IRuleDefinition> rules)
    {
        var compiler = new RuleCompiler { ExpressionCompiler = Compiler };

        // Facts are told apart by reference: two verdicts or findings that compare equal (records do) are still two
        // facts, where the default identity (Equals) would refuse the second as already inserted.
        compiler.FactIdentityComparerRegistry.DefaultFactIdentityComparer = ReferenceEqualityComparer.Instance;
        return compiler.Compile(rules);
    }

    /// <summary>The names of the rules a session factory's network holds (a partial rule base would miss some).</summary>
    public static IReadOnlySet<string> Compiled(ISessionFactory factory) =>
        factory.GetSchema().Nodes.Where(node => node.NodeType == NodeType.Rule).SelectMany(node => node.Rules).Select(rule => rule.Name).ToHashSet(StringComparer.Ordinal);

    /// <summary>The fact types a rule's left-hand side matches (patterns, including those inside aggregates, not, exists).</summary>
    public static IReadOnlySet<Type> MatchedTypes(IEnumerable<IRuleDefinition> rules)
    {
        var types = new HashSet<Type>();
        var visitor = new PatternTypes();
        foreach (var rule in rules)
        {
            visitor.Visit(types, rule.LeftHandSide);
        }

        return types;
    }

    private sealed class PatternTypes : RuleElementVisitor<HashSet<Type>>
    {
        protected override PatternElement VisitPattern(HashSet<Type> context, PatternElement element)
        {
            if (element.Source is null)
            {
                context.Add(element.ValueType);
            }

            return base.VisitPattern(context, element);
        }
    }

    private sealed class FastCompiler : IExpressionCompiler
    {
        public TDelegate Compile<TDelegate>(Expression<TDelegate> expression)
            where TDelegate : Delegate =>
            expression.CompileFast(ifFastFailedReturnNull: true) ?? expression.Compile();
    }
}
