using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Targets.Core.Documents;
using Targets.Core.Evaluation;
using Targets.Core.Formatting;
using Targets.Core.Periods;
using Targets.Core.Targets;
using Targets.Rules.Engine;
using Targets.Rules.Narratives;
using Targets.Rules.Plugins;

namespace Targets.Rules.Reporting;

/// <summary>
/// The JSON forms of an assessment (<c>assess --format json</c>) and of the plugin listing (<c>list --format json</c>),
/// as documented in the README. Numbers are JSON numbers, dates ISO 8601, text in Vietnamese as written.
/// </summary>
public static class JsonReports
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// Writes <c>{ locality, asOf, results: [ { targetId, document, clause, wording, period, status, value, requirement,
    /// explanation, figures } ], tasks, summary }</c>.
    /// </summary>
    public static void WriteAssessment(Stream output, Assessment assessment, ICompiledRuleSet rules, ReportingPeriod? planOverride = null)
    {
        using var json = new Utf8JsonWriter(output, Options);
        json.WriteStartObject();
        json.WriteString("locality", assessment.Locality);
        json.WriteString("localityName", assessment.LocalityName);
        json.WriteString("asOf", assessment.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (assessment.DataDescription is { } description)
        {
            json.WriteString("dataDescription", description);
        }

        json.WriteStartArray("results");
        foreach (var result in assessment.Results)
        {
            json.WriteStartObject();
            json.WriteString("targetId", result.Target.Id.Value);
            json.WritePropertyName("document");
            WriteDocument(json, result.Target.Document);
            json.WriteString("clause", result.Target.Clause);
            json.WriteString("wording", result.Target.Wording);
            json.WriteString("period", result.Period.ToString());
            json.WriteString("status", NarrativeModelBuilder.StatusCode(result.Status));
            if (result.Measurement is { } m && result.Components.Count == 0 && result.Units.Count == 0)
            {
                json.WriteNumber("value", m.Value);
            }
            else
            {
                json.WriteNull("value");
            }

            json.WriteString("requirement", RequirementText.Describe(result.Target, rules.Catalog, planOverride));
            json.WriteString("explanation", ResultText.Explain(result, rules.Catalog, planOverride));
            if (result.Target.AlternativeOf is { } alternative)
            {
                json.WriteString("alternativeOf", alternative.Value);
            }

            if (result.BaselinePeriod is { } baseline)
            {
                json.WriteString("baselinePeriod", baseline.ToString());
            }

            json.WriteStartArray("figures");
            foreach (var figure in result.Figures)
            {
                json.WriteStartObject();
                json.WriteString("indicator", figure.Indicator.Value);
                json.WriteString("period", figure.Period.ToString());
                if (figure.AdminUnit is { } unit)
                {
                    json.WriteString("adminUnit", unit);
                }

                json.WriteNumber("value", figure.Value);
                if (figure.Note is { } note)
                {
                    json.WriteString("note", note);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            if (result.Units.Count > 0)
            {
                json.WriteStartArray("units");
                foreach (var unit in result.Units)
                {
                    json.WriteStartObject();
                    json.WriteString("unit", unit.Unit);
                    json.WriteString("status", NarrativeModelBuilder.StatusCode(unit.Status));
                    if (unit.Measurement is { } um)
                    {
                        json.WriteNumber("value", um.Value);
                    }
                    else
                    {
                        json.WriteNull("value");
                    }

                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("tasks");
        foreach (var result in assessment.Tasks)
        {
            var task = NarrativeModelBuilder.Task(result);
            json.WriteStartObject();
            json.WriteString("taskId", task.Id);
            json.WriteString("clause", task.Clause);
            json.WriteString("status", task.Status);
            json.WriteString("due", task.DueText);
            json.WriteString("lead", task.Lead);
            if (result.Milestones.Count > 1)
            {
                json.WriteStartArray("milestones");
                foreach (var milestone in result.Milestones)
                {
                    json.WriteStartObject();
                    json.WriteString("deadline", milestone.Deadline.ToString());
                    json.WriteString("due", VietnameseFormat.ShortDate(milestone.DueOn));
                    json.WriteString("status", NarrativeModelBuilder.TaskStatusCode(milestone.Status));
                    if (milestone.CompletedOn is { } done)
                    {
                        json.WriteString("completedOn", done.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                    }

                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        var s = assessment.Summary;
        json.WriteStartObject("summary");
        json.WriteNumber("targets", s.Targets);
        json.WriteNumber("metOrExceeded", s.MetOrExceeded);
        json.WriteNumber("exceeded", s.Exceeded);
        json.WriteNumber("notMet", s.NotMet);
        json.WriteNumber("onTrack", s.OnTrack);
        json.WriteNumber("atRisk", s.AtRisk);
        json.WriteNumber("noData", s.NoData);
        if (s.Pending > 0)
        {
            json.WriteNumber("pending", s.Pending);
        }

        json.WriteNumber("unmeasuredGoals", s.UnmeasuredGoals);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>
    /// Writes <c>{ plugins: [ { code, name, documents: [ { id, ..., targets: [ { id, clause, wording, requirement,
    /// schedule, reading, indicators } ], goals, tasks } ] } ] }</c>.
    /// </summary>
    public static void WriteListing(Stream output, IReadOnlyList<(ITargetsPlugin Plugin, ICompiledRuleSet Rules)> plugins)
    {
        using var json = new Utf8JsonWriter(output, Options);
        json.WriteStartObject();
        json.WriteStartArray("plugins");
        foreach (var (plugin, rules) in plugins)
        {
            json.WriteStartObject();
            json.WriteString("code", plugin.Manifest.Code);
            json.WriteString("name", plugin.Manifest.Name);
            json.WriteString("unit", plugin.Manifest.UnitName);
            json.WriteString("description", plugin.Manifest.Description);
            json.WriteStartArray("documents");
            foreach (var set in rules.RuleSets)
            {
                json.WriteStartObject();
                WriteDocumentFields(json, set.Document);
                json.WriteStartArray("targets");
                foreach (var target in set.Targets)
                {
                    WriteTarget(json, target, rules);
                }

                json.WriteEndArray();
                json.WriteStartArray("goals");
                foreach (var goal in set.Goals)
                {
                    json.WriteStartObject();
                    json.WriteString("id", goal.Id.Value);
                    json.WriteString("clause", goal.Clause);
                    json.WriteString("wording", goal.Wording);
                    json.WriteString("reason", goal.Reason);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteStartArray("tasks");
                foreach (var task in set.Tasks)
                {
                    json.WriteStartObject();
                    json.WriteString("id", task.Id.Value);
                    json.WriteString("clause", task.Clause);
                    json.WriteString("wording", task.Wording);
                    json.WriteString("deadline", task.DeadlineText);
                    json.WriteString("due", task.DueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                    WriteStrings(json, "deadlines", task.Milestones.Select(d => d.ToString()));
                    WriteStrings(json, "lead", task.Responsibility.Lead);
                    WriteStrings(json, "supporting", task.Responsibility.Supporting);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteTarget(Utf8JsonWriter json, Target target, ICompiledRuleSet rules)
    {
        json.WriteStartObject();
        json.WriteString("id", target.Id.Value);
        json.WriteString("clause", target.Clause);
        json.WriteString("wording", target.Wording);
        json.WriteString("kind", NarrativeModelBuilder.KindOf(target.Requirement));
        json.WriteString("requirement", RequirementText.Describe(target, rules.Catalog));
        json.WriteString("schedule", RequirementText.Schedule(target.Schedule, target.Document.Period));
        if (target.Reading is { } reading)
        {
            json.WriteString("reading", reading);
        }

        if (target.AlternativeOf is { } alternative)
        {
            json.WriteString("alternativeOf", alternative.Value);
        }

        if (target.Scope is TargetScope.EachUnit each)
        {
            json.WriteString("eachUnit", each.UnitKind);
        }

        WriteStrings(json, "indicators", [.. target.ReadIndicators(rules.Catalog).Select(i => i.Value)]);
        if (target.Requirement is Core.Requirements.CompositeRequirement composite)
        {
            WriteStrings(json, "targets", [.. composite.Targets.Select(t => t.Value)]);
        }

        if (target.Responsibility is { } responsibility)
        {
            WriteStrings(json, "lead", responsibility.Lead);
            WriteStrings(json, "supporting", responsibility.Supporting);
        }

        json.WriteEndObject();
    }

    private static void WriteDocument(Utf8JsonWriter json, DocumentReference document)
    {
        json.WriteStartObject();
        WriteDocumentFields(json, document);
        json.WriteEndObject();
    }

    private static void WriteDocumentFields(Utf8JsonWriter json, DocumentReference document)
    {
        json.WriteString("id", document.Id);
        json.WriteString("kind", document.Kind);
        json.WriteString("number", document.Number);
        json.WriteString("issuer", document.Issuer);
        json.WriteString("issuedOn", document.IssuedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        json.WriteString("title", document.Title);
        json.WriteString("period", document.Period.ToString());
        json.WriteString("citation", RequirementText.Citation(document));
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
