using System.Linq.Expressions;
using NRules;
using NRules.RuleModel;
using Targets.Core.Errors;
using Targets.Core.Evaluation;
using Targets.Core.Indicators;
using Targets.Core.Requirements;
using Targets.Core.Targets;
using Targets.Rules.RuleSets;
using RuleSet = Targets.Rules.RuleSets.RuleSet;

namespace Targets.Rules.Engine;

/// <summary>
/// The rule engine on NRules: each target of a locality becomes an NRules rule, built with the rule model's builders from
/// its requirement as an expression tree (a plugin's own expression is parsed once, checked against an allow-list and
/// made to check its arithmetic), C# rules written with NRules.Fluent join them, and all are compiled once into one
/// session factory per locality.
/// </summary>
public sealed class NRulesRuleEngine : IRuleEngine
{
    /// <inheritdoc />
    public ICompiledRuleSet Compile(Locality locality, IReadOnlyList<RuleSet> ruleSets) => Compile(locality, ruleSets, []);

    /// <inheritdoc />
    public ICompiledRuleSet Compile(Locality locality, IReadOnlyList<RuleSet> ruleSets, IReadOnlyList<Type> ruleTypes)
    {
        ArgumentNullException.ThrowIfNull(locality);
        ArgumentNullException.ThrowIfNull(ruleSets);
        ArgumentNullException.ThrowIfNull(ruleTypes);
        var catalog = IndicatorCatalog.Shared;
        foreach (var ruleSet in ruleSets)
        {
            catalog = catalog.With(ruleSet.Indicators, new SourceLocation(ruleSet.Origin));
        }

        var targets = ruleSets.SelectMany(set => set.Targets.Select(target => (set, target))).ToList();
        RuleSetChecks.Check(locality, ruleSets, targets, catalog);

        var positions = new Dictionary<TargetId, int>(targets.Count);
        for (var i = 0; i < targets.Count; i++)
        {
            positions[targets[i].target.Id] = i;
        }

        var m = Expression.Parameter(typeof(Measurement), "m");
        var rules = new List<IRuleDefinition>(targets.Count + ruleTypes.Count);
        var chained = new List<ChainedRule>();
        var citations = new Dictionary<string, RuleCitation>(StringComparer.Ordinal);
        var criteria = new LambdaExpression?[targets.Count];
        var unitCriteria = new LambdaExpression?[targets.Count];
        for (var position = 0; position < targets.Count; position++)
        {
            var (set, target) = targets[position];
            citations[target.Id.Value] = new RuleCitation(set.Origin, target.Id.Value);
            Criteria criterion;
            try
            {
                criterion = Criteria.For(target.Requirement, m, text => UserExpressions.Parse(text, m), CountsWholeThings(target, catalog));
            }
            catch (ExpressionRefusedException refused)
            {
                throw new RuleSetException($"plugin '{locality.Code}': {refused.Message}", new SourceLocation(set.Origin), target.Id.Value, refused.InnerException);
            }

            if (target.Requirement is CompositeRequirement composite)
            {
                int[] components = [.. composite.Targets.Select(id => positions[id])];
                var rule = TargetRules.Composite(target, position, components, criterion, m);
                rules.Add(rule);
                chained.Add(new ChainedRule(rule, position, components));
            }
            else
            {
                var eachUnit = target.Scope is TargetScope.EachUnit;
                criteria[position] = TargetRules.MeasuredCriterion(criterion, m, eachUnit);
                unitCriteria[position] = eachUnit ? criteria[position] : TargetRules.MeasuredCriterion(criterion, m, eachUnit: true);
                rules.Add(TargetRules.Measured(target, position, criteria[position]!, eachUnit ? null : unitCriteria[position]));
            }
        }

        foreach (var (rule, citation) in FluentRules.Load(locality, ruleTypes))
        {
            // A C# rule's name must not be another rule's: errors, and the exactly-one-verdict check, name rules by it.
            if (!citations.TryAdd(rule.Name, citation))
            {
                throw new RuleSetException(
                    $"plugin '{locality.Code}': the rule name is used twice (also in {citations[rule.Name].File})", new SourceLocation(citation.File), rule.Name);
            }

            rules.Add(rule);
            chained.Add(new ChainedRule(rule, null, []));
        }

        var ruleCitations = new RuleCitations(locality.Code, citations);
        return new CompiledRuleSet(locality, ruleSets, catalog, [.. targets.Select(t => t.target)], CompileRules(rules, ruleCitations), criteria, unitCriteria, chained, ruleCitations);
    }

    /// <summary>Whether a target's measured value counts whole things (an indicator of kind count): its pass mark moves by one.</summary>
    private static bool CountsWholeThings(Target target, IndicatorCatalog catalog) =>
        target.Indicator is { } indicator && catalog.TryGet(indicator, out var found) && found.Kind == IndicatorKind.Count;

    /// <summary>Compiles rules into a session factory, a rule that does not compile being an error naming it.</summary>
    internal static ISessionFactory CompileRules(IReadOnlyList<IRuleDefinition> rules, RuleCitations citations)
    {
        try
        {
            return RuleCompilation.Compile(rules);
        }
        catch (RuleCompilationException exception)
        {
            throw citations.Error(exception.RuleName, $"the rule does not compile ({exception.InnerException?.GetType().Name}: {exception.InnerException?.Message})", exception);
        }
    }
}
