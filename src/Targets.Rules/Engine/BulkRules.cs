using System.Linq.Expressions;
using NRules;
using NRules.RuleModel;
using Targets.Core.Errors;
using Targets.Core.Evaluation;

namespace Targets.Rules.Engine;

/// <summary>
/// The bulk path of a compiled locality. A measured target's rule has a single measurement pattern and a criterion
/// binding: evaluating it needs no network, so its criterion (the very expression tree the rule is built from, compiled
/// once) is called directly on each measured period. Only the rules that chain on verdicts (composites and C# rules) run in
/// a session, over the facts they match.
/// </summary>
internal sealed class BulkRules
{
    private readonly Func<MeasuredPeriod, Judgement>?[] _judge;
    private readonly Func<MeasuredPeriod, Judgement[]>?[] _judgeUnits;
    private readonly ISessionFactory? _chained;
    private readonly IReadOnlySet<Type> _matched;
    private readonly RuleCitations _citations;

    public BulkRules(LambdaExpression?[] criteria, IReadOnlyList<IRuleDefinition> chained, RuleCitations citations)
    {
        _citations = citations;
        _judge = new Func<MeasuredPeriod, Judgement>?[criteria.Length];
        _judgeUnits = new Func<MeasuredPeriod, Judgement[]>?[criteria.Length];
        for (var p = 0; p < criteria.Length; p++)
        {
            switch (criteria[p])
            {
                case Expression<Func<MeasuredPeriod, Judgement>> whole:
                    _judge[p] = RuleCompilation.Compiler.Compile(whole);
                    break;
                case Expression<Func<MeasuredPeriod, Judgement[]>> eachUnit:
                    _judgeUnits[p] = RuleCompilation.Compiler.Compile(eachUnit);
                    break;
            }
        }

        _chained = chained.Count == 0 ? null : NRulesRuleEngine.CompileRules(chained, citations);
        _matched = RuleCompilation.MatchedTypes(chained);
    }

    /// <summary>Judges one evaluation's measured periods directly, then runs the chained rules over what they match.</summary>
    public void Evaluate(Measurements measured, VerdictBoard board, List<Finding> findings)
    {
        var facts = _chained is null ? null : new List<object>();
        bool periods = Matched(typeof(MeasuredPeriod)), verdicts = Matched(typeof(Verdict)), units = Matched(typeof(UnitVerdict)), composite = Matched(typeof(CompositePeriod));
        for (var p = 0; p < measured.Measured.Length; p++)
        {
            if (measured.Measured[p] is not { } list)
            {
                if (facts is not null && composite && measured.Composites[p] is { } composites)
                {
                    facts.AddRange(composites);
                }

                continue;
            }

            foreach (var period in list)
            {
                Verdict verdict;
                try
                {
                    verdict = _judgeUnits[p] is { } judgeUnits
                        ? new Verdict(period.Result(judgeUnits(period)), period.Position, period.Slot, period.IsLatest)
                        : Verdict.Of(period, _judge[p]!(period));
                }
                catch (Exception exception) when (exception is not TargetsException)
                {
                    throw _citations.Failed(period.TargetId, exception);
                }

                board.Add(verdict);
                if (facts is null)
                {
                    continue;
                }

                if (periods)
                {
                    facts.Add(period);
                }

                if (units)
                {
                    facts.AddRange(UnitVerdict.Of(verdict.Result));
                }

                if (verdicts)
                {
                    facts.Add(verdict);
                }
            }
        }

        if (_chained is not null)
        {
            RuleRun.Fire(_chained, facts!, _citations, board, findings);
        }
    }

    /// <summary>Whether a chained rule can match facts of a type (a pattern of that type or of a type it derives from).</summary>
    private bool Matched(Type type) => _matched.Any(matched => matched.IsAssignableFrom(type));
}
