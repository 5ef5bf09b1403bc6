using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Targets.Core.Data;
using Targets.Core.Documents;
using Targets.Core.Evaluation;
using Targets.Core.Formatting;
using Targets.Core.Periods;
using Targets.Core.Successions;
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

            if (result.Boundary == ResultBoundary.Merged)
            {
                json.WriteString("boundary", "merged");
            }

            json.WriteStartArray("figures");
            foreach (var figure in result.Figures)
            {
                WriteFigure(json, figure, result.Boundary == ResultBoundary.Merged ? Succession.FormerBoundary : null);
            }

            json.WriteEndArray();
            WriteUnits(json, "units", result.Units);
            if (result.ByUnit.Count > 0)
            {
                WriteUnits(json, "byUnit", result.ByUnit);
                WriteStrings(json, "unitsBelowBar", result.UnitsBelowBar.Select(u => u.Unit));
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        WriteAssessmentExtras(json, assessment);
        json.WriteStartArray("tasks");
        foreach (var task in assessment.Tasks.Select(NarrativeModelBuilder.Task))
        {
            json.WriteStartObject();
            json.WriteString("taskId", task.Id);
            json.WriteString("clause", task.Clause);
            json.WriteString("status", task.Status);
            json.WriteString("due", task.DueText);
            json.WriteString("lead", task.Lead);
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

    /// <summary>
    /// What is written only when there is something to say, so that an assessment without it reads as before: notes on
    /// the as-of date, the merger when any figure names a boundary, and the figures no target read.
    /// </summary>
    private static void WriteAssessmentExtras(Utf8JsonWriter json, Assessment assessment)
    {
        if (assessment.Notes.Count > 0)
        {
            WriteStrings(json, "notes", assessment.Notes);
        }

        if (assessment.Succession is { } succession &&
            assessment.Results.Any(r => r.Boundary == ResultBoundary.Merged || r.Figures.Any(f => f.Boundary is not null)))
        {
            json.WriteStartObject("succession");
            json.WriteString("date", succession.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            json.WriteString("former", succession.FormerName);
            json.WriteString("merged", succession.MergedName);
            json.WriteStartArray("joined");
            foreach (var joined in succession.Joined)
            {
                json.WriteStartObject();
                json.WriteString("code", joined.Code);
                json.WriteString("name", joined.Name);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        if (assessment.UnusedFigures.Count > 0)
        {
            json.WriteStartArray("unusedFigures");
            foreach (var unused in assessment.UnusedFigures)
            {
                json.WriteStartObject();
                json.WriteString("indicator", unused.Figure.Indicator.Value);
                json.WriteString("period", unused.Figure.Period.ToString());
                if (unused.Figure.AdminUnit is { } unit)
                {
                    json.WriteString("adminUnit", unit);
                }

                if (unused.Figure.Boundary is { } boundary)
                {
                    json.WriteString("boundary", boundary);
                }

                json.WriteNumber("value", unused.Figure.Value);
                json.WriteString("reason", JsonNamingPolicy.CamelCase.ConvertName(unused.Reason.ToString()));
                json.WriteString("explanation", unused.Explanation);
                if (unused.Figure.Source is { } source)
                {
                    json.WriteString("source", source.ToString());
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
        }
    }

    private static void WriteFigure(Utf8JsonWriter json, Figure figure, string? defaultBoundary)
    {
        json.WriteStartObject();
        json.WriteString("indicator", figure.Indicator.Value);
        json.WriteString("period", figure.Period.ToString());
        if (figure.AdminUnit is { } unit)
        {
            json.WriteString("adminUnit", unit);
        }

        if ((figure.Boundary ?? defaultBoundary) is { } boundary)
        {
            json.WriteString("boundary", boundary);
        }

        json.WriteNumber("value", figure.Value);
        if (figure.Note is { } note)
        {
            json.WriteString("note", note);
        }

        json.WriteEndObject();
    }

    private static void WriteUnits(Utf8JsonWriter json, string name, IReadOnlyList<UnitResult> units)
    {
        if (units.Count == 0)
        {
            return;
        }

        json.WriteStartArray(name);
        foreach (var unit in units)
        {
            json.WriteStartObject();
            json.WriteString("unit", unit.Unit);
            json.WriteString("status", NarrativeModelBuilder.StatusCode(unit.Status));
            if (unit.Measurement is { } measurement)
            {
                json.WriteNumber("value", measurement.Value);
            }
            else
            {
                json.WriteNull("value");
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
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
