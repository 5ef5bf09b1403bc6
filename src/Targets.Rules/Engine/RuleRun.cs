using System.Runtime.ExceptionServices;
using NRules;
using NRules.Diagnostics;
using NRules.RuleModel;
using Targets.Core.Errors;
using Targets.Core.Evaluation;

namespace Targets.Rules.Engine;

/// <summary>
/// One run of a rules session: insert the facts, fire, read the verdicts and findings back. What NRules leaves to its
/// caller is done here: firing is bounded, an error anywhere (a condition, a binding, an action) becomes a
/// <see cref="RuleSetException"/> naming the rule that failed, an error some handler marked as handled is still an error,
/// and the session is dropped after one run, failed or not.
/// </summary>
internal static class RuleRun
{
    /// <summary>Rule firings allowed per fact inserted: each generated rule fires once per fact, chained rules a few times more.</summary>
    public const int FiringsPerFact = 8;

    /// <summary>Firings allowed on top of those per fact.</summary>
    public const int FiringsBase = 64;

    /// <summary>Runs one session over <paramref name="facts"/>.</summary>
    /// <param name="factory">The session factory.</param>
    /// <param name="facts">The facts to insert.</param>
    /// <param name="citations">The rules' files, for errors.</param>
    /// <param name="unmatched">What no rule of the factory matches (see <see cref="Unmatched.Of"/>); null to insert every verdict.</param>
    /// <returns>The verdicts its rules emitted (not those inserted), and the findings.</returns>
    /// <exception cref="RuleSetException">A rule failed while it ran, or kept firing.</exception>
    public static (List<Verdict> Emitted, List<Finding> Findings) Fire(ISessionFactory factory, List<object> facts, RuleCitations citations, Unmatched? unmatched = null)
    {
        var handOver = unmatched?.ForRun();
        RuleActions.Current = handOver;
        try
        {
            return FireSession(factory, facts, citations, handOver?.Emitted);
        }
        finally
        {
            RuleActions.Current = null;
        }
    }

    private static (List<Verdict> Emitted, List<Finding> Findings) FireSession(ISessionFactory factory, List<object> facts, RuleCitations citations, List<Verdict>? handedOver)
    {
        var session = factory.CreateSession();
        var failure = new Failure();
        session.Events.LhsExpressionFailedEvent += failure.OnCondition;
        session.Events.RhsExpressionFailedEvent += failure.OnAction;
        var budget = (facts.Count * FiringsPerFact) + FiringsBase;
        try
        {
            session.InsertAll(facts);
            session.Fire(budget);
            if (!session.Agenda.IsEmpty)
            {
                throw citations.KeptFiring(session.Agenda.Peek().Rule.Name, budget);
            }
        }
        catch (Exception exception) when (exception is not TargetsException)
        {
            if (exception.InnerException is TargetsException documented)
            {
                // A rule's action reported a documented error of its own: it stands as it is.
                ExceptionDispatchInfo.Throw(documented);
            }

            // The failure event names the rule whose condition failed. NRules' exception does not always: a condition that
            // fails on a fact inserted by another rule's action surfaces as that other rule's failed action.
            throw failure.Rule is not null
                ? citations.Failed(failure.Rule, failure.Cause!)
                : citations.Failed((exception as RuleRhsExpressionEvaluationException)?.RuleName, exception.InnerException ?? exception);
        }

        if (failure.Rule is not null)
        {
            // Someone marked the error handled and NRules went on as if the condition were false: that would turn a broken
            // rule into a verdict.
            throw citations.Failed(failure.Rule, failure.Cause!);
        }

        HashSet<object>? inserted = null;
        foreach (var fact in facts)
        {
            if (fact is Verdict)
            {
                (inserted ??= new HashSet<object>(ReferenceEqualityComparer.Instance)).Add(fact);
            }
        }

        var emitted = handedOver ?? [];
        var findings = new List<Finding>();
        foreach (var fact in session.Query<object>().AsEnumerable())
        {
            switch (fact)
            {
                case Verdict verdict when inserted?.Contains(verdict) != true:
                    emitted.Add(verdict);
                    break;
                case Finding finding:
                    findings.Add(finding);
                    break;
            }
        }

        return (emitted, findings);
    }

    /// <summary>The first rule that failed in a session, and why. Never marks an error handled.</summary>
    private sealed class Failure
    {
        public string? Rule { get; private set; }

        public Exception? Cause { get; private set; }

        public void OnCondition(object? sender, LhsExpressionErrorEventArgs e) =>
            Record(e.Rules.FirstOrDefault(), e.Exception);

        public void OnAction(object? sender, RhsExpressionErrorEventArgs e) =>
            Record(e.Match.Rule, e.Exception);

        private void Record(IRuleDefinition? rule, Exception? cause)
        {
            if (Rule is null && rule is not null)
            {
                Rule = rule.Name;
                Cause = cause ?? new InvalidOperationException("the rules engine reported a failure without an exception");
            }
        }
    }
}
