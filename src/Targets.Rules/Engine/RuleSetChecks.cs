using System.Globalization;
using Targets.Core.Errors;
using Targets.Core.Indicators;
using Targets.Core.Requirements;
using Targets.Core.Targets;
using Targets.Rules.RuleSets;

namespace Targets.Rules.Engine;

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

            if (target.Requirement is DeliverableRequirement && (target.Schedule is Core.Schedules.Schedule.EachYear || target.Scope is not TargetScope.WholeLocality))
            {
                throw Error("a deliverable is done once, by its deadline: give it a 'deadline' or 'year' schedule and the whole locality as scope");
            }

            if (target.Requirement is ChangeRangeRequirement range && range.From > range.To)
            {
                throw Error(string.Create(CultureInfo.InvariantCulture, $"the range runs from {range.From} to {range.To}: its start is above its end"));
            }
        }

        foreach (var (set, target) in targets)
        {
            var references = target.Requirement is CompositeRequirement composite ? composite.Targets : [];
            foreach (var reference in references.Concat(target.AlternativeOf is { } alt ? [alt] : []).Concat(target.SameAs is { } same ? [same] : []))
            {
                if (!ids.ContainsKey(reference))
                {
                    throw new RuleSetException(
                        $"plugin '{locality.Code}': it refers to '{reference}', which is not a target of this locality",
                        new SourceLocation(set.Origin),
                        target.Id.Value);
                }
            }

            if (target.SameAs is { } sameAs && targets.FirstOrDefault(t => t.Target.Id == sameAs) is var (otherSet, other)
                && (other is null || otherSet == set || other.Indicator != target.Indicator || other.Requirement != target.Requirement || other.Schedule != target.Schedule
                    || other.SameAs is not null || other.AlternativeOf is not null || target.AlternativeOf is not null))
            {
                throw new RuleSetException(
                    $"plugin '{locality.Code}': sameAs names '{sameAs}', which must be a default target of another document with the same indicator, requirement and schedule, not itself marked sameAs",
                    new SourceLocation(set.Origin),
                    target.Id.Value);
            }
        }

        CheckCompositesSettle(targets);
    }

    /// <summary>
    /// Composites fire once their components' verdicts are in; composites that read each other in a cycle never would, so
    /// they are refused here, before anything runs.
    /// </summary>
    private static void CheckCompositesSettle(IReadOnlyList<(RuleSet Set, Target Target)> targets)
    {
        var done = targets.Where(t => t.Target.Requirement is not CompositeRequirement).Select(t => t.Target.Id).ToHashSet();
        var pending = targets.Where(t => t.Target.Requirement is CompositeRequirement).ToList();
        while (pending.Count > 0)
        {
            var ready = pending.Where(t => ((CompositeRequirement)t.Target.Requirement).Targets.All(done.Contains)).ToList();
            if (ready.Count == 0)
            {
                throw new RuleSetException("composites refer to each other in a cycle", new SourceLocation(pending[0].Set.Origin), pending[0].Target.Id.Value);
            }

            foreach (var item in ready)
            {
                done.Add(item.Target.Id);
                pending.Remove(item);
            }
        }
    }
}
