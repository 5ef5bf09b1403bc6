using System.Globalization;
using System.Text.Json;
using Targets.Core.Documents;
using Targets.Core.Errors;
using Targets.Core.Indicators;
using Targets.Core.Periods;
using Targets.Core.Requirements;
using Targets.Core.Schedules;
using Targets.Core.Tasks;
using Targets.Core.Targets;
using Targets.Rules.Engine;
using Targets.Rules.RuleSets;

namespace Targets.Rules.Serialization;

/// <summary>
/// Reads rule-set JSON files: syntax, then the shipped schema, then the meaning (periods, ids, references), each problem
/// reported with the file, line and path.
/// </summary>
public static class RuleSetReader
{
    /// <summary>Reads a rule set from a file.</summary>
    /// <exception cref="RuleSetException">The file is missing, malformed, or not a valid rule set.</exception>
    public static RuleSet ReadFile(string path) =>
        Read(JsonInput.FromFile(path, problem => new RuleSetException(problem, new SourceLocation(path))));

    /// <summary>Reads a rule set from UTF-8 bytes.</summary>
    /// <param name="name">The name to cite in errors (a file or resource name).</param>
    /// <param name="utf8">The JSON.</param>
    /// <exception cref="RuleSetException">The input is malformed or not a valid rule set.</exception>
    public static RuleSet Read(string name, ReadOnlyMemory<byte> utf8) => Read(name, utf8, checkSchema: true);

    /// <summary>Reads a rule set, checking it against the schema unless it was checked when it was built (embedded content).</summary>
    internal static RuleSet Read(string name, ReadOnlyMemory<byte> utf8, bool checkSchema) =>
        Read(JsonInput.FromBytes(name, utf8, problem => new RuleSetException(problem, new SourceLocation(name))), checkSchema);

    internal static RuleSet Read(JsonInput input, bool checkSchema = true)
    {
        static Exception Error(string problem, SourceLocation location) => new RuleSetException(problem, location);
        input.CheckSyntax(Error);
        if (checkSchema)
        {
            SchemaValidator.Validate(input, TargetsSchema.RuleSet, Error);
        }

        RuleSetForm form;
        try
        {
            form = JsonSerializer.Deserialize(input.Utf8.Span, FormsJsonContext.Default.RuleSetForm)!;
        }
        catch (JsonException exception)
        {
            throw new RuleSetException(JsonInput.FirstSentence(exception.Message), exception.Path is { } p ? input.Locate(p) : new SourceLocation(input.Name));
        }

        return new Mapper(input).Map(form);
    }

    private sealed class Mapper(JsonInput input)
    {
        private const int FirstYear = 1900;
        private const int LastYear = 2200;

        private RuleSetException Error(string problem, string path) => new(problem, input.Locate(path));

        public RuleSet Map(RuleSetForm form)
        {
            var document = MapDocument(form.Document);
            var units = new HashSet<string>([.. Unit.Standard, .. form.Units ?? []], StringComparer.Ordinal);
            var indicators = (form.Indicators ?? []).Select((definition, i) =>
            {
                if (!units.Contains(definition.Unit))
                {
                    throw Error(
                        $"'unit' ('{definition.Unit}') must be one of: {string.Join(", ", Unit.Standard.Select(u => $"'{u}'"))}; or declare it in the rule set's 'units'",
                        $"$.indicators[{i}].unit");
                }

                try
                {
                    return IndicatorCatalog.FromDefinition(definition);
                }
                catch (ArgumentException exception)
                {
                    throw Error(exception.Message, $"$.indicators[{i}]");
                }
            }).ToList();

            var targets = form.Targets.Select((target, i) => CheckYears(MapTarget(target, document, $"$.targets[{i}]"), $"$.targets[{i}]")).ToList();
            var goals = (form.Goals ?? []).Select((goal, i) => new UnmeasuredGoal(
                Id(goal.Id, $"$.goals[{i}].id"), document, goal.Clause, goal.Wording, goal.Reason, MapResponsibility(goal.Responsibility))).ToList();
            var tasks = (form.Tasks ?? []).Select((task, i) => new PlanTask(
                Id(task.Id, $"$.tasks[{i}].id"),
                document,
                task.Clause,
                task.Wording,
                MapResponsibility(task.Responsibility)!,
                [.. task.Deadlines.Select((d, j) => Period(d, $"$.tasks[{i}].deadlines[{j}]"))],
                task.DeadlineText)
            {
                Part = task.Part,
            }).ToList();

            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (id, path) in targets.Select((t, i) => (t.Id.Value, $"$.targets[{i}].id"))
                .Concat(goals.Select((g, i) => (g.Id.Value, $"$.goals[{i}].id")))
                .Concat(tasks.Select((t, i) => (t.Id.Value, $"$.tasks[{i}].id"))))
            {
                if (!seen.Add(id))
                {
                    throw Error($"the id '{id}' is used twice", path);
                }
            }

            return new RuleSet
            {
                Document = document,
                Indicators = indicators,
                Targets = targets,
                Goals = goals,
                Tasks = tasks,
                IsRetrospective = form.Retrospective ?? false,
                Reading = form.Reading,
                Origin = input.Name,
            };
        }

        private DocumentReference MapDocument(DocumentForm form)
        {
            DateOnly? issued = null;
            if (form.IssuedOn is { } text)
            {
                issued = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                    ? date
                    : throw Error($"'{text}' is not a date", "$.document.issuedOn");
            }

            var period = Period(form.Period, "$.document.period");
            if (period.Kind is not (PeriodKind.Year or PeriodKind.Span))
            {
                throw Error("a plan period is a year or a span of years", "$.document.period");
            }

            if (period.StartYear <= FirstYear)
            {
                // Deadline targets start their path from the year before the plan, which must itself be a year.
                throw Error(string.Create(CultureInfo.InvariantCulture, $"a plan period starts after {FirstYear}"), "$.document.period");
            }

            return new DocumentReference(form.Id, form.Kind, form.Number, form.Issuer, issued, form.Title, period, form.Source);
        }

        /// <summary>
        /// Refuses a baseline that, for some year of the plan, falls outside the years a period may have (previousYear of
        /// a plan starting in 1901 is fine; precedingPlanPeriod of 1901/1950 would start in 1851): evaluating it would fail.
        /// </summary>
        private Target CheckYears(Target target, string path)
        {
            if (target.Requirement.ComparedWith is not { } baseline)
            {
                return target;
            }

            var plan = target.Document.Period;
            foreach (var evaluated in plan.Years.Append(plan))
            {
                try
                {
                    baseline.Resolve(evaluated, plan);
                }
                catch (ArgumentOutOfRangeException)
                {
                    throw new RuleSetException(
                        string.Create(CultureInfo.InvariantCulture, $"for {evaluated} the baseline falls outside the years {FirstYear} to {LastYear}"),
                        input.Locate(path + ".requirement.baseline"),
                        target.Id.Value);
                }
            }

            return target;
        }

        private Target MapTarget(TargetForm form, DocumentReference document, string path) => new()
        {
            Id = Id(form.Id, path + ".id"),
            Document = document,
            Clause = form.Clause,
            Part = form.Part,
            Wording = form.Wording,
            Indicator = form.Indicator is null ? null : new IndicatorId(form.Indicator),
            Requirement = MapRequirement(form.Requirement, path + ".requirement", form.Id),
            Schedule = form.Schedule.Kind switch
            {
                "eachYear" => new Schedule.EachYear(),
                "deadline" => new Schedule.ByDeadline(form.Schedule.Cumulative ?? false),
                _ => new Schedule.SingleYear(form.Schedule.Year!.Value),
            },
            Scope = form.Scope is { Kind: "eachUnit", UnitKind: { } unitKind } ? new TargetScope.EachUnit(unitKind) : TargetScope.Whole,
            Reading = form.Reading,
            AlternativeOf = form.AlternativeOf is null ? null : Id(form.AlternativeOf, path + ".alternativeOf"),
            SameAs = form.SameAs is null ? null : Id(form.SameAs, path + ".sameAs"),
            Responsibility = MapResponsibility(form.Responsibility),
            Consequence = form.Consequence is null ? null : new Consequence(form.Consequence.Kind, form.Consequence.Text),
        };

        private Requirement MapRequirement(RequirementForm form, string path, string targetId) => form.Kind switch
        {
            "level" => new LevelRequirement(new Bound(Bound.ParseComparison(form.Comparison!), form.Value!.Value)),
            "change" => new ChangeRequirement(
                MapBaseline(form.Baseline!, path + ".baseline"),
                Direction(form.Direction!),
                Measure(form.Measure!),
                new Bound(Bound.ParseComparison(form.Comparison!), form.Value!.Value)),
            "changeRange" => form.From > form.To
                ? throw Error($"the range runs from {form.From?.ToString(CultureInfo.InvariantCulture)} to {form.To?.ToString(CultureInfo.InvariantCulture)}: its start is above its end", path)
                : new ChangeRangeRequirement(MapBaseline(form.Baseline!, path + ".baseline"), Direction(form.Direction!), Measure(form.Measure!), form.From!.Value, form.To!.Value),
            "zero" => new ZeroRequirement(form.Phrase ?? ZeroRequirement.DefaultPhrase),
            "deliverable" => new DeliverableRequirement(form.Value ?? 1),
            "quota" => new QuotaRequirement(form.Value, form.QuotaIndicator is null ? null : new IndicatorId(form.QuotaIndicator)),
            "allOf" => new CompositeRequirement([.. form.Targets!.Select((t, i) => Id(t, $"{path}.targets[{i}]"))]),
            "expression" => new ExpressionRequirement(Expression(form.Expression!, path + ".expression", targetId), form.Description!, form.Baseline is null ? null : MapBaseline(form.Baseline, path + ".baseline")),
            var kind => throw Error($"unknown requirement kind '{kind}'", path + ".kind"),
        };

        private Baseline MapBaseline(BaselineForm form, string path) => form.Kind switch
        {
            "year" => new Baseline.FixedYear(form.Year!.Value),
            "period" => new Baseline.FixedPeriod(Period(form.Period!, path + ".period")),
            "previousYear" => new Baseline.PreviousYear(),
            "samePeriodPreviousYear" => new Baseline.SamePeriodPreviousYear(),
            "yearBeforePlan" => new Baseline.YearBeforePlan(),
            "precedingPlanPeriod" => new Baseline.PrecedingPlanPeriod(),
            var kind => throw Error($"unknown baseline kind '{kind}'", path + ".kind"),
        };

        /// <summary>
        /// An expression's text, refused here when it is too long or nests too deeply for the parser to take without
        /// overflowing the stack; what it may call is checked when the rule set compiles.
        /// </summary>
        private string Expression(string text, string path, string targetId) =>
            ExpressionAllowList.CheckText(text) is { } refusal
                ? throw new RuleSetException($"the expression is not allowed: {refusal}", input.Locate(path), targetId)
                : text;

        private static ChangeDirection Direction(string text) => text == "decrease" ? ChangeDirection.Decrease : ChangeDirection.Increase;

        private static ChangeMeasure Measure(string text) => text == "relative" ? ChangeMeasure.Relative : ChangeMeasure.Absolute;

        private static Responsibility? MapResponsibility(ResponsibilityForm? form) =>
            form is null ? null : new Responsibility(form.Lead, form.Supporting ?? []);

        private ReportingPeriod Period(string text, string path) =>
            ReportingPeriod.TryParse(text, out var period, out var problem) ? period : throw Error(problem, path);

        private TargetId Id(string text, string path)
        {
            try
            {
                return new TargetId(text);
            }
            catch (ArgumentException exception)
            {
                throw Error(exception.Message.Split(" (Parameter", 2)[0], path);
            }
        }
    }
}
