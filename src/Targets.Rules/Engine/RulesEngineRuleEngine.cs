using System.Globalization;
using System.Linq.Expressions;
using FastExpressionCompiler;
using RulesEngine.ExpressionBuilders;
using RulesEngine.Models;
using Targets.Core.Errors;
using Targets.Core.Evaluation;
using Targets.Core.Indicators;
using Targets.Core.Requirements;
using Targets.Core.Targets;
using Targets.Rules.RuleSets;

namespace Targets.Rules.Engine;

/// <summary>How compiled rules are run.</summary>
public enum RuleExecution
{
    /// <summary>
    /// RulesEngine parses each expression once; the checked tree is compiled to a delegate that is called directly. The
    /// default: evaluation does not allocate.
    /// </summary>
    CompiledDelegates,

    /// <summary>
    /// Each evaluation goes through <c>RulesEngine.ExecuteAllRulesAsync</c>, the engine's own workflow path. Slower;
    /// kept to check that both paths give the same results.
    /// </summary>
    Workflow,
}

/// <summary>
/// The rule engine on Microsoft RulesEngine 6: standard requirements become RulesEngine expressions, plugin expressions
/// are taken as written, and every expression is parsed by RulesEngine, checked against an allow-list and compiled once.
/// </summary>
public sealed class RulesEngineRuleEngine : IRuleEngine
{
    private readonly RuleExecution _execution;

    /// <summary>Creates the engine.</summary>
    /// <param name="execution">How compiled rules are run.</param>
    public RulesEngineRuleEngine(RuleExecution execution = RuleExecution.CompiledDelegates) => _execution = execution;

    /// <inheritdoc />
    public ICompiledRuleSet Compile(Locality locality, IReadOnlyList<RuleSet> ruleSets)
    {
        var catalog = IndicatorCatalog.Shared;
        foreach (var ruleSet in ruleSets)
        {
            catalog = catalog.With(ruleSet.Indicators, new SourceLocation(ruleSet.Origin));
        }

        var targets = ruleSets.SelectMany(set => set.Targets.Select(target => (set, target))).ToList();
        RuleSetChecks.Check(locality, ruleSets, targets, catalog);

        var parser = new RuleExpressionParser(new ReSettings { EnableExceptionAsErrorMessage = false });
        var parameter = Expression.Parameter(typeof(Measurement), "m");
        var criteria = new Dictionary<TargetId, ITargetCriterion>(targets.Count);
        var workflows = new List<Workflow>();
        foreach (var (set, target) in targets)
        {
            var expressions = CriterionExpressions.For(target.Requirement);
            var met = CompileOne(parser, parameter, expressions.Met, locality, set, target);
            var exceeded = expressions.Exceeded is null ? null : CompileOne(parser, parameter, expressions.Exceeded, locality, set, target);
            criteria.Add(target.Id, new DelegateCriterion(met, exceeded));
            if (_execution == RuleExecution.Workflow)
            {
                workflows.Add(WorkflowCriterion.Workflow(target.Id, expressions));
            }
        }

        if (_execution == RuleExecution.Workflow)
        {
            var engine = new RulesEngine.RulesEngine([.. workflows], new ReSettings { EnableExceptionAsErrorMessage = false });
            foreach (var (_, target) in targets)
            {
                criteria[target.Id] = new WorkflowCriterion(engine, target.Id);
            }
        }

        return new CompiledRuleSet(locality, ruleSets, catalog, targets.Select(t => t.target).ToList(), criteria);
    }

    private static Func<Measurement, bool> CompileOne(
        RuleExpressionParser parser, ParameterExpression parameter, string expression, Locality locality, RuleSet set, Target target)
    {
        if (ExpressionAllowList.CheckText(expression) is { } tooLarge)
        {
            throw Refused(locality, set, target, $"the expression is not allowed: {tooLarge}", null);
        }

        Expression body;
        try
        {
            body = parser.Parse(expression, [parameter], typeof(bool));
        }
        catch (Exception exception) when (exception is not TargetsException)
        {
            throw Refused(locality, set, target, $"the expression '{expression}' does not compile: {exception.Message}", exception);
        }

        if (ExpressionAllowList.Check(body, parameter) is { } refusal)
        {
            throw Refused(locality, set, target, $"the expression '{expression}' is not allowed: {refusal}", null);
        }

        var lambda = Expression.Lambda<Func<Measurement, bool>>(body, parameter);
        return lambda.CompileFast(ifFastFailedReturnNull: true) ?? lambda.Compile();
    }

    private static RuleSetException Refused(Locality locality, RuleSet set, Target target, string problem, Exception? inner) =>
        new($"plugin '{locality.Code}': {problem}", new SourceLocation(set.Origin), target.Id.Value, inner);

    private sealed class DelegateCriterion(Func<Measurement, bool> met, Func<Measurement, bool>? exceeded) : ITargetCriterion
    {
        public bool IsMet(in Measurement measurement) => met(measurement);

        public bool IsExceeded(in Measurement measurement) => exceeded?.Invoke(measurement) ?? false;
    }

    private sealed class WorkflowCriterion(RulesEngine.RulesEngine engine, TargetId id) : ITargetCriterion
    {
        private const string MetRule = "met";
        private const string ExceededRule = "exceeded";

        public static Workflow Workflow(TargetId id, CriterionExpressions expressions)
        {
            var rules = new List<Rule> { Rule(MetRule, expressions.Met) };
            if (expressions.Exceeded is { } exceeded)
            {
                rules.Add(Rule(ExceededRule, exceeded));
            }

            return new Workflow { WorkflowName = id.Value, Rules = rules };
        }

        public bool IsMet(in Measurement measurement) => Run(measurement, MetRule);

        public bool IsExceeded(in Measurement measurement) => Run(measurement, ExceededRule);

        private static Rule Rule(string name, string expression) =>
            new() { RuleName = name, Expression = expression, RuleExpressionType = RuleExpressionType.LambdaExpression };

        private bool Run(Measurement measurement, string rule)
        {
            var results = engine.ExecuteAllRulesAsync(id.Value, new RuleParameter("m", measurement)).AsTask().GetAwaiter().GetResult();
            var result = results.FirstOrDefault(r => r.Rule.RuleName == rule);
            if (result is null)
            {
                return false;
            }

            if (!string.IsNullOrEmpty(result.ExceptionMessage))
            {
                throw new RuleSetException($"the rule failed while it ran: {result.ExceptionMessage}", null, id.Value);
            }

            return result.IsSuccess;
        }
    }
}

/// <summary>Checks that a locality's targets fit together before anything is compiled.</summary>
internal static class RuleSetChecks
{
    public static void Check(Locality locality, IReadOnlyList<RuleSet> ruleSets, IReadOnlyList<(RuleSet Set, Target Target)> targets, IndicatorCatalog catalog)
    {
        var ids = new Dictionary<TargetId, RuleSet>();

        // Goals and tasks share the id space of targets: a report, the listing and task reports in data name them by id.
        foreach (var set in ruleSets)
        {
            foreach (var id in set.Goals.Select(g => g.Id).Concat(set.Tasks.Select(t => t.Id)))
            {
                if (!ids.TryAdd(id, set))
                {
                    throw new RuleSetException(
                        $"plugin '{locality.Code}': the id is used twice (also in {ids[id].Origin})", new SourceLocation(set.Origin), id.Value);
                }
            }
        }

        foreach (var (set, target) in targets)
        {
            RuleSetException Error(string problem) =>
                new($"plugin '{locality.Code}': {problem}", new SourceLocation(set.Origin), target.Id.Value);

            if (!ids.TryAdd(target.Id, set))
            {
                throw Error($"the id is used twice (also in {ids[target.Id].Origin})");
            }

            if (target.Requirement is CompositeRequirement)
            {
                continue;
            }

            if (target.Indicator is not { } indicator)
            {
                throw Error("a measured target must name its indicator");
            }

            if (!catalog.Contains(indicator))
            {
                throw Error($"unknown indicator '{indicator}'{catalog.Suggest(indicator.Value)}");
            }

            if (target.Requirement is QuotaRequirement { QuotaIndicator: { } quota } && !catalog.Contains(quota))
            {
                throw Error($"unknown quota indicator '{quota}'{catalog.Suggest(quota.Value)}");
            }

            if (target.Requirement is ChangeRangeRequirement range && range.From > range.To)
            {
                throw Error(string.Create(CultureInfo.InvariantCulture, $"the range runs from {range.From} to {range.To}: its start is above its end"));
            }
        }

        foreach (var (set, target) in targets)
        {
            var references = target.Requirement is CompositeRequirement composite ? composite.Targets : [];
            foreach (var reference in references.Concat(target.AlternativeOf is { } alt ? [alt] : []))
            {
                if (!ids.ContainsKey(reference))
                {
                    throw new RuleSetException(
                        $"plugin '{locality.Code}': it refers to '{reference}', which is not a target of this locality",
                        new SourceLocation(set.Origin),
                        target.Id.Value);
                }
            }
        }
    }
}
