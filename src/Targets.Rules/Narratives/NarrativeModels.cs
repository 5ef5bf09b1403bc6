namespace Targets.Rules.Narratives;

// The explicit models templates see: preformatted Vietnamese text and the raw numbers behind it, never domain objects.
// Scriban exposes them in snake_case (period_text, value_text ...).
#pragma warning disable CA1819 // Template models are plain data.

/// <summary>One period's result of a target, as a template sees it.</summary>
public sealed record ResultModel
{
    /// <summary>The period (<c>2023</c>, <c>2016/2020</c>).</summary>
    public required string Period { get; init; }

    /// <summary>The period in words (<c>năm 2023</c>).</summary>
    public required string PeriodText { get; init; }

    /// <summary>The status code (<c>met</c>, <c>exceeded</c>, <c>notMet</c>, <c>onTrack</c>, <c>atRisk</c>, <c>noData</c>).</summary>
    public required string Status { get; init; }

    /// <summary>The status in words (<c>đạt</c>, <c>vượt</c> ...).</summary>
    public required string StatusText { get; init; }

    /// <summary>The measured value in words (<c>34/50 điểm, bằng 68,0%</c>); empty when there are no figures.</summary>
    public required string ValueText { get; init; }

    /// <summary>The quota a quota target was measured against, in words; empty for other targets.</summary>
    public string QuotaText { get; init; } = string.Empty;

    /// <summary>The change from the baseline in words; empty without a baseline.</summary>
    public required string ChangeText { get; init; }

    /// <summary>By how much the requirement is missed or gone beyond; empty when it does not apply.</summary>
    public required string MarginText { get; init; }

    /// <summary>The path checked before a deadline, in words; empty otherwise.</summary>
    public required string ProgressText { get; init; }

    /// <summary>Why the result could not be computed, or which figures are missing; empty otherwise.</summary>
    public required string MissingText { get; init; }

    /// <summary>The one-sentence account used in JSON output.</summary>
    public required string Explanation { get; init; }

    /// <summary>Per-unit results that fall short (<c>Trường X (1 buổi)</c>).</summary>
    public IReadOnlyList<string> UnitsShort { get; init; } = [];

    /// <summary>Units lacking figures.</summary>
    public IReadOnlyList<string> UnitsMissing { get; init; } = [];

    /// <summary>How many units were evaluated, and how many met the requirement.</summary>
    public int UnitsTotal { get; init; }

    /// <summary>How many units met the requirement.</summary>
    public int UnitsMet { get; init; }

    /// <summary>Component results of a composite (<c>Chỉ tiêu (3): đạt</c>).</summary>
    public IReadOnlyList<string> Components { get; init; } = [];

    /// <summary>The raw measured value.</summary>
    public decimal? Value { get; init; }

    /// <summary>The raw baseline value.</summary>
    public decimal? Baseline { get; init; }

    /// <summary>The raw absolute change (value − baseline).</summary>
    public decimal? Change { get; init; }

    /// <summary>The raw relative change in percent.</summary>
    public decimal? RelativeChange { get; init; }

    /// <summary>The baseline period in words (<c>giai đoạn 2011 - 2015</c>).</summary>
    public string BaselinePeriodText { get; init; } = string.Empty;

    /// <summary>The figures used: <c>crime.social-order.cases 2023 = 1.020 vụ (ghi chú)</c>.</summary>
    public IReadOnlyList<string> Figures { get; init; } = [];
}

/// <summary>A target as a template sees it.</summary>
public sealed record TargetModel
{
    /// <summary>The target id.</summary>
    public required string Id { get; init; }

    /// <summary>The requirement kind (<c>level</c>, <c>change</c>, <c>range</c>, <c>zero</c>, <c>quota</c>, <c>composite</c>, <c>expression</c>).</summary>
    public required string Kind { get; init; }

    /// <summary>The clause.</summary>
    public required string Clause { get; init; }

    /// <summary>The original wording.</summary>
    public required string Wording { get; init; }

    /// <summary>The document's short citation (<c>Chương trình số 20-CTr/TU</c>).</summary>
    public required string DocumentShort { get; init; }

    /// <summary>The indicator's name; empty for composites.</summary>
    public required string IndicatorName { get; init; }

    /// <summary>The indicator's unit (<c>vụ</c>, <c>%</c>); empty for composites.</summary>
    public required string Unit { get; init; }

    /// <summary>The requirement in words.</summary>
    public required string RequirementText { get; init; }

    /// <summary>For a zero requirement, the document's own words for it (<c>không để tồn tại</c>); empty otherwise.</summary>
    public string ZeroPhrase { get; init; } = string.Empty;

    /// <summary>The schedule in words (<c>hàng năm</c>, <c>đến năm 2025</c>).</summary>
    public required string ScheduleText { get; init; }

    /// <summary>The reading taken, or empty.</summary>
    public required string Reading { get; init; }

    /// <summary>The default target this is an alternative reading of, or empty.</summary>
    public required string AlternativeOf { get; init; }

    /// <summary>The lead units, joined; empty when not named.</summary>
    public required string Lead { get; init; }

    /// <summary>The consequence text when the target fails, or empty.</summary>
    public required string Consequence { get; init; }

    /// <summary>Whether the latest result triggers the consequence.</summary>
    public required bool ConsequenceTriggered { get; init; }

    /// <summary>The results, in period order.</summary>
    public required IReadOnlyList<ResultModel> Results { get; init; }
}

/// <summary>The counts, as a template sees them.</summary>
public sealed record SummaryModel(int Total, int MetOrExceeded, int Exceeded, int NotMet, int OnTrack, int AtRisk, int NoData, int Unmeasured)
{
    /// <summary>Deliverables not yet done before their deadline.</summary>
    public int Pending { get; init; }
}

/// <summary>An unmeasured goal, as a template sees it.</summary>
public sealed record GoalModel(string Id, string Clause, string Wording, string Reason, string DocumentShort);

/// <summary>A task, as a template sees it.</summary>
public sealed record TaskModel(string Id, string Clause, string Wording, string Lead, string Supporting, string DeadlineText, string DueText, string Status, string StatusText, string CompletedText, string Note)
{
    /// <summary>Each milestone with its own status, when the task has several (<c>quý I năm 2023 (đến 31/03/2023): hoàn thành chậm ...</c>).</summary>
    public IReadOnlyList<string> Milestones { get; init; } = [];
}

/// <summary>What one responsible unit answers for, as a template sees it.</summary>
public sealed record ResponsibleUnitModel(string Unit, IReadOnlyList<string> Targets, IReadOnlyList<string> Tasks, int Met, int NotMet, int Pending);

/// <summary>A document's section of the report.</summary>
public sealed record DocumentSectionModel(string Citation, string Title, string PeriodText, IReadOnlyList<string> Paragraphs);

/// <summary>The whole report, as the <c>report</c> template sees it.</summary>
public sealed record ReportModel
{
    /// <summary>The locality's name.</summary>
    public required string LocalityName { get; init; }

    /// <summary>The unit the plans cover (<c>thành phố Cần Thơ</c>).</summary>
    public required string UnitName { get; init; }

    /// <summary>The as-of date in words.</summary>
    public required string AsOfText { get; init; }

    /// <summary>The dataset's description (e.g. that the figures are illustrative).</summary>
    public required string DataNote { get; init; }

    /// <summary>The rendered summary.</summary>
    public required string SummaryText { get; init; }

    /// <summary>The document sections with their rendered target paragraphs.</summary>
    public required IReadOnlyList<DocumentSectionModel> Documents { get; init; }

    /// <summary>The rendered unmeasured goals; empty when none.</summary>
    public required string GoalsText { get; init; }

    /// <summary>The rendered tasks; empty when none.</summary>
    public required string TasksText { get; init; }

    /// <summary>The rendered view by responsible unit; empty when the documents name none.</summary>
    public required string UnitsText { get; init; }

    /// <summary>The counts.</summary>
    public required SummaryModel Summary { get; init; }
}
