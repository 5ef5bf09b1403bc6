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
    /// Writes <c>{ locality, asOf, results: [ { targetId, label, document, clause, wording, period, status, value,
    /// requirement, explanation, figures } ], tasks, summary, tally }</c>: ids for machines, labels and sentences for people.
    /// </summary>
    public static void WriteAssessment(Stream output, Assessment assessment, ICompiledRuleSet rules, ReportingPeriod? planOverride = null)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentNullException.ThrowIfNull(rules);
        var report = ReportBuilder.Build(assessment, rules, planOverride);
        var targets = report.Documents.SelectMany(d => d.Clauses).SelectMany(c => c.Targets).ToDictionary(t => t.Id, StringComparer.Ordinal);
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
        var periodIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var result in assessment.Results)
        {
            var target = targets[result.Target.Id.Value];
            var index = periodIndex[target.Id] = periodIndex.GetValueOrDefault(target.Id, -1) + 1;
            var year = target.Years[index];
            json.WriteStartObject();
            json.WriteString("targetId", result.Target.Id.Value);
            json.WriteString("label", target.Label);
            json.WritePropertyName("document");
            WriteDocument(json, result.Target.Document);
            json.WriteString("clause", result.Target.Clause);
            json.WriteString("wording", result.Target.Wording);
            json.WriteString("period", result.Period.ToString());
            json.WriteString("status", year.StatusCode);
            if (result.DoneIn is { } doneIn)
            {
                json.WriteString("doneIn", doneIn.ToString());
            }

            if (result.Measurement is { } m && result.Components.Count == 0 && result.Units.Count == 0)
            {
                json.WriteNumber("value", m.Value);
            }
            else
            {
                json.WriteNull("value");
            }

            json.WriteString("requirement", RequirementText.Describe(result.Target, rules.Catalog, planOverride));
            json.WriteString("explanation", year.Sentence);
            if (result.Target.AlternativeOf is { } alternative)
            {
                json.WriteString("alternativeOf", alternative.Value);
            }

            if (result.Target.SameAs is { } sameAs)
            {
                json.WriteString("sameAs", sameAs.Value);
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
        foreach (var (task, result) in report.Tasks.Zip(assessment.Tasks))
        {
            json.WriteStartObject();
            json.WriteString("taskId", task.Id);
            json.WriteString("label", task.Label);
            json.WriteString("clause", result.Task.Clause);
            json.WriteString("status", task.StatusCode);
            json.WriteString("due", task.DueText);
            json.WriteString("lead", string.Join(", ", task.Lead));
            WriteStrings(json, "supporting", task.Supporting);
            if (task.Milestones.Count > 1)
            {
                json.WriteStartArray("milestones");
                foreach (var milestone in task.Milestones)
                {
                    json.WriteStartObject();
                    json.WriteString("deadline", milestone.Period);
                    json.WriteString("due", milestone.DueText);
                    json.WriteString("status", milestone.StatusCode);
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
        WriteTally(json, report.Summary);
        json.WriteEndObject();
    }

    /// <summary>The report's tally: the year counted, items and sub-targets, earlier breaches, shared targets, retrospective accounts.</summary>
    private static void WriteTally(Utf8JsonWriter json, ReportSummary summary)
    {
        json.WriteStartObject("tally");
        json.WriteNumber("year", summary.Year);
        WriteCounts(json, "items", summary.Items);
        WriteCounts(json, "subTargets", summary.SubTargets);
        json.WriteStartArray("countedItems");
        foreach (var item in summary.CountedItems)
        {
            json.WriteStartObject();
            json.WriteString("label", item.Label);
            json.WriteString("document", item.DocumentShort);
            json.WriteString("status", item.StatusCode);
            WriteStrings(json, "subTargets", item.SubTargetLabels);
            WriteStrings(json, "alsoSetBy", item.AlsoSetBy);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("earlierBreaches");
        foreach (var breach in summary.EarlierBreaches)
        {
            json.WriteStartObject();
            json.WriteNumber("year", breach.Year);
            WriteStrings(json, "labels", breach.Labels);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("retrospective");
        foreach (var account in summary.Retrospective)
        {
            json.WriteStartObject();
            json.WriteString("title", account.DocumentTitle);
            json.WriteString("period", account.PeriodText);
            WriteCounts(json, "items", account.Items);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        WriteStrings(json, "sentences", summary.Sentences);
        json.WriteEndObject();
    }

    private static void WriteCounts(Utf8JsonWriter json, string name, StatusCounts counts)
    {
        json.WriteStartObject(name);
        json.WriteNumber("total", counts.Total);
        json.WriteNumber("metOrExceeded", counts.MetOrExceeded);
        json.WriteNumber("exceeded", counts.Exceeded);
        json.WriteNumber("notMet", counts.NotMet);
        json.WriteNumber("onTrack", counts.OnTrack);
        json.WriteNumber("atRisk", counts.AtRisk);
        json.WriteNumber("noData", counts.NoData);
        if (counts.Pending > 0)
        {
            json.WriteNumber("pending", counts.Pending);
        }

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
            var labels = TargetLabels.For(rules.RuleSets.SelectMany(set => set.Targets));
            foreach (var set in rules.RuleSets)
            {
                json.WriteStartObject();
                WriteDocumentFields(json, set.Document);
                if (set.IsRetrospective)
                {
                    json.WriteBoolean("retrospective", true);
                }

                json.WriteStartArray("targets");
                foreach (var target in set.Targets)
                {
                    WriteTarget(json, target, rules, labels);
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
                    json.WriteString("label", task.Label);
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

    private static void WriteTarget(Utf8JsonWriter json, Target target, ICompiledRuleSet rules, TargetLabels labels)
    {
        json.WriteStartObject();
        json.WriteString("id", target.Id.Value);
        json.WriteString("label", labels.Of(target.Id));
        json.WriteString("clause", target.Clause);
        if (target.Part is { } part)
        {
            json.WriteString("part", part);
        }

        json.WriteString("wording", target.Wording);
        json.WriteString("kind", ReportBuilder.KindOf(target.Requirement));
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

        if (target.SameAs is { } sameAs)
        {
            json.WriteString("sameAs", sameAs.Value);
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
                json.WriteString("reason", unused.ReasonCode);
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
            json.WriteString("status", ResultText.StatusCode(unit.Status));
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
