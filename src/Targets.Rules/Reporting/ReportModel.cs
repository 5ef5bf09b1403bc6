using Targets.Core.Evaluation;
using Targets.Core.Formatting;

namespace Targets.Rules.Reporting;

// The report as data, independent of any output format. Text and Markdown are rendered from it through Scriban templates
// (which see it in snake_case: header.as_of_text ...); Word and web outputs are rendered from the same objects. Every
// string is plain Vietnamese, already formatted (numbers with thousands dots, decimal commas, dates), with no markup and
// no line breaks: each output format escapes it its own way where it writes it. Beside the strings, the raw numbers and
// dates are kept for outputs that draw or compute (charts, tables). No internal id appears in a string meant for a
// reader; ids are kept in Id properties for machines.
#pragma warning disable CA1819 // Plain data.

/// <summary>
/// The “kết quả thực hiện các chỉ tiêu” section of a report for one locality as of one date: header, summary, the
/// documents' clauses and targets with one result per assessed year, a results table, chart series, tasks, the view by
/// responsible unit, accountability findings, the figures given that no target read, unmeasured goals, and the annex of
/// readings and methods.
/// </summary>
public sealed record Report
{
    /// <summary>Who and when: locality, unit, as-of date, the year assessed, the plan period, the data's own note.</summary>
    public required ReportHeader Header { get; init; }

    /// <summary>The tally and the sentences that summarise it.</summary>
    public required ReportSummary Summary { get; init; }

    /// <summary>
    /// One section per document (rule set) evaluated, in the plugin's order (a plan override evaluates only the documents of
    /// its own period when there are any); a retrospective account reported beside the plan in force is flagged.
    /// </summary>
    public required IReadOnlyList<DocumentSection> Documents { get; init; }

    /// <summary>The results table: one row per target (alternative readings included, flagged) for the year assessed.</summary>
    public required IReadOnlyList<ResultRow> Table { get; init; }

    /// <summary>One series per target with results for more than one year: values by year and the requirement as a line.</summary>
    public required IReadOnlyList<ChartSeries> Charts { get; init; }

    /// <summary>Dated tasks (nhiệm vụ trọng tâm) and where they stand.</summary>
    public required IReadOnlyList<TaskEntry> Tasks { get; init; }

    /// <summary>The view by responsible unit: what each lead or supporting unit answers for, and how it stands.</summary>
    public required IReadOnlyList<UnitView> Units { get; init; }

    /// <summary>Consequences the documents attach to a failure that the results trigger (accountability), naming the units.</summary>
    public required IReadOnlyList<Finding> Findings { get; init; }

    /// <summary>Goals written without a number: listed, not evaluated.</summary>
    public required IReadOnlyList<GoalEntry> Goals { get; init; }

    /// <summary>
    /// “Số liệu không dùng để đánh giá”: figures given that no target can read (an indicator, a period or a date nothing
    /// reads: what <c>--strict</c> refuses), grouped by indicator and reason. Figures that were only not needed are listed in
    /// the annex (<see cref="Annex.FiguresNotNeeded"/>).
    /// </summary>
    public required IReadOnlyList<UnusedFigureEntry> UnusedFigures { get; init; }

    /// <summary>“Phụ lục: cách hiểu chỉ tiêu và phương pháp đánh giá”: every reading once, every method once.</summary>
    public required Annex Annex { get; init; }
}

/// <summary>The report's header data.</summary>
public sealed record ReportHeader
{
    /// <summary>The title line, <c>KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU</c>.</summary>
    public required string Title { get; init; }

    /// <summary>The locality code (<c>can-tho</c>); for machines.</summary>
    public required string LocalityCode { get; init; }

    /// <summary>The locality's name (<c>Cần Thơ</c>).</summary>
    public required string LocalityName { get; init; }

    /// <summary>The administrative unit as a report names it (<c>thành phố Cần Thơ</c>).</summary>
    public required string UnitName { get; init; }

    /// <summary>The date the figures stand at.</summary>
    public required DateOnly AsOf { get; init; }

    /// <summary>The date in words (<c>ngày 31 tháng 12 năm 2023</c>).</summary>
    public required string AsOfText { get; init; }

    /// <summary>The year the summary counts.</summary>
    public required int Year { get; init; }

    /// <summary>The year in words (<c>năm 2023</c>).</summary>
    public required string YearText { get; init; }

    /// <summary>The plan period(s) being carried out, in words (<c>giai đoạn 2021 - 2025</c>); retrospective accounts excluded.</summary>
    public required string PlanPeriodText { get; init; }

    /// <summary>The dataset's own description (e.g. that the figures are illustrative); empty when it has none.</summary>
    public required string DataNote { get; init; }

    /// <summary>
    /// What the reader must know before the results, one sentence each: an as-of date after (or before) a plan's period;
    /// for a locality that has merged, the boundary the figures are for. Empty when there is nothing to say.
    /// </summary>
    public required IReadOnlyList<string> Notes { get; init; }
}

/// <summary>How many targets stand where.</summary>
/// <param name="Total">How many are counted.</param>
/// <param name="MetOrExceeded">Met or exceeded (“đạt và vượt”).</param>
/// <param name="Exceeded">Of those, exceeded.</param>
/// <param name="NotMet">Not met.</param>
/// <param name="OnTrack">Before their deadline, on track.</param>
/// <param name="AtRisk">Before their deadline, at risk.</param>
/// <param name="NoData">Lacking figures.</param>
/// <param name="Pending">Deliverables not yet done, before their deadline (“chưa hoàn thành, chưa đến hạn”).</param>
public sealed record StatusCounts(int Total, int MetOrExceeded, int Exceeded, int NotMet, int OnTrack, int AtRisk, int NoData, int Pending);

/// <summary>
/// The summary. The tally counts the documents' own numbered items (clauses): a clause holding several targets is one
/// item, its targets are its sub-targets (“chỉ tiêu thành phần”), and it stands as its worst sub-target; a composite is one
/// item with its components as sub-targets; a target marked the same as another document's is counted once, under that
/// one; alternative readings and retrospective accounts are not counted. Each item is counted on the year assessed (a
/// deadline target by its progress before its deadline).
/// </summary>
public sealed record ReportSummary
{
    /// <summary>The year counted.</summary>
    public required int Year { get; init; }

    /// <summary>The year in words (<c>năm 2023</c>).</summary>
    public required string YearText { get; init; }

    /// <summary>The counts of items (the documents' numbered targets).</summary>
    public required StatusCounts Items { get; init; }

    /// <summary>The counts of sub-targets (every default target counted once).</summary>
    public required StatusCounts SubTargets { get; init; }

    /// <summary>Every counted item with its standing, in document order.</summary>
    public required IReadOnlyList<CountedItem> CountedItems { get; init; }

    /// <summary>Yearly targets that were not met in earlier years of the period, by year.</summary>
    public required IReadOnlyList<YearBreaches> EarlierBreaches { get; init; }

    /// <summary>Targets counted once although two documents set them.</summary>
    public required IReadOnlyList<SharedTarget> CountedOnce { get; init; }

    /// <summary>Retrospective accounts, each tallied on its own, outside the counts above.</summary>
    public required IReadOnlyList<RetrospectiveTally> Retrospective { get; init; }

    /// <summary>How many goals with no number are listed.</summary>
    public required int UnmeasuredGoals { get; init; }

    /// <summary>The summary as sentences, in order (year counted, tally, items not met, earlier breaches, counted once, goals).</summary>
    public required IReadOnlyList<string> Sentences { get; init; }
}

/// <summary>One counted item of the tally.</summary>
public sealed record CountedItem
{
    /// <summary>The item's label: its clause (<c>II.2.4</c>, <c>Phụ lục I, mục 2.10</c>).</summary>
    public required string Label { get; init; }

    /// <summary>The document's short citation (<c>Chương trình số 20-CTr/TU</c>).</summary>
    public required string DocumentShort { get; init; }

    /// <summary>How the item stands in the year counted.</summary>
    public required AssessmentStatus Status { get; init; }

    /// <summary>The status code (<c>met</c>, <c>exceeded</c>, <c>notMet</c>, <c>onTrack</c>, <c>atRisk</c>, <c>pending</c>, <c>noData</c>).</summary>
    public required string StatusCode { get; init; }

    /// <summary>The status in words (<c>đạt</c>, <c>vượt</c>, <c>không đạt</c> …).</summary>
    public required string StatusText { get; init; }

    /// <summary>The labels of its sub-targets, when it has more than one; empty otherwise.</summary>
    public required IReadOnlyList<string> SubTargetLabels { get; init; }

    /// <summary>Targets of other documents counted here as the same quantity, as citations (<c>I.2.b của Kế hoạch số 205/KH-UBND</c>).</summary>
    public required IReadOnlyList<string> AlsoSetBy { get; init; }
}

/// <summary>Yearly targets not met in one earlier year of the period.</summary>
/// <param name="Year">The year.</param>
/// <param name="YearText">The year in words.</param>
/// <param name="Labels">The targets' labels.</param>
public sealed record YearBreaches(int Year, string YearText, IReadOnlyList<string> Labels);

/// <summary>A quantity two documents set, counted once.</summary>
/// <param name="Label">The label of the target it is counted under.</param>
/// <param name="DocumentShort">Its document.</param>
/// <param name="AlsoLabel">The label of the other document's target.</param>
/// <param name="AlsoDocumentShort">The other document.</param>
/// <param name="Sentence">The two cited together, in words.</param>
public sealed record SharedTarget(string Label, string DocumentShort, string AlsoLabel, string AlsoDocumentShort, string Sentence);

/// <summary>The tally of a retrospective account (a period before the plan), kept apart from the plan's tally.</summary>
/// <param name="DocumentTitle">The account's title.</param>
/// <param name="PeriodText">The period it accounts for.</param>
/// <param name="Items">Its counts, by the same counting rule.</param>
/// <param name="Sentence">The tally in words.</param>
public sealed record RetrospectiveTally(string DocumentTitle, string PeriodText, StatusCounts Items, string Sentence);

/// <summary>One document's section: its clauses, in order, each with its targets.</summary>
public sealed record DocumentSection
{
    /// <summary>The document's id in the plugin; for machines.</summary>
    public required string DocumentId { get; init; }

    /// <summary>The full citation (<c>Chương trình số 20-CTr/TU ngày 16/12/2021 của Thành ủy Cần Thơ</c>).</summary>
    public required string Citation { get; init; }

    /// <summary>The short citation (<c>Chương trình số 20-CTr/TU</c>).</summary>
    public required string ShortName { get; init; }

    /// <summary>The title.</summary>
    public required string Title { get; init; }

    /// <summary>The plan period the rules were applied to, in words.</summary>
    public required string PeriodText { get; init; }

    /// <summary>Whether this is a retrospective account, outside the tally.</summary>
    public required bool IsRetrospective { get; init; }

    /// <summary>The clauses with targets, in document order.</summary>
    public required IReadOnlyList<ClauseSection> Clauses { get; init; }
}

/// <summary>A clause of a document: its wording quoted once, and the targets read from it.</summary>
public sealed record ClauseSection
{
    /// <summary>The clause as the document numbers it (<c>II.2.1</c>).</summary>
    public required string Clause { get; init; }

    /// <summary>The clause's distinct wordings, quoted verbatim, each once (a wording contained in another is not repeated).</summary>
    public required IReadOnlyList<string> Wordings { get; init; }

    /// <summary>The targets, in document order; alternative readings follow their default.</summary>
    public required IReadOnlyList<TargetSection> Targets { get; init; }
}

/// <summary>A target: what it asks, and its result in each assessed year.</summary>
public sealed record TargetSection
{
    /// <summary>The target id; for machines.</summary>
    public required string Id { get; init; }

    /// <summary>The unique label (<c>II.2.1 (khu dân cư)</c>).</summary>
    public required string Label { get; init; }

    /// <summary>
    /// The requirement kind (<c>level</c>, <c>change</c>, <c>range</c>, <c>zero</c>, <c>deliverable</c>, <c>quota</c>,
    /// <c>composite</c>, <c>expression</c>).
    /// </summary>
    public required string Kind { get; init; }

    /// <summary>What it measures: the indicator's name, starting in lower case (<c>tỷ lệ khu dân cư ký cam kết …</c>); empty for a composite.</summary>
    public required string Subject { get; init; }

    /// <summary>The unit of the measured value (<c>vụ</c>, <c>%</c>); empty for a composite.</summary>
    public required string Unit { get; init; }

    /// <summary>
    /// The requirement in words (<c>trên 80%</c>, <c>giảm từ 3% đến 5% so với cùng kỳ năm trước</c>; a zero requirement in
    /// the document's own verb: <c>không để tồn tại (bằng 0)</c>).
    /// </summary>
    public required string Requirement { get; init; }

    /// <summary>When it is judged, in words (<c>hàng năm</c>, <c>đến năm 2025</c>).</summary>
    public required string Schedule { get; init; }

    /// <summary>The wording it quotes (also among its clause's <see cref="ClauseSection.Wordings"/>).</summary>
    public required string Wording { get; init; }

    /// <summary>Whether it is an alternative reading, shown for comparison and not counted.</summary>
    public required bool IsAlternative { get; init; }

    /// <summary>The label of the default target it is an alternative of; empty otherwise.</summary>
    public required string AlternativeOfLabel { get; init; }

    /// <summary>The same quantity set by another document, in words (<c>I.2.b của Kế hoạch số 205/KH-UBND</c>); empty otherwise.</summary>
    public required string SameAsText { get; init; }

    /// <summary>The lead units (đơn vị chủ trì); empty when the document names none.</summary>
    public required IReadOnlyList<string> Lead { get; init; }

    /// <summary>The supporting units (đơn vị phối hợp).</summary>
    public required IReadOnlyList<string> Supporting { get; init; }

    /// <summary>The numbers of the annex readings that apply to it (its own, and those it shares with other targets); empty when it states none.</summary>
    public required IReadOnlyList<int> ReadingNumbers { get; init; }

    /// <summary>The consequence the document attaches to a failure; empty when none.</summary>
    public required string Consequence { get; init; }

    /// <summary>Whether the result of the year assessed triggers the consequence.</summary>
    public required bool ConsequenceTriggered { get; init; }

    /// <summary>One result per assessed period, in order.</summary>
    public required IReadOnlyList<YearResult> Years { get; init; }
}

/// <summary>
/// A target's result for one assessed period: the figure as judged, the requirement in that period, the verdict and the
/// margin. Before a cumulative deadline, the running total is shown as the actual figure and the projection judged beside
/// it, labelled “ước”; the change and the quota share are then computed on the projection, never on the partial sum. A
/// deliverable has one result up to the year assessed: done (in which year) or not yet, with no projection and no
/// percentage.
/// </summary>
public sealed record YearResult
{
    /// <summary>The period (<c>2023</c>, <c>2021/2023</c>); for machines.</summary>
    public required string Period { get; init; }

    /// <summary>The period in words (<c>năm 2023</c>, <c>giai đoạn 2021 - 2023</c>; for a deliverable <c>đến năm 2023</c>).</summary>
    public required string PeriodText { get; init; }

    /// <summary>The last year of the period.</summary>
    public required int Year { get; init; }

    /// <summary>The verdict.</summary>
    public required AssessmentStatus Status { get; init; }

    /// <summary>The verdict's code (<c>met</c>, <c>exceeded</c>, <c>notMet</c>, <c>onTrack</c>, <c>atRisk</c>, <c>pending</c>, <c>noData</c>).</summary>
    public required string StatusCode { get; init; }

    /// <summary>The verdict in words (<c>đạt</c>, <c>vượt</c>, <c>không đạt</c>, <c>đúng tiến độ</c>, <c>chưa hoàn thành, chưa đến hạn</c> …).</summary>
    public required string StatusText { get; init; }

    /// <summary>Whether the verdict is final (met, exceeded or not met), not a progress check or a deliverable still pending.</summary>
    public required bool IsFinal { get; init; }

    /// <summary>For a deliverable that is done: the year it was done in; null otherwise.</summary>
    public required int? DoneInYear { get; init; }

    /// <summary>
    /// The figure as reported (<c>2.401/3.000 người, bằng 80,03%</c>; <c>1.020 vụ</c>); before a cumulative deadline, the
    /// running total; for a per-unit target, how many units met it (<c>5/7 trường đạt</c>); for a composite, how many
    /// components (<c>3/4 chỉ tiêu thành phần đạt</c>); for a deliverable, whether and when it was done (<c>đã hoàn thành
    /// năm 2022</c>, <c>chưa có mô hình nào</c>). Empty when figures are missing.
    /// </summary>
    public required string ValueText { get; init; }

    /// <summary>The value judged (a share in percent); null when figures are missing.</summary>
    public required decimal? Value { get; init; }

    /// <summary>A share's numerator, when the share is given by its counts.</summary>
    public required decimal? Numerator { get; init; }

    /// <summary>A share's denominator, when the share is given by its counts.</summary>
    public required decimal? Denominator { get; init; }

    /// <summary>Before a cumulative deadline: the running total actually reported; null otherwise.</summary>
    public required decimal? RunningTotal { get; init; }

    /// <summary>Before a cumulative deadline: the projection judged, in words (<c>ước cả giai đoạn 2021 - 2025: 1.633 vụ</c>); empty otherwise.</summary>
    public required string ProjectionText { get; init; }

    /// <summary>The change from the baseline, in words, on the value judged (<c>giảm 50 vụ (4,0%) so với năm 2020 (1.250 vụ)</c>); empty without one.</summary>
    public required string ChangeText { get; init; }

    /// <summary>The baseline value; null without one.</summary>
    public required decimal? Baseline { get; init; }

    /// <summary>The baseline period in words; empty without one.</summary>
    public required string BaselinePeriodText { get; init; }

    /// <summary>value − baseline; null without a baseline.</summary>
    public required decimal? Change { get; init; }

    /// <summary>(value − baseline) / baseline × 100; null without a baseline or with a zero one.</summary>
    public required decimal? RelativeChange { get; init; }

    /// <summary>For a quota: the quota and how much of it is done, in words (<c>chỉ tiêu được giao 5.000 người (đạt 92,6%)</c>); empty otherwise.</summary>
    public required string QuotaText { get; init; }

    /// <summary>
    /// The requirement in that period as a figure to reach (<c>cần ít nhất 2.409/3.010 người</c>, <c>cần không quá 1.096
    /// vụ</c>); empty when the requirement has no threshold or the figures are missing.
    /// </summary>
    public required string RequirementText { get; init; }

    /// <summary>The requirement's mark as a value in the measured unit (a share in percent); null when there is none.</summary>
    public required decimal? RequirementValue { get; init; }

    /// <summary>Before a deadline: where the straight-line path stands that year, in words (<c>lộ trình năm 2023: ít nhất 555/630 khu dân cư</c>); empty otherwise.</summary>
    public required string PathText { get; init; }

    /// <summary>
    /// The distance from the mark: <c>còn thiếu 1 người</c> below a floor, <c>vượt quá 10 người</c> above a ceiling,
    /// <c>cao hơn mức cần đạt 84 tin bài</c> when exceeded; empty otherwise.
    /// </summary>
    public required string MarginText { get; init; }

    /// <summary>The margin as a number, in counts when the value has them (else in its unit); null when there is none.</summary>
    public required decimal? Margin { get; init; }

    /// <summary>Why there is no verdict: the figures missing, named by indicator and period, or why they cannot be used; empty otherwise.</summary>
    public required string MissingText { get; init; }

    /// <summary>
    /// How the figure judged was put together when it was not given as such, briefly: <c>cộng 2 kỳ 6 tháng</c>,
    /// <c>cộng 4 quý của 3 đơn vị</c>, <c>cộng 12 đơn vị</c>, <c>số liệu quý IV năm 2023</c> (a state at a date read at the end
    /// of the period); empty otherwise.
    /// </summary>
    public required string AddedUpText { get; init; }

    /// <summary>
    /// For a locality that has merged, when the figures judged are the merged locality's: the boundary, and how the
    /// baseline compares like with like (<c>theo địa giới tỉnh Tây Ninh (từ ngày 01/7/2025), so sánh cùng địa giới: năm
    /// 2020 cộng số liệu của …</c>); empty otherwise (the figures are those of the unit the documents set the target for).
    /// </summary>
    public required string BoundaryText { get; init; }

    /// <summary>
    /// For a target on the locality as a whole whose figures are also given per unit: each unit's own result under the
    /// same requirement (the drill-down); empty otherwise.
    /// </summary>
    public required IReadOnlyList<UnitResultLine> ByUnit { get; init; }

    /// <summary>Of <see cref="ByUnit"/>, the units that do not meet the requirement themselves, with their figure (<c>huyện Phong Điền (10/40 xã, bằng 25,0%)</c>).</summary>
    public required IReadOnlyList<string> UnitsBelowBar { get; init; }

    /// <summary>The drill-down in words, shown under the result line (<c>đơn vị chưa đạt: huyện Phong Điền (10/40 xã, bằng 25,0%)</c>); empty when no unit falls below the bar.</summary>
    public required string DrillDownText { get; init; }

    /// <summary>For a per-unit target: every unit's result; empty otherwise.</summary>
    public required IReadOnlyList<UnitResultLine> Units { get; init; }

    /// <summary>For a per-unit target: how many units met the requirement.</summary>
    public required int UnitsMet { get; init; }

    /// <summary>For a per-unit target: the units falling short, with their figure (<c>Trường THCS Cẩm Sơn (1 lần)</c>).</summary>
    public required IReadOnlyList<string> UnitsShort { get; init; }

    /// <summary>For a per-unit target: the units lacking figures.</summary>
    public required IReadOnlyList<string> UnitsMissing { get; init; }

    /// <summary>For a composite: its components, by label.</summary>
    public required IReadOnlyList<ComponentLine> Components { get; init; }

    /// <summary>The figures used, for tracing each number to the data.</summary>
    public required IReadOnlyList<FigureLine> Figures { get; init; }

    /// <summary>
    /// What the result line says before its verdict: the figure, its change and quota (or the projection beside the running
    /// total), or the units short, or the components, or the figures missing.
    /// </summary>
    public required string Body { get; init; }

    /// <summary>What explains the verdict, when it needs explaining: the mark and the margin when not met, the path before a deadline; empty otherwise.</summary>
    public required string VerdictNote { get; init; }

    /// <summary>
    /// The whole result in one sentence (<c>Năm 2023: 560/630 khu dân cư, bằng 88,9%; yêu cầu từ 90% trở lên: không đạt (còn
    /// thiếu 7 khu dân cư).</c>). Unless set, it is put together from the line's parts when read: the narrative never reads
    /// it, and a national batch has a quarter of a million lines.
    /// </summary>
    public string Sentence
    {
        get => _sentence ?? ComposedSentence();
        init => _sentence = value;
    }

    /// <summary>The requirement in words as the sentence cites it (<c>từ 90% trở lên</c>): the target's.</summary>
    internal string RequirementWords { get; init; } = string.Empty;

    private readonly string? _sentence;

    private string ComposedSentence()
    {
        var verdict = VerdictNote.Length > 0 ? $"{StatusText} ({VerdictNote})" : StatusText;
        var drillDown = DrillDownText.Length > 0 ? $" {VietnameseFormat.UpperFirst(DrillDownText)}." : string.Empty;
        return $"{VietnameseFormat.UpperFirst(PeriodText)}: {Body}; yêu cầu {RequirementWords}: {verdict}.{drillDown}";
    }
}

/// <summary>One unit's result under a per-unit target.</summary>
/// <param name="Unit">The unit (<c>quận Ngô Quyền</c>).</param>
/// <param name="Status">Its verdict.</param>
/// <param name="StatusCode">The verdict's code.</param>
/// <param name="StatusText">The verdict in words.</param>
/// <param name="ValueText">Its figure in words (<c>61 người, tăng 9 người so với năm 2017</c>); empty when missing.</param>
/// <param name="Value">Its figure; null when missing.</param>
/// <param name="Change">Its change from the baseline; null without one.</param>
/// <param name="Amount">How far it falls short or goes over, signed as a change reads (<c>+9 người</c>); empty when it passes.</param>
public sealed record UnitResultLine(
    string Unit, AssessmentStatus Status, string StatusCode, string StatusText, string ValueText, decimal? Value, decimal? Change, string Amount);

/// <summary>A composite's component in one period.</summary>
/// <param name="Label">The component's label.</param>
/// <param name="Status">Its verdict.</param>
/// <param name="StatusCode">The verdict's code.</param>
/// <param name="StatusText">The verdict in words.</param>
public sealed record ComponentLine(string Label, AssessmentStatus Status, string StatusCode, string StatusText);

/// <summary>A reported figure a result used.</summary>
/// <param name="IndicatorId">The indicator's id; for machines.</param>
/// <param name="Indicator">The indicator's name.</param>
/// <param name="Period">The period in words.</param>
/// <param name="AdminUnit">The unit, for a per-unit figure; empty otherwise.</param>
/// <param name="Value">The value.</param>
/// <param name="ValueText">The value with its unit.</param>
/// <param name="Note">The figure's note in the data; empty when none.</param>
/// <param name="Boundary">
/// For a locality that has merged: the boundary the figure is for, by name (<c>tỉnh Long An</c>), when it is not the unit
/// the documents were written for; empty otherwise.
/// </param>
public sealed record FigureLine(string IndicatorId, string Indicator, string Period, string AdminUnit, decimal Value, string ValueText, string Note, string Boundary);

/// <summary>A row of the results table (Chỉ tiêu | Yêu cầu | Kết quả | Đánh giá), for the year assessed.</summary>
/// <param name="TargetId">The target id; for machines.</param>
/// <param name="Label">Chỉ tiêu: the label, with “(cách hiểu thay thế)” for an alternative reading.</param>
/// <param name="Requirement">Yêu cầu: the requirement and when it is judged.</param>
/// <param name="Result">Kết quả: the figure (or why there is none).</param>
/// <param name="Verdict">Đánh giá: the verdict, with its margin.</param>
/// <param name="Status">The verdict.</param>
/// <param name="StatusCode">The verdict's code.</param>
/// <param name="PeriodText">The period the row shows.</param>
/// <param name="IsAlternative">Whether the row is an alternative reading.</param>
public sealed record ResultRow(
    string TargetId, string Label, string Requirement, string Result, string Verdict, AssessmentStatus Status, string StatusCode, string PeriodText, bool IsAlternative);

/// <summary>A target's results over the years, for a small chart: the values and the requirement as a line.</summary>
/// <param name="TargetId">The target id; for machines.</param>
/// <param name="Label">The target's label.</param>
/// <param name="Subject">What is measured.</param>
/// <param name="Unit">The unit of the values (<c>%</c>, <c>vụ</c>).</param>
/// <param name="RequirementLabel">What the requirement line shows (<c>mức cần đạt</c>).</param>
/// <param name="Points">One point per year, in order.</param>
public sealed record ChartSeries(string TargetId, string Label, string Subject, string Unit, string RequirementLabel, IReadOnlyList<ChartPoint> Points);

/// <summary>One year of a chart series.</summary>
/// <param name="Year">The year.</param>
/// <param name="Value">The value judged; null when figures are missing.</param>
/// <param name="ValueText">The value in words.</param>
/// <param name="Requirement">The requirement's mark that year, in the same unit; null when there is none.</param>
/// <param name="Status">The verdict.</param>
/// <param name="StatusText">The verdict in words (status is never shown by colour alone).</param>
public sealed record ChartPoint(int Year, decimal? Value, string ValueText, decimal? Requirement, AssessmentStatus Status, string StatusText);

/// <summary>A dated task and where it stands.</summary>
public sealed record TaskEntry
{
    /// <summary>The task id; for machines.</summary>
    public required string Id { get; init; }

    /// <summary>Its label: the clause, with its part when the clause holds several tasks (<c>Phụ lục II, mục 2</c>, <c>V.2 (định kỳ)</c>).</summary>
    public required string Label { get; init; }

    /// <summary>The document's wording.</summary>
    public required string Wording { get; init; }

    /// <summary>The lead units.</summary>
    public required IReadOnlyList<string> Lead { get; init; }

    /// <summary>The supporting units.</summary>
    public required IReadOnlyList<string> Supporting { get; init; }

    /// <summary>The deadline as the document writes it (<c>Quý I</c>).</summary>
    public required string DeadlineText { get; init; }

    /// <summary>The day it falls due (its last milestone).</summary>
    public required DateOnly DueOn { get; init; }

    /// <summary>That day as <c>31/03/2023</c>.</summary>
    public required string DueText { get; init; }

    /// <summary>
    /// Where it stands: <c>doneOnTime</c>, <c>doneLate</c>, <c>overdue</c>, <c>notYetDue</c>; over several milestones, the
    /// worst of them (overdue, then not yet due, then late).
    /// </summary>
    public required string StatusCode { get; init; }

    /// <summary>The standing in words (<c>hoàn thành chậm so với thời hạn</c>).</summary>
    public required string StatusText { get; init; }

    /// <summary>The day it was reported done (its last milestone, once every milestone is); null when it was not.</summary>
    public required DateOnly? CompletedOn { get; init; }

    /// <summary>That day as <c>20/04/2023</c>; empty when not done.</summary>
    public required string CompletedText { get; init; }

    /// <summary>The report's note on it; empty when none.</summary>
    public required string Note { get; init; }

    /// <summary>
    /// Its milestones (one per deadline period), in the order they fall due, each with its own standing; a task with one
    /// deadline has one.
    /// </summary>
    public required IReadOnlyList<MilestoneEntry> Milestones { get; init; }

    /// <summary>
    /// For a task whose milestones do not all stand alike, the milestones grouped by standing (<c>từng mốc: hoàn thành chậm:
    /// quý I năm 2023; hoàn thành đúng hạn: năm 2023</c>); empty otherwise (one milestone, or all standing as the task does).
    /// </summary>
    public required string MilestonesText { get; init; }

    /// <summary>
    /// Whether the task has the clause, wording and units of the task listed just before it (one sentence setting a periodic,
    /// an interim and a final report): outputs write “như trên” for them instead of repeating them.
    /// </summary>
    public required bool RepeatsPrevious { get; init; }
}

/// <summary>
/// One milestone of a task (one of its deadline periods) and its own standing: from its own completion date when the data
/// reports the task milestone by milestone, else from the task's (a task finished after an early milestone is late for it).
/// </summary>
/// <param name="Period">The period it is due in (<c>2023-Q1</c>, <c>2023-01</c>); for machines.</param>
/// <param name="PeriodText">The period it is due in, in words (<c>quý I năm 2023</c>, <c>tháng 1 năm 2023</c>).</param>
/// <param name="DueOn">The day it falls due.</param>
/// <param name="DueText">That day as <c>31/03/2023</c>.</param>
/// <param name="StatusCode">Its standing's code.</param>
/// <param name="StatusText">Its standing in words.</param>
/// <param name="CompletedOn">The day it was reported done; null when it was not.</param>
/// <param name="CompletedText">That day as <c>18/01/2023</c>; empty when not done.</param>
/// <param name="Text">
/// The milestone in a few words for a task line: its period, and for a late one the day it was done
/// (<c>6 tháng đầu năm 2023 (ngày 05/07/2023)</c>) unless that is the task's own completion day, which the line gives.
/// </param>
public sealed record MilestoneEntry(
    string Period, string PeriodText, DateOnly DueOn, string DueText, string StatusCode, string StatusText, DateOnly? CompletedOn, string CompletedText, string Text);

/// <summary>What one unit answers for, as lead or as supporting unit, and how it stands in the year assessed.</summary>
public sealed record UnitView
{
    /// <summary>The unit's name, as the documents write it.</summary>
    public required string Unit { get; init; }

    /// <summary>Targets it leads.</summary>
    public required IReadOnlyList<UnitItemLine> LeadTargets { get; init; }

    /// <summary>Targets it supports.</summary>
    public required IReadOnlyList<UnitItemLine> SupportTargets { get; init; }

    /// <summary>Tasks it leads.</summary>
    public required IReadOnlyList<UnitItemLine> LeadTasks { get; init; }

    /// <summary>Tasks it supports.</summary>
    public required IReadOnlyList<UnitItemLine> SupportTasks { get; init; }

    /// <summary>Counts over the targets it leads.</summary>
    public required StatusCounts LeadCounts { get; init; }

    /// <summary>Tasks it leads done on time.</summary>
    public required int TasksOnTime { get; init; }

    /// <summary>Tasks it leads done late (never counted as on time).</summary>
    public required int TasksLate { get; init; }

    /// <summary>Tasks it leads overdue.</summary>
    public required int TasksOverdue { get; init; }

    /// <summary>Tasks it leads not yet due.</summary>
    public required int TasksNotYetDue { get; init; }

    /// <summary>Per-unit shortfalls under targets it leads (the schools short of Cẩm Phả 1.3 under its education office).</summary>
    public required IReadOnlyList<UnitShortfall> Shortfalls { get; init; }

    /// <summary>The standing in one sentence.</summary>
    public required string Sentence { get; init; }
}

/// <summary>A target or task in the view by unit.</summary>
/// <param name="Label">Its label.</param>
/// <param name="StatusCode">Its standing's code.</param>
/// <param name="StatusText">Its standing in words.</param>
public sealed record UnitItemLine(string Label, string StatusCode, string StatusText);

/// <summary>A unit falling short (or lacking figures) under a per-unit target.</summary>
/// <param name="TargetLabel">The target.</param>
/// <param name="Unit">The unit short.</param>
/// <param name="ValueText">Its figure; empty when missing.</param>
/// <param name="StatusText">Its verdict in words.</param>
public sealed record UnitShortfall(string TargetLabel, string Unit, string ValueText, string StatusText);

/// <summary>A consequence a failure triggers (accountability), with the units it falls on and by how much.</summary>
public sealed record Finding
{
    /// <summary>The target whose failure triggers it.</summary>
    public required string TargetLabel { get; init; }

    /// <summary>The kind (<c>accountability</c>).</summary>
    public required string Kind { get; init; }

    /// <summary>The document's words for the consequence.</summary>
    public required string Text { get; init; }

    /// <summary>The period in words.</summary>
    public required string PeriodText { get; init; }

    /// <summary>The units flagged, each with the amount (<c>quận Ngô Quyền (+9 người)</c>); empty for a whole-locality target.</summary>
    public required IReadOnlyList<FlaggedUnit> Units { get; init; }

    /// <summary>The finding in one sentence.</summary>
    public required string Sentence { get; init; }
}

/// <summary>A unit a finding falls on.</summary>
/// <param name="Unit">The unit.</param>
/// <param name="Amount">By how much it failed (a change: the increase), in its unit; null when unknown.</param>
/// <param name="AmountText">The amount in words, signed (<c>+9 người</c>); empty when unknown.</param>
public sealed record FlaggedUnit(string Unit, decimal? Amount, string AmountText);

/// <summary>
/// Figures of one indicator that no target read, for one reason: the periods (and units) given, and why none was read.
/// </summary>
public sealed record UnusedFigureEntry
{
    /// <summary>The indicator's id; for machines.</summary>
    public required string IndicatorId { get; init; }

    /// <summary>The indicator's name (<c>Số vụ phạm tội về ma túy được phát hiện, bắt giữ</c>).</summary>
    public required string Indicator { get; init; }

    /// <summary>The periods given, for machines (<c>2023-Q2</c>), in the order of the data.</summary>
    public required IReadOnlyList<string> Periods { get; init; }

    /// <summary>The periods in words (<c>năm 2021, 2022</c>; <c>quý II năm 2023</c>).</summary>
    public required string PeriodText { get; init; }

    /// <summary>The administrative units the figures are for, when given per unit; empty otherwise.</summary>
    public required IReadOnlyList<string> Units { get; init; }

    /// <summary>The boundary the figures are for, by name, when not the unit the documents set; empty otherwise.</summary>
    public required string Boundary { get; init; }

    /// <summary>Why no target read them, as a code (<c>indicatorNotRead</c>, <c>outsidePlan</c>, <c>afterAsOf</c>, <c>stockWithinPeriod</c>, <c>earlierThanLatest</c>, <c>checkedAgainstWhole</c>).</summary>
    public required string ReasonCode { get; init; }

    /// <summary>Why, in words (<c>không chỉ tiêu nào sử dụng chỉ số này</c>).</summary>
    public required string Reason { get; init; }

    /// <summary>The entry in one sentence, without its full stop (<c>Số người nghiện ma túy (quý II năm 2023): không chỉ tiêu nào sử dụng chỉ số này</c>).</summary>
    public required string Sentence { get; init; }
}

/// <summary>A goal with no number.</summary>
/// <param name="Id">Its id; for machines.</param>
/// <param name="Label">Its clause.</param>
/// <param name="DocumentShort">Its document.</param>
/// <param name="Wording">The document's wording.</param>
/// <param name="Reason">Why it is not measured.</param>
public sealed record GoalEntry(string Id, string Label, string DocumentShort, string Wording, string Reason);

/// <summary>“Phụ lục: cách hiểu chỉ tiêu và phương pháp đánh giá”.</summary>
/// <param name="Title">The annex's title.</param>
/// <param name="Readings">
/// Every reading once, numbered, with the targets it applies to. A sentence several targets' readings share is stated once,
/// with all of them; each target's own sentences follow under its label.
/// </param>
/// <param name="Methods">How the verdicts, gaps, paths, projections and tally are worked out, each once.</param>
/// <param name="FiguresNotNeeded">
/// Figures given that no result read because they were not needed: parts checked against the whole given beside them,
/// earlier years of a target judged on its latest year. Grouped as <see cref="Report.UnusedFigures"/> are.
/// </param>
public sealed record Annex(string Title, IReadOnlyList<AnnexReading> Readings, IReadOnlyList<string> Methods, IReadOnlyList<UnusedFigureEntry> FiguresNotNeeded);

/// <summary>A reading in the annex.</summary>
/// <param name="Number">Its number, as targets refer to it.</param>
/// <param name="Labels">The targets it applies to (a whole document's reading names the document).</param>
/// <param name="Text">The reading, with every target named by its label.</param>
public sealed record AnnexReading(int Number, IReadOnlyList<string> Labels, string Text);
