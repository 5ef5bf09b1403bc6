using System.Linq.Expressions;
using NRules;
using NRules.RuleModel;
using Targets.Core.Errors;
using Targets.Core.Evaluation;

namespace Targets.Rules.Engine;

/// <summary>A rule that chains on verdicts: a composite (its position and the positions it reads) or a rule written in C#.</summary>
/// <param name="Rule">The rule.</param>
/// <param name="Composite">The composite's position, or null for a C# rule (which may match any fact).</param>
/// <param name="Reads">The positions of the composite's components.</param>
internal sealed record ChainedRule(IRuleDefinition Rule, int? Composite, IReadOnlyList<int> Reads);

/// <summary>
/// The bulk path of a compiled locality. A measured target's rule has a single measurement pattern and a criterion
/// binding: evaluating it needs no network, so its criterion (the very expression tree the rule is built from, compiled
/// once) is called directly on each measured period. The rules that chain on verdicts (composites, C# rules) still run in
/// sessions: one per group of rules that read each other's facts, over the facts that group matches. A group whose facts
/// are those of the previous as-of date of the same figures gives what it gave then, without running again.
/// </summary>
internal sealed class BulkRules
{
    private readonly Func<MeasuredPeriod, Judgement>?[] _judge;
    private readonly Func<MeasuredPeriod, Judgement[]>?[] _judgeUnits;
    private readonly LambdaExpression?[] _unitCriteria;
    private readonly ChainGroup[] _groups;
    private readonly int[] _groupOf;
    private readonly ISessionFactory? _shared;
    private readonly Unmatched? _sharedUnmatched;
    private readonly RuleCitations _citations;

    /// <param name="criteria">Each measured target's criterion binding (null for composites).</param>
    /// <param name="unitCriteria">
    /// Each measured target's criterion over the period's units: its units, or the drill-down of a target on the whole
    /// (compiled when first needed: most figures are not given per unit).
    /// </param>
    /// <param name="chained">The rules that chain on verdicts.</param>
    /// <param name="citations">The rules' files, for errors.</param>
    public BulkRules(LambdaExpression?[] criteria, LambdaExpression?[] unitCriteria, IReadOnlyList<ChainedRule> chained, RuleCitations citations)
    {
        _citations = citations;
        _unitCriteria = unitCriteria;
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

        _groups = [.. ChainGroup.Of(chained, criteria.Length, citations)];
        _groupOf = new int[criteria.Length];
        for (var g = 0; g < _groups.Length; g++)
        {
            foreach (var composite in _groups[g].Composites)
            {
                _groupOf[composite] = g;
            }
        }

        var shared = chained.Where(rule => rule.Composite is { } c && _groups[_groupOf[c]].SharesSessions).ToList();
        if (shared.Count > 0)
        {
            _shared = NRulesRuleEngine.CompileRules([.. shared.Select(rule => rule.Rule)], citations);

            // A composite's verdict that no other composite reads changes nothing in the session: it is handed over.
            _sharedUnmatched = Unmatched.Of(shared, criteria.Length);
        }
    }

    /// <summary>How many session groups the chained rules form (each needs its own state per dataset).</summary>
    public int GroupCount => _groups.Length;

    /// <summary>
    /// Judges the measured periods of a dataset's evaluations (one per set of options) directly, then runs the chained
    /// rules: every group of composites in one session over all the evaluations' facts (each fact carrying its
    /// evaluation, which the composites join on; an evaluation whose facts for a group repeat an earlier one's shares its
    /// verdicts), and a group with rules written in C# once per evaluation (those rules know nothing of evaluations),
    /// unless the evaluation's facts are those of the one before.
    /// </summary>
    public void Evaluate(IReadOnlyList<PendingAssessment> pending)
    {
        var shared = _groups.Any(group => group.SharesSessions);
        var judged = new JudgedPeriods[pending.Count];
        for (var e = 0; e < pending.Count; e++)
        {
            judged[e] = Judge(pending[e], shared ? e : 0);
        }

        if (shared)
        {
            FireShared(pending, judged);
        }

        for (var g = 0; g < _groups.Length; g++)
        {
            var group = _groups[g];
            if (group.SharesSessions)
            {
                continue;
            }

            for (var e = 0; e < pending.Count; e++)
            {
                // The facts are identified before they are made: remembered periods are copied into facts only when
                // the group runs again.
                var inputs = group.KeysOf(pending[e].Measured, judged[e]);
                var memo = pending[e].Memo!.Groups;
                if (memo[g] is not { } outcome || !GroupOutcome.Same(outcome.Keys, inputs))
                {
                    FactKey[] kept = [.. inputs];
                    var facts = new List<object>(kept.Length);
                    group.AddFacts(pending[e].Measured, judged[e], facts, evaluation: 0);
                    var (emitted, findings) = RuleRun.Fire(group.Rules, facts, _citations);
                    outcome = memo[g] = new GroupOutcome(kept, emitted, findings);
                }

                foreach (var verdict in outcome.Emitted)
                {
                    pending[e].Board.Add(verdict);
                }

                pending[e].Findings.AddRange(outcome.Findings);
            }
        }
    }

    /// <summary>
    /// Runs every group of composites in one session over all the evaluations of a dataset. For each group, an
    /// evaluation whose facts are those of an earlier one (the same remembered results at the same places) adds nothing
    /// and takes the earlier one's verdicts.
    /// </summary>
    private void FireShared(IReadOnlyList<PendingAssessment> pending, JudgedPeriods[] judged)
    {
        var facts = new List<object>();
        var inserted = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var sameAs = new int[_groups.Length][];
        for (var g = 0; g < _groups.Length; g++)
        {
            var group = _groups[g];
            if (!group.SharesSessions)
            {
                continue;
            }

            var distinct = new List<(FactKey[] Inputs, int Evaluation)>();
            sameAs[g] = new int[pending.Count];
            for (var e = 0; e < pending.Count; e++)
            {
                var inputs = group.KeysOf(pending[e].Measured, judged[e]);
                var earlier = distinct.Count - 1;
                while (earlier >= 0 && !GroupOutcome.Same(distinct[earlier].Inputs, inputs))
                {
                    earlier--;
                }

                sameAs[g][e] = earlier < 0 ? e : distinct[earlier].Evaluation;
                if (earlier < 0)
                {
                    distinct.Add(([.. inputs], e));
                    var own = new List<object>(inputs.Count);
                    group.AddFacts(pending[e].Measured, judged[e], own, evaluation: e);

                    // Two groups may read the same component: its verdict goes in once.
                    facts.AddRange(own.Where(inserted.Add));
                }
            }
        }

        foreach (var verdict in RuleRun.Fire(_shared!, facts, _citations, _sharedUnmatched).Emitted)
        {
            var same = sameAs[_groupOf[verdict.Position]];
            for (var e = 0; e < pending.Count; e++)
            {
                if (same[e] == verdict.Evaluation)
                {
                    pending[e].Board.Add(verdict);
                }
            }
        }
    }

    /// <summary>Judges one evaluation's measured periods with the rules' criteria, putting each result on its board.</summary>
    private JudgedPeriods Judge(PendingAssessment pending, int evaluation)
    {
        var measured = pending.Measured.Measured;
        for (var p = 0; p < measured.Length; p++)
        {
            if (measured[p] is not { } periods)
            {
                continue;
            }

            for (var i = 0; i < periods.Length; i++)
            {
                var period = periods[i];

                // A measurement remembered from an earlier as-of date of the same figures was judged then.
                var result = period.RememberedResult;
                if (result is null)
                {
                    try
                    {
                        result = period.IsEachUnit
                            ? period.Result(_judgeUnits[p]!(period))
                            : period.Result(_judge[p]!(period), period.Units.Count == 0 ? [] : JudgeUnits(p)(period));
                    }
                    catch (Exception exception) when (exception is not TargetsException)
                    {
                        throw _citations.Failed(period.TargetId, exception);
                    }

                    if (period.IsRemembered)
                    {
                        period.RememberedResult = result;
                    }
                }

                pending.Board.Add(p, i, result);
            }
        }

        return new JudgedPeriods(pending.Board, evaluation);
    }

    /// <summary>The criterion over a period's units, compiled on first use (a race compiles it twice, harmlessly).</summary>
    private Func<MeasuredPeriod, Judgement[]> JudgeUnits(int position) =>
        _judgeUnits[position] ??= RuleCompilation.Compiler.Compile((Expression<Func<MeasuredPeriod, Judgement[]>>)_unitCriteria[position]!);

    /// <summary>Chained rules that read each other's facts, compiled into one session factory of their own.</summary>
    private sealed class ChainGroup
    {
        [ThreadStatic]
        private static List<FactKey>? _scratchKeys;

        private readonly int[]? _reads;
        private readonly bool _periods;
        private readonly bool _verdicts;
        private readonly bool _units;
        private readonly bool _compositePeriods;

        private ChainGroup(IReadOnlyList<ChainedRule> rules, int[] composites, int[]? reads, RuleCitations citations)
        {
            SharesSessions = reads is not null;
            Rules = SharesSessions ? null! : NRulesRuleEngine.CompileRules([.. rules.Select(rule => rule.Rule)], citations);
            Composites = composites;
            _reads = reads;
            var matched = RuleCompilation.MatchedTypes(rules.Select(rule => rule.Rule));
            bool Matched(Type type) => matched.Any(m => m.IsAssignableFrom(type));
            (_periods, _verdicts, _units, _compositePeriods) = (Matched(typeof(MeasuredPeriod)), Matched(typeof(Verdict)), Matched(typeof(UnitVerdict)), Matched(typeof(CompositePeriod)));
        }

        /// <summary>The group's rules, compiled on their own (for a group that does not share sessions).</summary>
        public ISessionFactory Rules { get; }

        /// <summary>The positions of the group's composites.</summary>
        public int[] Composites { get; }

        /// <summary>
        /// Whether several evaluations may share one session: a group of composites joins verdicts of the same evaluation
        /// only; a group with rules written in C# does not know of evaluations.
        /// </summary>
        public bool SharesSessions { get; }

        /// <summary>
        /// Composites fall into groups by the composites they read; a rule written in C# may match any fact, so with one
        /// every chained rule is in a single group that sees every fact.
        /// </summary>
        public static IEnumerable<ChainGroup> Of(IReadOnlyList<ChainedRule> chained, int positions, RuleCitations citations)
        {
            if (chained.Count == 0)
            {
                yield break;
            }

            if (chained.Any(rule => rule.Composite is null))
            {
                yield return new ChainGroup(chained, [.. chained.Select(r => r.Composite).OfType<int>()], reads: null, citations);
                yield break;
            }

            // Union-find over positions: a composite joins the composites it reads.
            var parent = Enumerable.Range(0, positions).ToArray();
            int Root(int p) => parent[p] == p ? p : parent[p] = Root(parent[p]);
            var composites = chained.ToDictionary(rule => rule.Composite!.Value);
            foreach (var rule in chained)
            {
                foreach (var read in rule.Reads.Where(composites.ContainsKey))
                {
                    parent[Root(read)] = Root(rule.Composite!.Value);
                }
            }

            foreach (var group in chained.GroupBy(rule => Root(rule.Composite!.Value)))
            {
                var members = group.ToList();
                int[] own = [.. members.Select(rule => rule.Composite!.Value).Order()];
                int[] reads = [.. members.SelectMany(rule => rule.Reads).Where(read => !composites.ContainsKey(read)).Distinct().Order()];
                yield return new ChainGroup(members, own, reads, citations);
            }
        }

        /// <summary>Adds the facts of one evaluation that the group matches, in the order of <see cref="KeysOf"/>.</summary>
        public void AddFacts(Measurements measured, JudgedPeriods judged, List<object> facts, int evaluation)
        {
            foreach (var composite in CompositesMatched())
            {
                foreach (var period in measured.Composites[composite]!)
                {
                    period.Evaluation = evaluation;
                    facts.Add(period);
                }
            }

            foreach (var p in PositionsRead(measured))
            {
                var periods = measured.Measured[p]!;
                for (var slot = 0; slot < periods.Length; slot++)
                {
                    if (_periods)
                    {
                        facts.Add(periods[slot].Placed(slot, slot == periods.Length - 1));
                    }

                    if (_units)
                    {
                        facts.AddRange(UnitVerdict.Of(judged.Board.ResultOf(p, slot)));
                    }

                    if (_verdicts)
                    {
                        facts.Add(judged.Verdict(p, slot));
                    }
                }
            }
        }

        /// <summary>
        /// What identifies the facts <see cref="AddFacts"/> would add, one key per fact in the same order, without making
        /// them: the remembered measurement or result each carries and its place. The list is the thread's, overwritten by
        /// the next call: an outcome keeps a copy.
        /// </summary>
        public List<FactKey> KeysOf(Measurements measured, JudgedPeriods judged)
        {
            var keys = _scratchKeys ??= [];
            keys.Clear();
            foreach (var composite in CompositesMatched())
            {
                foreach (var period in measured.Composites[composite]!)
                {
                    keys.Add(new(period.Target, period.Slot, period.IsLatest, period.Period));
                }
            }

            foreach (var p in PositionsRead(measured))
            {
                var periods = measured.Measured[p]!;
                for (var slot = 0; slot < periods.Length; slot++)
                {
                    if (_periods)
                    {
                        var period = periods[slot];
                        // A remembered measurement is the same object on every date it serves.
                        keys.Add(new(period, slot, slot == periods.Length - 1, null));
                    }

                    if (_units)
                    {
                        var units = judged.Board.ResultOf(p, slot).Units;
                        for (var u = 0; u < units.Count; u++)
                        {
                            keys.Add(new(units[u], u, false, null));
                        }
                    }

                    if (_verdicts)
                    {
                        keys.Add(new(judged.Board.ResultOf(p, slot), slot, slot == judged.Board.SlotCount(p) - 1, null));
                    }
                }
            }

            return keys;
        }

        /// <summary>The composites whose periods the group matches (none when no rule matches a composite's period).</summary>
        private int[] CompositesMatched() => _compositePeriods ? Composites : [];

        /// <summary>The measured positions whose facts the group reads: its components, or every one for a C# rule.</summary>
        private IEnumerable<int> PositionsRead(Measurements measured)
        {
            for (var i = 0; i < (_reads?.Length ?? measured.Measured.Length); i++)
            {
                var p = _reads?[i] ?? i;
                if (measured.Measured[p] is not null)
                {
                    yield return p;
                }
            }
        }
    }
}

/// <summary>
/// One evaluation's measured periods, judged: each target's results by position, and their verdict facts, made only when
/// a chained rule matches them (and once, however many groups read them).
/// </summary>
internal sealed class JudgedPeriods(VerdictBoard board, int evaluation)
{
    private Verdict[]?[]? _verdicts;

    /// <summary>The board holding the results.</summary>
    public VerdictBoard Board => board;

    /// <summary>The verdict fact of a target's period.</summary>
    public Verdict Verdict(int position, int slot)
    {
        var count = board.SlotCount(position);
        var verdicts = (_verdicts ??= new Verdict[]?[board.TargetCount])[position] ??= new Verdict[count];
        return verdicts[slot] ??= new Verdict(board.ResultOf(position, slot), position, slot, slot == count - 1, evaluation);
    }
}

/// <summary>What a group of chained rules gave for a set of facts, and what identifies those facts.</summary>
internal sealed class GroupOutcome(FactKey[] inputs, IReadOnlyList<Verdict> emitted, IReadOnlyList<Finding> findings)
{
    /// <summary>What identifies the facts the outcome came from.</summary>
    public FactKey[] Keys => inputs;

    /// <summary>The verdicts the group's rules emitted.</summary>
    public IReadOnlyList<Verdict> Emitted => emitted;

    /// <summary>The findings they inserted.</summary>
    public IReadOnlyList<Finding> Findings => findings;

    /// <summary>Whether two sets of facts are the same: the same remembered results, at the same places.</summary>
    public static bool Same(FactKey[] one, List<FactKey> other)
    {
        if (other.Count != one.Length)
        {
            return false;
        }

        for (var i = 0; i < one.Length; i++)
        {
            var key = other[i];
            if (!ReferenceEquals(key.Source, one[i].Source) || key.Slot != one[i].Slot || key.IsLatest != one[i].IsLatest || key.Period != one[i].Period)
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>A fact's identity across evaluations of the same figures.</summary>
/// <param name="Source">The remembered measurement or result it carries (compared by reference).</param>
/// <param name="Slot">Its place among its target's periods or units.</param>
/// <param name="IsLatest">Whether it is its target's last period.</param>
/// <param name="Period">For a composite's period, the period it judges.</param>
internal readonly record struct FactKey(object Source, int Slot, bool IsLatest, Core.Periods.ReportingPeriod? Period);

