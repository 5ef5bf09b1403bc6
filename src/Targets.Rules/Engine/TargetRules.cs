using System.Linq.Expressions;
using NRules.RuleModel;
using NRules.RuleModel.Builders;
using Targets.Core.Evaluation;
using Targets.Core.Targets;

namespace Targets.Rules.Engine;

/// <summary>
/// Builds each target's NRules rule with the rule model's builders, from its criterion's expression tree:
/// <list type="bullet">
/// <item>a measured target: <c>when MeasuredPeriod period (of this target), judgement = criterion(period.Measurement)
/// then insert its Verdict</c> (for a target that holds for each unit, the criterion judges every unit, and the rule also
/// inserts each unit's verdict; for a target on the whole whose figures are also given per unit, the action judges the
/// drill-down's units with the same criterion);</item>
/// <item>a composite: <c>when CompositePeriod period (of this target), the Verdict of each component for that period,
/// judgement = criterion(how many are met) then insert its Verdict</c>, so composites fire by forward chaining once their
/// components' verdicts are in, composites of composites included.</item>
/// </list>
/// The criterion sits in the rule's left-hand side, as a binding, so a criterion that throws is a failed condition of
/// that very rule.
/// </summary>
internal static class TargetRules
{
    private const string PeriodName = "period";
    private const string JudgementName = "judgement";

    /// <summary>The criterion binding of a measured target, over its measured period.</summary>
    /// <param name="criteria">The criterion, over <paramref name="m"/>.</param>
    /// <param name="m">The measurement parameter the criterion reads.</param>
    /// <param name="eachUnit">
    /// Whether to judge the period's units (<see cref="MeasuredPeriod.Units"/>): those of a target that holds for each
    /// unit, or the drill-down of a target on the whole.
    /// </param>
    /// <returns><c>(MeasuredPeriod period) =&gt; Judgement</c>, or <c>=&gt; Judgement[]</c> for each unit.</returns>
    public static LambdaExpression MeasuredCriterion(Criteria criteria, ParameterExpression m, bool eachUnit)
    {
        var period = Expression.Parameter(typeof(MeasuredPeriod), PeriodName);
        if (eachUnit)
        {
            // units => units.Select(unit => unit.IsJudged ? judge(unit.Measurement) : NotJudged).ToArray()
            var unit = Expression.Parameter(typeof(MeasuredUnit), "unit");
            var perUnit = Expression.Lambda<Func<MeasuredUnit, Judgement>>(
                Judged(Expression.Property(unit, nameof(MeasuredUnit.IsJudged)), Expression.Property(unit, nameof(MeasuredUnit.Measurement)), criteria, m),
                unit);
            var select = Expression.Call(typeof(Enumerable), nameof(Enumerable.Select), [typeof(MeasuredUnit), typeof(Judgement)], Expression.Property(period, nameof(MeasuredPeriod.Units)), perUnit);
            return Expression.Lambda<Func<MeasuredPeriod, Judgement[]>>(
                Expression.Call(typeof(Enumerable), nameof(Enumerable.ToArray), [typeof(Judgement)], select), period);
        }

        return Expression.Lambda<Func<MeasuredPeriod, Judgement>>(
            Judged(Expression.Property(period, nameof(MeasuredPeriod.IsJudged)), Expression.Property(period, nameof(MeasuredPeriod.Measurement)), criteria, m),
            period);
    }

    /// <summary>The rule of a measured target.</summary>
    /// <param name="target">The target (its id names the rule).</param>
    /// <param name="position">The target's place in its locality's evaluation order.</param>
    /// <param name="criterion">Its criterion binding (<see cref="MeasuredCriterion"/>).</param>
    /// <param name="drillDown">For a target on the whole: its criterion over the units (judged in the action, when there are any).</param>
    public static IRuleDefinition Measured(Target target, int position, LambdaExpression criterion, LambdaExpression? drillDown)
    {
        var builder = new RuleBuilder();
        builder.Name(target.Id.Value);
        builder.Description(target.Wording);
        var lhs = builder.LeftHandSide();
        var period = Expression.Parameter(typeof(MeasuredPeriod), PeriodName);
        var pattern = lhs.Pattern(typeof(MeasuredPeriod), PeriodName);

        // NRules tests a fact against every condition node under its type in turn; the rules of a block of eight targets
        // first share one node (period.Position >> 3 == block), so a fact meets a dozen nodes rather than one per target.
        pattern.Condition(Expression.Lambda(
            Expression.Equal(Expression.RightShift(Expression.Property(period, nameof(MeasuredPeriod.Position)), Expression.Constant(3)), Expression.Constant(position >> 3)),
            period));
        pattern.Condition(IsPositionOf(period, nameof(MeasuredPeriod.Position), position));
        lhs.Pattern(criterion.ReturnType, JudgementName).Binding().BindingExpression(criterion);

        var context = Expression.Parameter(typeof(IContext), "context");
        var judgement = Expression.Parameter(criterion.ReturnType, JudgementName);
        var call = drillDown is null
            ? Expression.Call(typeof(RuleActions), nameof(RuleActions.InsertUnitVerdicts), null, context, period, judgement)
            : Expression.Call(typeof(RuleActions), nameof(RuleActions.InsertVerdict), null, context, period, judgement, UnitsJudged(period, drillDown));
        builder.RightHandSide().Action(Expression.Lambda(call, context, period, judgement));
        return builder.Build();
    }

    /// <summary>The rule of a composite target.</summary>
    /// <param name="target">The composite (its id names the rule).</param>
    /// <param name="position">Its place in its locality's evaluation order.</param>
    /// <param name="components">The places of its components, in the order it lists them.</param>
    /// <param name="criteria">Its criterion, over <paramref name="m"/> (how many components are met, out of how many).</param>
    /// <param name="m">The measurement parameter the criterion reads.</param>
    public static IRuleDefinition Composite(Target target, int position, IReadOnlyList<int> components, Criteria criteria, ParameterExpression m)
    {
        var builder = new RuleBuilder();
        builder.Name(target.Id.Value);
        builder.Description(target.Wording);
        var lhs = builder.LeftHandSide();
        var period = Expression.Parameter(typeof(CompositePeriod), PeriodName);
        lhs.Pattern(typeof(CompositePeriod), PeriodName).Condition(IsPositionOf(period, nameof(CompositePeriod.Position), position));

        var verdicts = new ParameterExpression[components.Count];
        for (var i = 0; i < verdicts.Length; i++)
        {
            var name = $"component{i + 1}";
            verdicts[i] = Expression.Parameter(typeof(Verdict), name);
            var pattern = lhs.Pattern(typeof(Verdict), name);
            pattern.Condition(IsPositionOf(verdicts[i], nameof(Verdict.Position), components[i]));
            pattern.Condition(Expression.Lambda(Expression.Call(period, nameof(CompositePeriod.Reads), null, verdicts[i]), period, verdicts[i]));
        }

        // judgement = judge(CompositePeriod.Measure([component1, ..., componentN]))
        var all = Expression.NewArrayInit(typeof(Verdict), verdicts);
        var measured = Expression.Variable(typeof(Measurement), m.Name);
        var judge = Expression.Block(
            [measured],
            Expression.Assign(measured, Expression.Call(typeof(CompositePeriod), nameof(CompositePeriod.Measure), null, all)),
            new Substitution(m, measured).Visit(criteria.Judgement()));
        lhs.Pattern(typeof(Judgement), JudgementName).Binding().BindingExpression(Expression.Lambda(judge, verdicts));

        var context = Expression.Parameter(typeof(IContext), "context");
        var judgement = Expression.Parameter(typeof(Judgement), JudgementName);
        builder.RightHandSide().Action(Expression.Lambda(
            Expression.Call(typeof(RuleActions), nameof(RuleActions.InsertCompositeVerdict), null, context, period, judgement, all),
            [context, period, judgement, .. verdicts]));
        return builder.Build();
    }

    /// <summary><c>period.Units.Count == 0 ? [] : drillDown(period)</c>: nothing is judged when the figures are not given per unit.</summary>
    private static ConditionalExpression UnitsJudged(ParameterExpression period, LambdaExpression drillDown)
    {
        var units = Expression.Property(period, nameof(MeasuredPeriod.Units));
        var count = Expression.Property(units, typeof(IReadOnlyCollection<MeasuredUnit>).GetProperty(nameof(IReadOnlyCollection<MeasuredUnit>.Count))!);
        return Expression.Condition(
            Expression.Equal(count, Expression.Constant(0)),
            Expression.Constant(Array.Empty<Judgement>()),
            new Substitution(drillDown.Parameters[0], period).Visit(drillDown.Body));
    }

    private static LambdaExpression IsPositionOf(ParameterExpression fact, string property, int position) =>
        Expression.Lambda(Expression.Equal(Expression.Property(fact, property), Expression.Constant(position)), fact);

    /// <summary><c>isJudged ? judge(measurement) : NotJudged</c>, the measurement read once into the criterion's parameter.</summary>
    private static BlockExpression Judged(Expression isJudged, Expression measurement, Criteria criteria, ParameterExpression m)
    {
        var measured = Expression.Variable(typeof(Measurement), m.Name);
        return Expression.Block(
            typeof(Judgement),
            [measured],
            Expression.Condition(
                isJudged,
                Expression.Block(Expression.Assign(measured, measurement), new Substitution(m, measured).Visit(criteria.Judgement())),
                Expression.Constant(Judgement.NotJudged)));
    }

    /// <summary>Replaces the criterion's measurement parameter with the variable holding the measurement.</summary>
    private sealed class Substitution(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}

/// <summary>
/// What the generated rules do when they fire: insert the verdicts their criteria judged. A verdict no rule of the session
/// matches changes nothing in the network, so it is handed straight to the run (<see cref="Unmatched"/>) instead.
/// </summary>
internal static class RuleActions
{
    [ThreadStatic]
    private static Unmatched? t_unmatched;

    /// <summary>What the session running on this thread does not match, and where such verdicts go.</summary>
    public static Unmatched? Current
    {
        get => t_unmatched;
        set => t_unmatched = value;
    }

    public static void InsertVerdict(IContext context, MeasuredPeriod period, Judgement judgement, Judgement[] unitJudgements) =>
        Insert(context, Verdict.Of(period, judgement, unitJudgements));

    public static void InsertUnitVerdicts(IContext context, MeasuredPeriod period, Judgement[] judgement)
    {
        var result = period.Result(judgement);
        if (t_unmatched is not { Units: true })
        {
            context.InsertAll(UnitVerdict.Of(result));
        }

        Insert(context, new Verdict(result, period.Position, period.Slot, period.IsLatest));
    }

    public static void InsertCompositeVerdict(IContext context, CompositePeriod period, Judgement judgement, Verdict[] components) =>
        Insert(context, period.Verdict(judgement, components));

    private static void Insert(IContext context, Verdict verdict)
    {
        if (t_unmatched is { } unmatched && unmatched.HandsOver(verdict))
        {
            unmatched.Emitted.Add(verdict);
        }
        else
        {
            context.Insert(verdict);
        }
    }
}

/// <summary>Which verdict facts no rule of a session matches, and the verdicts handed over instead of inserted.</summary>
/// <param name="Verdicts">No rule matches <see cref="Verdict"/>.</param>
/// <param name="Units">No rule matches <see cref="UnitVerdict"/>.</param>
/// <param name="Read">
/// When every rule that matches verdicts is a composite: by position, whether a composite reads that target's verdicts
/// (the others are handed over). Null when a rule written in C# may read any verdict.
/// </param>
internal sealed record Unmatched(bool Verdicts, bool Units, bool[]? Read)
{
    /// <summary>The verdicts handed over.</summary>
    public List<Verdict> Emitted { get; } = [];

    /// <summary>Whether a verdict is handed over rather than inserted: no rule of the session would match it.</summary>
    public bool HandsOver(Verdict verdict) =>
        Verdicts || (Read is { } read && !((uint)verdict.Position < (uint)read.Length && read[verdict.Position]));

    /// <summary>The same, with a list of its own for the verdicts one run hands over.</summary>
    public Unmatched ForRun() => new(Verdicts, Units, Read);

    /// <summary>What the chained rules of a session factory leave unmatched (the rules of measured targets match no verdict).</summary>
    /// <param name="chained">The chained rules.</param>
    /// <param name="positions">How many targets the locality has.</param>
    public static Unmatched Of(IReadOnlyList<ChainedRule> chained, int positions)
    {
        var matched = RuleCompilation.MatchedTypes(chained.Select(rule => rule.Rule));
        bool[]? read = null;
        if (chained.All(rule => rule.Composite is not null))
        {
            read = new bool[positions];
            foreach (var position in chained.SelectMany(rule => rule.Reads))
            {
                read[position] = true;
            }
        }

        return new(!matched.Any(t => t.IsAssignableFrom(typeof(Verdict))), !matched.Any(t => t.IsAssignableFrom(typeof(UnitVerdict))), read);
    }
}
