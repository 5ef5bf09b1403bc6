using System.Text.Json.Serialization;
using Targets.Core.Indicators;

namespace Targets.Rules.Serialization;

// The JSON forms of rule sets, datasets and manifests, as the schemas in schemas/ define them. They are only read
// after schema validation, so they mirror the schema rather than guard against every shape.
#pragma warning disable CA1812 // Instantiated by System.Text.Json.

internal sealed record RuleSetForm(
    [property: JsonPropertyName("$schema")] string? Schema,
    DocumentForm Document,
    bool? Retrospective,
    string? Reading,
    IReadOnlyList<string>? Units,
    IReadOnlyList<IndicatorDefinition>? Indicators,
    IReadOnlyList<TargetForm> Targets,
    IReadOnlyList<GoalForm>? Goals,
    IReadOnlyList<TaskForm>? Tasks);

internal sealed record DocumentForm(string Id, string Kind, string? Number, string Issuer, string? IssuedOn, string Title, string Period, string? Source);

internal sealed record TargetForm(
    string Id,
    string Clause,
    string? Part,
    string Wording,
    string? Indicator,
    RequirementForm Requirement,
    ScheduleForm Schedule,
    ScopeForm? Scope,
    string? Reading,
    string? AlternativeOf,
    string? SameAs,
    ResponsibilityForm? Responsibility,
    ConsequenceForm? Consequence);

internal sealed record RequirementForm(
    string Kind,
    string? Comparison,
    decimal? Value,
    BaselineForm? Baseline,
    string? Direction,
    string? Measure,
    decimal? From,
    decimal? To,
    string? QuotaIndicator,
    IReadOnlyList<string>? Targets,
    string? Expression,
    string? Description,
    string? Phrase);

internal sealed record BaselineForm(string Kind, int? Year, string? Period);

internal sealed record ScheduleForm(string Kind, bool? Cumulative, int? Year);

internal sealed record ScopeForm(string Kind, string? UnitKind);

internal sealed record ResponsibilityForm(IReadOnlyList<string> Lead, IReadOnlyList<string>? Supporting);

internal sealed record ConsequenceForm(string Kind, string Text);

internal sealed record GoalForm(string Id, string Clause, string Wording, string Reason, ResponsibilityForm? Responsibility);

internal sealed record TaskForm(string Id, string Clause, string? Part, string Wording, ResponsibilityForm Responsibility, IReadOnlyList<string> Deadlines, string DeadlineText);

internal sealed record DatasetForm(
    [property: JsonPropertyName("$schema")] string? Schema,
    string Locality,
    string? Description,
    string? AsOf,
    IReadOnlyList<string>? AdminUnits,
    IReadOnlyList<FigureForm> Figures,
    IReadOnlyList<TaskReportForm>? Tasks);

internal sealed record FigureForm(string Indicator, string Period, string? AdminUnit, decimal Value, string? Unit, string? Note, string? Boundary);

internal sealed record TaskReportForm(string Task, string? CompletedOn, IReadOnlyList<MilestoneReportForm>? Milestones, string? Note);

internal sealed record MilestoneReportForm(string Deadline, string? CompletedOn);

internal sealed record PluginManifestForm(
    [property: JsonPropertyName("$schema")] string? Schema,
    string Code,
    string Name,
    string? Unit,
    string Description,
    string DefaultSample,
    SuccessionForm? Succession);

internal sealed record SuccessionForm(string Date, string Former, string Merged, IReadOnlyList<PredecessorForm> Joined, string? Source);

internal sealed record PredecessorForm(string Code, string Name);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    NumberHandling = JsonNumberHandling.Strict,
    AllowDuplicateProperties = false)]
[JsonSerializable(typeof(RuleSetForm))]
[JsonSerializable(typeof(DatasetForm))]
[JsonSerializable(typeof(PluginManifestForm))]
internal sealed partial class FormsJsonContext : JsonSerializerContext;
