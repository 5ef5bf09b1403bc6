using System.Globalization;
using Targets.Core.Evaluation;
using Targets.Core.Formatting;
using Targets.Core.Indicators;
using Targets.Core.Requirements;
using Targets.Core.Tasks;
using Targets.Core.Targets;
using Targets.Rules.Engine;

namespace Targets.Rules.Narratives;

/// <summary>Turns an assessment into the explicit models the templates see.</summary>
internal static class NarrativeModelBuilder
{
    public static string KindOf(Requirement requirement) => requirement switch
    {
        LevelRequirement => "level",
        ChangeRequirement => "change",
        ChangeRangeRequirement => "range",
        ZeroRequirement => "zero",
        DeliverableRequirement => "deliverable",
        QuotaRequirement => "quota",
        CompositeRequirement => "composite",
        _ => "expression",
    };

    public static string StatusCode(AssessmentStatus status) => status switch
    {
        AssessmentStatus.Met => "met",
        AssessmentStatus.Exceeded => "exceeded",
        AssessmentStatus.NotMet => "notMet",
        AssessmentStatus.OnTrack => "onTrack",
        AssessmentStatus.AtRisk => "atRisk",
        AssessmentStatus.Pending => "pending",
        _ => "noData",
    };

    public static string DocumentShort(Core.Documents.DocumentReference document) =>
        document.Number is { } number ? $"{document.Kind} số {number}" : $"{document.Kind} của {document.Issuer}";

    public static TargetModel Target(Target target, IReadOnlyList<TargetResult> results, ICompiledRuleSet rules, Core.Periods.ReportingPeriod? plan)
    {
        var catalog = rules.Catalog;
        var indicator = target.Indicator is { } id ? catalog.Get(id) : null;
        var latest = results.Count > 0 ? results[^1] : null;
        return new TargetModel
        {
            Id = target.Id.Value,
            Kind = KindOf(target.Requirement),
            Clause = target.Clause,
            Wording = target.Wording,
            DocumentShort = DocumentShort(target.Document),
            IndicatorName = indicator?.Name ?? string.Empty,
            Unit = indicator?.Unit.Symbol ?? string.Empty,
            RequirementText = RequirementText.Describe(target, catalog, plan),
            ZeroPhrase = target.Requirement is ZeroRequirement zero ? zero.Phrase : string.Empty,
            ScheduleText = RequirementText.Schedule(target.Schedule, plan ?? target.Document.Period),
            Reading = target.Reading ?? string.Empty,
            AlternativeOf = target.AlternativeOf?.Value ?? string.Empty,
            Lead = target.Responsibility is { } r ? string.Join(", ", r.Lead) : string.Empty,
            Consequence = target.Consequence?.Text ?? string.Empty,
            ConsequenceTriggered = target.Consequence is not null && latest?.Status == AssessmentStatus.NotMet,
            Results = [.. results.Select(result => Result(result, indicator, catalog, plan))],
        };
    }

    public static ResultModel Result(TargetResult result, Indicator? indicator, IndicatorCatalog catalog, Core.Periods.ReportingPeriod? plan)
    {
        var m = result.Measurement;
        var missing = result.Note ?? (result.MissingFigures.Count > 0 ? $"thiếu số liệu {string.Join("; ", result.MissingFigures)}" : string.Empty);
        return new ResultModel
        {
            Period = result.Period.ToString(),
            PeriodText = VietnameseFormat.Period(result.Period),
            Status = StatusCode(result.Status),
            StatusText = ResultText.Status(result.Status),
            ValueText = m is { } measured && indicator is not null && result.Components.Count == 0 ? ResultText.Value(result, measured, indicator, catalog) : string.Empty,
            ChangeText = indicator is not null ? ResultText.Change(result, indicator) : string.Empty,
            QuotaText = indicator is not null && result.Units.Count == 0 ? ResultText.Quota(result, indicator) : string.Empty,
            MarginText = ResultText.Margin(result, indicator),
            ProgressText = indicator is not null ? ResultText.Progress(result, indicator) : string.Empty,
            MissingText = result.Units.Count > 0 ? string.Empty : missing,
            Explanation = ResultText.Explain(result, catalog, plan),
            UnitsTotal = result.Units.Count,
            UnitsMet = result.Units.Count(u => u.Status is AssessmentStatus.Met or AssessmentStatus.Exceeded),
            UnitsShort = [.. result.Units.Where(u => u.Status == AssessmentStatus.NotMet)
                .Select(u => u.Measurement is { } um && indicator is not null ? $"{u.Unit} ({ResultText.Value(um, indicator, catalog)})" : u.Unit)],
            UnitsMissing = [.. result.Units.Where(u => u.Status == AssessmentStatus.NoData).Select(u => u.Unit)],
            Components = [.. result.Components.Select(c => $"{c.Target.Clause} ({c.Target.Id}): {ResultText.Status(c.Status)}")],
            Value = m?.Value,
            Baseline = m is { HasBaseline: true } ? m.Value.Baseline : null,
            Change = m is { HasBaseline: true } ? m.Value.Change : null,
            RelativeChange = m is { HasBaseline: true, Baseline: not 0 } ? m.Value.RelativeChange : null,
            BaselinePeriodText = result.BaselinePeriod is { } bp ? VietnameseFormat.Period(bp) : string.Empty,
            Figures = [.. result.Figures.Select(f => FigureText(f, catalog))],
        };
    }

    public static string FigureText(Core.Data.Figure figure, IndicatorCatalog catalog)
    {
        var unit = catalog.TryGet(figure.Indicator, out var indicator) ? indicator.Unit.Symbol : string.Empty;
        var where = figure.AdminUnit is null ? string.Empty : $" [{figure.AdminUnit}]";
        var note = figure.Note is null ? string.Empty : $" ({figure.Note})";
        return $"{figure.Indicator} {figure.Period}{where} = {VietnameseFormat.Quantity(figure.Value, unit)}{note}";
    }

    public static TaskModel Task(TaskResult result) => new(
        result.Task.Id.Value,
        result.Task.Clause,
        result.Task.Wording,
        string.Join(", ", result.Task.Responsibility.Lead),
        string.Join(", ", result.Task.Responsibility.Supporting),
        result.Task.DeadlineText,
        VietnameseFormat.ShortDate(result.Task.DueOn),
        TaskStatusCode(result.Status),
        TaskStatusText(result.Status),
        result.CompletedOn is { } done ? VietnameseFormat.ShortDate(done) : string.Empty,
        result.Note ?? string.Empty)
    {
        Milestones = result.Milestones.Count < 2 ? [] : [.. result.Milestones.Select(m =>
            $"{VietnameseFormat.Period(m.Deadline)} (đến {VietnameseFormat.ShortDate(m.DueOn)}): {TaskStatusText(m.Status)}" +
            (m.CompletedOn is { } on ? $" (ngày {VietnameseFormat.ShortDate(on)})" : string.Empty))],
    };

    public static string TaskStatusCode(Core.Tasks.TaskStatus status) => status switch
    {
        Core.Tasks.TaskStatus.DoneOnTime => "doneOnTime",
        Core.Tasks.TaskStatus.DoneLate => "doneLate",
        Core.Tasks.TaskStatus.Overdue => "overdue",
        _ => "notYetDue",
    };

    public static string TaskStatusText(Core.Tasks.TaskStatus status) => status switch
    {
        Core.Tasks.TaskStatus.DoneOnTime => "hoàn thành đúng hạn",
        Core.Tasks.TaskStatus.DoneLate => "hoàn thành chậm so với thời hạn",
        Core.Tasks.TaskStatus.Overdue => "chưa hoàn thành, đã quá hạn",
        _ => "chưa đến hạn",
    };

    /// <summary>For each lead unit: its targets and tasks, and how they stand (the view by responsible unit).</summary>
    public static IReadOnlyList<ResponsibleUnitModel> ByUnit(Assessment assessment)
    {
        var latest = assessment.Results.Where(r => r.Target.AlternativeOf is null)
            .GroupBy(r => r.Target.Id).Select(g => g.Last()).ToList();
        var units = latest.SelectMany(r => r.Target.Responsibility?.Lead ?? [])
            .Concat(assessment.Tasks.SelectMany(t => t.Task.Responsibility.Lead))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return [.. units.Select(unit =>
        {
            var targets = latest.Where(r => r.Target.Responsibility?.Lead.Contains(unit) == true).ToList();
            var tasks = assessment.Tasks.Where(t => t.Task.Responsibility.Lead.Contains(unit)).ToList();
            var met = targets.Count(r => r.Status is AssessmentStatus.Met or AssessmentStatus.Exceeded)
                + tasks.Count(t => t.Status is Core.Tasks.TaskStatus.DoneOnTime or Core.Tasks.TaskStatus.DoneLate);
            var notMet = targets.Count(r => r.Status == AssessmentStatus.NotMet) + tasks.Count(t => t.Status == Core.Tasks.TaskStatus.Overdue);
            return new ResponsibleUnitModel(
                unit,
                [.. targets.Select(r => $"{r.Target.Clause}: {ResultText.Status(r.Status)}")],
                [.. tasks.Select(t => $"{t.Task.Clause}: {Task(t).StatusText}")],
                met,
                notMet,
                targets.Count + tasks.Count - met - notMet);
        })];
    }

    public static SummaryModel Summary(AssessmentSummary summary) => new(
        summary.Targets, summary.MetOrExceeded, summary.Exceeded, summary.NotMet, summary.OnTrack, summary.AtRisk, summary.NoData, summary.UnmeasuredGoals)
    {
        Pending = summary.Pending,
    };

    public static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}
