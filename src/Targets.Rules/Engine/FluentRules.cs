using System.Reflection;
using NRules.Fluent;
using NRules.RuleModel;
using Targets.Core.Errors;

namespace Targets.Rules.Engine;

/// <summary>
/// Rules written in C# with NRules.Fluent (<see cref="NRules.Fluent.Dsl.Rule"/> subclasses), shipped in a plugin assembly
/// or added by an application: each is instantiated and defined once, and joins the generated rules in the locality's
/// repository, matching the same facts.
/// </summary>
internal static class FluentRules
{
    /// <summary>Builds the definition of every rule type.</summary>
    /// <exception cref="RuleSetException">A type is not a rule, or its constructor or definition fails.</exception>
    public static IReadOnlyList<(IRuleDefinition Rule, RuleCitation Citation)> Load(Locality locality, IReadOnlyList<Type> types)
    {
        var factory = new RuleDefinitionFactory();
        var rules = new List<(IRuleDefinition, RuleCitation)>(types.Count);
        foreach (var type in types)
        {
            var file = Cite(type);
            RuleSetException Error(string problem, Exception? inner = null) =>
                new($"plugin '{locality.Code}': {problem}", new SourceLocation(file), type.FullName, inner);

            if (!typeof(NRules.Fluent.Dsl.Rule).IsAssignableFrom(type) || type.IsAbstract || type.ContainsGenericParameters
                || type.GetConstructor(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic, Type.EmptyTypes) is null)
            {
                throw Error("it is not a rule: a rule written in C# is a non-abstract class deriving from NRules.Fluent.Dsl.Rule, with a constructor taking no arguments");
            }

            NRules.Fluent.Dsl.Rule rule;
            try
            {
                rule = (NRules.Fluent.Dsl.Rule)Activator.CreateInstance(type, nonPublic: true)!;
            }
            catch (TargetInvocationException exception)
            {
                throw Error($"its constructor failed ({exception.InnerException?.GetType().Name}: {exception.InnerException?.Message})", exception);
            }

            IRuleDefinition definition;
            try
            {
                definition = factory.Create(rule);
            }
            catch (RuleDefinitionException exception)
            {
                throw Error($"its definition failed ({exception.InnerException?.GetType().Name}: {exception.InnerException?.Message})", exception);
            }

            rules.Add((definition, new RuleCitation(file, definition.Name)));
        }

        return rules;
    }

    /// <summary>How a rule written in C# is cited: its assembly and type.</summary>
    public static string Cite(Type type) => $"{type.Assembly.GetName().Name}:{type.FullName}";
}
