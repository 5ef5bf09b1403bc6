using Targets.Core.Documents;
using Targets.Core.Indicators;
using Targets.Core.Periods;
using Targets.Core.Requirements;
using Targets.Core.Schedules;
using Targets.Core.Tasks;
using Targets.Core.Targets;

namespace Targets.Rules.RuleSets;

/// <summary>
/// Builds a <see cref="RuleSet"/> in C#: the same model the JSON form produces, for plugins that prefer code and for tests.
/// </summary>
/// <example>
/// <code>
/// var rules = RuleSetBuilder.For(document)
///     .Target("can-tho.20-ctr-tu.2.5.b", "II.2.5", "Tỷ lệ điều tra, khám phá các loại tội phạm đạt từ 75% trở lên",
///         t => t.Indicator("crime.clearance-rate").AtLeast(75).EachYear())
///     .Build("CanThoRules.cs");
/// </code>
/// </example>
public sealed class RuleSetBuilder
{
    private readonly DocumentReference _document;
    private readonly List<Indicator> _indicators = [];
    private readonly List<Target> _targets = [];
    private readonly List<UnmeasuredGoal> _goals = [];
    private readonly List<PlanTask> _tasks = [];
    private bool _retrospective;
    private string? _reading;

    private RuleSetBuilder(DocumentReference document) => _document = document;

    /// <summary>Starts a rule set for a document.</summary>
    public static RuleSetBuilder For(DocumentReference document) => new(document);

    /// <summary>Adds an indicator to the shared catalog for this rule set.</summary>
    public RuleSetBuilder Indicator(Indicator indicator)
    {
        _indicators.Add(indicator);
        return this;
    }

    /// <summary>Adds a target.</summary>
    /// <param name="id">The stable id.</param>
    /// <param name="clause">The clause.</param>
    /// <param name="wording">The original wording, verbatim.</param>
    /// <param name="configure">Sets the indicator, requirement and schedule.</param>
    public RuleSetBuilder Target(string id, string clause, string wording, Action<TargetBuilder> configure)
    {
        var builder = new TargetBuilder();
        configure(builder);
        _targets.Add(builder.Build(new TargetId(id), _document, clause, wording));
        return this;
    }

    /// <summary>Adds an unmeasured goal.</summary>
    public RuleSetBuilder Goal(string id, string clause, string wording, string reason)
    {
        _goals.Add(new UnmeasuredGoal(new TargetId(id), _document, clause, wording, reason));
        return this;
    }

    /// <summary>Adds a dated task.</summary>
    public RuleSetBuilder Task(string id, string clause, string wording, Responsibility responsibility, string deadlineText, params ReportingPeriod[] deadlines)
    {
        _tasks.Add(new PlanTask(new TargetId(id), _document, clause, wording, responsibility, deadlines, deadlineText));
        return this;
    }

    /// <summary>Marks the rule set as a document's account of a period before its plan (see <see cref="RuleSet.IsRetrospective"/>).</summary>
    public RuleSetBuilder Retrospective()
    {
        _retrospective = true;
        return this;
    }

    /// <summary>States a reading that holds for every target of the rule set.</summary>
    public RuleSetBuilder Reading(string reading)
    {
        _reading = reading;
        return this;
    }

    /// <summary>Builds the rule set.</summary>
    /// <param name="origin">What to cite in errors (the source file of the code, for instance).</param>
    public RuleSet Build(string origin) => new()
    {
        Document = _document,
        Indicators = [.. _indicators],
        Targets = [.. _targets],
        Goals = [.. _goals],
        Tasks = [.. _tasks],
        IsRetrospective = _retrospective,
        Reading = _reading,
        Origin = origin,
    };
}

/// <summary>Sets a target's indicator, requirement, schedule and reading.</summary>
public sealed class TargetBuilder
{
    private IndicatorId? _indicator;
    private Requirement? _requirement;
    private Schedule _schedule = new Schedule.EachYear();
    private TargetScope _scope = TargetScope.Whole;
    private string? _reading;
    private TargetId? _alternativeOf;
    private TargetId? _sameAs;
    private string? _part;
    private Responsibility? _responsibility;
    private Consequence? _consequence;

    /// <summary>The indicator the target reads.</summary>
    public TargetBuilder Indicator(string id)
    {
        _indicator = new IndicatorId(id);
        return this;
    }

    /// <summary>"trên X": value &gt; X.</summary>
    public TargetBuilder GreaterThan(decimal threshold) => Level(Comparison.GreaterThan, threshold);

    /// <summary>"từ X trở lên": value ≥ X.</summary>
    public TargetBuilder AtLeast(decimal threshold) => Level(Comparison.AtLeast, threshold);

    /// <summary>"dưới X": value &lt; X.</summary>
    public TargetBuilder LessThan(decimal threshold) => Level(Comparison.LessThan, threshold);

    /// <summary>"không quá X": value ≤ X.</summary>
    public TargetBuilder AtMost(decimal threshold) => Level(Comparison.AtMost, threshold);

    /// <summary>A level with any comparison.</summary>
    public TargetBuilder Level(Comparison comparison, decimal threshold) => Requires(new LevelRequirement(new Bound(comparison, threshold)));

    /// <summary>A change from a baseline.</summary>
    public TargetBuilder Change(Baseline baseline, ChangeDirection direction, ChangeMeasure measure, Comparison comparison, decimal amount) =>
        Requires(new ChangeRequirement(baseline, direction, measure, new Bound(comparison, amount)));

    /// <summary>A change within a range ("giảm từ 3% - 5%").</summary>
    public TargetBuilder ChangeWithin(Baseline baseline, ChangeDirection direction, ChangeMeasure measure, decimal from, decimal to) =>
        Requires(new ChangeRangeRequirement(baseline, direction, measure, from, to));

    /// <summary>Zero occurrences, in the document's own words ("không để xảy ra", "không để tồn tại", "không để hình thành").</summary>
    public TargetBuilder Zero(string phrase = ZeroRequirement.DefaultPhrase) => Requires(new ZeroRequirement(phrase));

    /// <summary>A one-off deliverable ("Xây dựng một mô hình"): done once <paramref name="count"/> are delivered since the plan started.</summary>
    public TargetBuilder Deliverable(decimal count = 1) => Requires(new DeliverableRequirement(count));

    /// <summary>A fixed count quota ("550 hồ sơ").</summary>
    public TargetBuilder Quota(decimal quota) => Requires(new QuotaRequirement(quota, null));

    /// <summary>A quota assigned by another body, read from the data.</summary>
    public TargetBuilder QuotaFrom(string indicator) => Requires(new QuotaRequirement(null, new IndicatorId(indicator)));

    /// <summary>A composite: all these targets met.</summary>
    public TargetBuilder AllOf(params string[] targets) => Requires(new CompositeRequirement([.. targets.Select(t => new TargetId(t))]));

    /// <summary>A plugin's own rule expression over the measurement <c>m</c>.</summary>
    public TargetBuilder Expression(string expression, string description, Baseline? baseline = null) =>
        Requires(new ExpressionRequirement(expression, description, baseline));

    /// <summary>"hàng năm".</summary>
    public TargetBuilder EachYear() => When(new Schedule.EachYear());

    /// <summary>"phấn đấu đến năm ..." (the plan's last year).</summary>
    public TargetBuilder ByDeadline(bool cumulative = false) => When(new Schedule.ByDeadline(cumulative));

    /// <summary>One year only.</summary>
    public TargetBuilder InYear(int year) => When(new Schedule.SingleYear(year));

    /// <summary>The requirement holds for every unit of a kind.</summary>
    public TargetBuilder ForEachUnit(string unitKind)
    {
        _scope = new TargetScope.EachUnit(unitKind);
        return this;
    }

    /// <summary>The reading taken where the text is open.</summary>
    public TargetBuilder Reading(string reading)
    {
        _reading = reading;
        return this;
    }

    /// <summary>Marks the target as an alternative reading of another.</summary>
    public TargetBuilder AlternativeOf(string id)
    {
        _alternativeOf = new TargetId(id);
        return this;
    }

    /// <summary>Names the part of its clause the target measures, so that its label tells it from the clause's other targets.</summary>
    public TargetBuilder Part(string part)
    {
        _part = part;
        return this;
    }

    /// <summary>Marks the target as measuring the same quantity as a target of another document: it is counted once.</summary>
    public TargetBuilder SameAs(string id)
    {
        _sameAs = new TargetId(id);
        return this;
    }

    /// <summary>The lead and supporting units.</summary>
    public TargetBuilder Responsible(IReadOnlyList<string> lead, IReadOnlyList<string>? supporting = null)
    {
        _responsibility = new Responsibility(lead, supporting ?? []);
        return this;
    }

    /// <summary>What a failure triggers.</summary>
    public TargetBuilder OnFailure(string kind, string text)
    {
        _consequence = new Consequence(kind, text);
        return this;
    }

    internal Target Build(TargetId id, DocumentReference document, string clause, string wording) => new()
    {
        Id = id,
        Document = document,
        Clause = clause,
        Part = _part,
        Wording = wording,
        Indicator = _indicator,
        Requirement = _requirement ?? throw new InvalidOperationException($"target '{id}' has no requirement"),
        Schedule = _schedule,
        Scope = _scope,
        Reading = _reading,
        AlternativeOf = _alternativeOf,
        SameAs = _sameAs,
        Responsibility = _responsibility,
        Consequence = _consequence,
    };

    private TargetBuilder Requires(Requirement requirement)
    {
        _requirement = requirement;
        return this;
    }

    private TargetBuilder When(Schedule schedule)
    {
        _schedule = schedule;
        return this;
    }
}
