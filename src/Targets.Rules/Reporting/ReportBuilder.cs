using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Targets.Core.Data;
using Targets.Core.Evaluation;
using Targets.Core.Formatting;
using Targets.Core.Indicators;
using Targets.Core.Periods;
using Targets.Core.Requirements;
using Targets.Core.Schedules;
using Targets.Core.Successions;
using Targets.Core.Tasks;
using Targets.Core.Targets;
using Targets.Rules.Collections;
using Targets.Rules.Engine;
using Targets.Rules.RuleSets;

namespace Targets.Rules.Reporting;

/// <summary>Builds the format-neutral <see cref="Report"/> of an assessment, from which every output format is rendered.</summary>
public static class ReportBuilder
{
    /// <summary>Builds the report of an assessment.</summary>
    /// <param name="assessment">The results.</param>
    /// <param name="rules">The compiled rules they came from.</param>
    /// <param name="planOverride">The plan period the rules were applied to, when not the documents' own.</param>
    public static Report Build(Assessment assessment, ICompiledRuleSet rules, ReportingPeriod? planOverride = null)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentNullException.ThrowIfNull(rules);
        return new Builder(assessment, rules, planOverride).Build();
    }

    /// <summary>The requirement kind's code: level, change, range, zero, deliverable, quota, composite, expression.</summary>
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

    private sealed class Builder
    {
        private readonly Assessment _assessment;
        private readonly ICompiledRuleSet _rules;
        private readonly IndicatorCatalog _catalog;
        private readonly ReportingPeriod? _plan;
        private readonly int _year;
        private readonly TargetLabels _labels;
        private readonly List<RuleSet> _sets;
        private readonly RuleSetTexts _texts;
        // Never added to: the results of a target the assessment has none of.
        private static readonly List<TargetResult> NoResults = [];

        private readonly Dictionary<TargetId, List<TargetResult>> _results = [];
        private readonly PlanTexts _planTexts;
        private readonly Dictionary<TargetId, TargetResult?> _counted = [];
        private readonly Dictionary<TargetId, UnitItemLine> _targetLines = [];
        private readonly Succession? _succession;

        /// <summary>Whether the boundary of the figures needs saying: a merged locality whose figures name a boundary, or as of after the merger.</summary>
        private readonly bool _boundaryMatters;

        /// <summary>A result's figures as lines, for every result line's list worked out when read (one function per report).</summary>
        private readonly Func<object?, IEnumerable<FigureLine>> _figureLines;

        public Builder(Assessment assessment, ICompiledRuleSet rules, ReportingPeriod? plan)
        {
            _assessment = assessment;
            _rules = rules;
            _catalog = rules.Catalog;
            _plan = plan;
            _year = assessment.AsOf.Year;
            _texts = RuleSetTexts.Of(rules);
            // The documents evaluated (a plan override may leave some out); labels stay those of the whole locality.
            _sets = [.. rules.RuleSets.Where(set => assessment.Documents.Contains(set.Document))];
            _labels = _texts.Labels;
            _planTexts = _texts.ForPlan(plan, _sets);
            _succession = assessment.Succession;
            _figureLines = result => ((TargetResult)result!).Figures.Select(Figure);
            _boundaryMatters = _succession is { } succession && (assessment.AsOf >= succession.Date
                || assessment.Results.Any(r => r.Boundary == ResultBoundary.Merged || r.Figures.Any(f => f.Boundary is not null)));
            foreach (var result in assessment.Results)
            {
                if (!_results.TryGetValue(result.Target.Id, out var results))
                {
                    _results[result.Target.Id] = results = new List<TargetResult>(1);
                }

                results.Add(result);
            }
        }

        public Report Build()
        {
            var documents = _sets.Select(Document).ToList();
            var (notable, notNeeded) = UnusedFigures();
            var tasks = _assessment.Tasks.Select((result, i) => TaskEntryOf(result, i > 0 && SameWordingAndUnits(_assessment.Tasks[i - 1].Task, result.Task))).ToList();
            return new Report
            {
                Header = Header(),
                Summary = Summary(),
                Documents = documents,
                // The plain text has no table: worked out when read (Markdown, the web page, Word).
                Table = new DeferredList<ResultRow>(() => documents.Where(d => !d.IsRetrospective).SelectMany(d => d.Clauses).SelectMany(c => c.Targets).Select(Row)),
                // Only the web page draws charts: worked out when read.
                Charts = new DeferredList<ChartSeries>(() => documents.SelectMany(d => d.Clauses).SelectMany(c => c.Targets).Where(t => t.Years.Count > 1 && t.Kind != "composite" && t.Years.Any(y => y.Value is not null)).Select(Chart)),
                Tasks = tasks,
                Units = Units(tasks),
                Findings = Findings(),
                Goals = _planTexts.Goals,
                UnusedFigures = notable,
                Annex = new Annex("Phụ lục: cách hiểu chỉ tiêu và phương pháp đánh giá", _planTexts.Readings, Methods(documents), notNeeded),
            };
        }

        private ReportHeader Header()
        {
            return new ReportHeader
            {
                Title = "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU",
                LocalityCode = _assessment.Locality,
                LocalityName = _assessment.LocalityName,
                UnitName = _rules.Locality.UnitName ?? _assessment.LocalityName,
                AsOf = _assessment.AsOf,
                AsOfText = VietnameseFormat.LongDate(_assessment.AsOf),
                Year = _year,
                YearText = YearText(_year),
                PlanPeriodText = _planTexts.PlanPeriodText,
                DataNote = _assessment.DataDescription ?? string.Empty,
                Notes = _boundaryMatters
                    ? [.. _assessment.Notes, $"Số liệu và kết quả theo địa giới {_succession!.FormerName}, là địa giới văn bản đặt chỉ tiêu, trừ chỗ ghi theo địa giới khác."]
                    : _assessment.Notes,
            };
        }

        // ---- Documents, clauses, targets, years ----

        private DocumentSection Document(RuleSet set) => new()
        {
            DocumentId = set.Document.Id,
            Citation = RequirementText.Citation(set.Document),
            ShortName = set.Document.ShortName,
            Title = set.Document.Title,
            PeriodText = VietnameseFormat.Period(_plan ?? set.Document.Period),
            IsRetrospective = IsApart(set),
            Clauses = [.. _planTexts.ClausesOf(set).Select(clause => new ClauseSection
            {
                Clause = clause.Clause,
                Wordings = clause.Wordings,
                Targets = [.. clause.Targets.Select(TargetSection)],
            })],
        };

        private TargetSection TargetSection(TargetTexts texts)
        {
            var target = texts.Target;
            var results = ResultsOf(target);
            var years = new YearResult[results.Count];
            for (var i = 0; i < years.Length; i++)
            {
                years[i] = Year(texts, results[i]);
            }

            var counted = CountedResult(target);
            return new TargetSection
            {
                Id = target.Id.Value,
                Label = texts.Label,
                Kind = texts.Kind,
                Subject = texts.Subject,
                Unit = texts.Unit,
                Requirement = texts.Requirement,
                Schedule = texts.Schedule,
                Wording = target.Wording,
                IsAlternative = target.AlternativeOf is not null,
                AlternativeOfLabel = texts.AlternativeOfLabel,
                SameAsText = texts.SameAsText,
                Lead = target.Responsibility?.Lead ?? [],
                Supporting = target.Responsibility?.Supporting ?? [],
                ReadingNumbers = texts.ReadingNumbers,
                Consequence = target.Consequence?.Text ?? string.Empty,
                ConsequenceTriggered = target.Consequence is not null && counted?.Status == AssessmentStatus.NotMet,
                Years = years,
            };
        }

        /// <summary>
        /// Whether a rule set is a retrospective account reported apart from the plan in force: it is, unless a plan
        /// override left it the only kind evaluated (then it is the report's own account).
        /// </summary>
        private bool IsApart(RuleSet set) => _planTexts.IsApart(set);

        private List<TargetResult> ResultsOf(Target target) => _results.TryGetValue(target.Id, out var results) ? results : NoResults;

        /// <summary>The result the tally counts: the year assessed, else the latest (a deadline target's progress, a past single year).</summary>
        private TargetResult? CountedResult(Target target)
        {
            if (!_counted.TryGetValue(target.Id, out var counted))
            {
                var results = ResultsOf(target);
                counted = results.Count > 0 ? results[^1] : null;
                for (var i = results.Count - 1; i >= 0; i--)
                {
                    if (results[i].Period is { Kind: PeriodKind.Year } period && period.StartYear == _year)
                    {
                        counted = results[i];
                        break;
                    }
                }

                _counted[target.Id] = counted;
            }

            return counted;
        }

        private YearResult Year(TargetTexts texts, TargetResult result)
        {
            var (target, indicator) = (texts.Target, texts.Indicator);
            var requirement = target.Requirement;
            var m = result.Measurement;
            var wholeCounts = indicator?.Kind == IndicatorKind.Count;
            var projected = result.Progress is { Projected: true } && indicator is { IsShare: false };
            string valueText = string.Empty, projection = string.Empty, change = string.Empty, quota = string.Empty;
            string mark = string.Empty, path = string.Empty, margin = string.Empty, missing = string.Empty;
            decimal? marginValue = null, markValue = null;
            // Most lines have no units and no components: no list is made for them (a national batch has a quarter million lines).
            IReadOnlyList<UnitResultLine> units = [];
            IReadOnlyList<ComponentLine> components = [];
            IReadOnlyList<UnitResultLine> byUnit = indicator is null || result.ByUnit.Count == 0 ? [] : [.. result.ByUnit.Select(u => UnitLine(indicator, u))];
            IReadOnlyList<string> belowBar = byUnit.Count == 0 ? [] : [.. byUnit.Where(u => u.Status == AssessmentStatus.NotMet).Select(ShortOf)];

            if (result.Components.Count > 0)
            {
                var met = result.Components.Count(c => c.Status is AssessmentStatus.Met or AssessmentStatus.Exceeded);
                valueText = $"{met}/{result.Components.Count} chỉ tiêu thành phần đạt";
                components = [.. result.Components.Select(c => new ComponentLine(
                    _labels.Of(c.Target.Id), c.Status, ResultText.StatusCode(c.Status), ResultText.Status(c.Status)))];
            }
            else if (result.Units.Count > 0 && indicator is not null)
            {
                var kind = target.Scope is TargetScope.EachUnit each ? each.UnitKind : "đơn vị";
                var met = result.Units.Count(u => u.Status is AssessmentStatus.Met or AssessmentStatus.Exceeded);
                valueText = $"{met}/{result.Units.Count} {kind} đạt";
                units = [.. result.Units.Select(u => UnitLine(indicator, u))];
            }
            else if (requirement is DeliverableRequirement && m is { } delivered && indicator is not null)
            {
                valueText = DeliveredText(result, delivered, indicator);
            }
            else if (m is { } measured && indicator is not null)
            {
                var levelThreshold = requirement is LevelRequirement level ? level.Bound.Threshold : (decimal?)null;
                if (projected && result.Progress!.RunningTotal is { } total)
                {
                    valueText = VietnameseFormat.Quantity(total, indicator.Unit.Symbol);
                    projection = $"ước cả {VietnameseFormat.Period(ReportingPeriod.Span(result.Progress.StartYear, result.Progress.DeadlineYear))}: {VietnameseFormat.Quantity(measured.Value, indicator.Unit.Symbol)}";
                }
                else
                {
                    valueText = ResultText.Value(measured, indicator, _catalog, levelThreshold);
                }

                if (measured.HasBaseline && result.BaselinePeriod is { } basePeriod)
                {
                    change = ResultText.Change(measured, basePeriod, indicator, RelativeThreshold(requirement, measured));
                }

                if (requirement is QuotaRequirement quotaRule)
                {
                    quota = ResultText.Quota(measured, indicator, assigned: quotaRule.QuotaIndicator is not null);
                }

                if (PassMark.Of(requirement, measured, wholeCounts) is { Side: not PassSide.Exactly } passMark)
                {
                    mark = "cần " + ResultText.Mark(passMark, indicator, _catalog);
                    markValue = passMark.Value;
                    if (result.IsFinal)
                    {
                        margin = ResultText.Margin(passMark, measured, result.Status, indicator, _catalog);
                        marginValue = margin.Length == 0 ? null : result.Status == AssessmentStatus.NotMet ? passMark.GapFrom(measured) : passMark.Beyond(measured);
                    }
                }

                if (!projected && result.Progress is { Expected: { } expected } progress && progress.StartValue != progress.TargetValue
                    && requirement.PathBound is { } bound
                    && PassMark.ForSubjectBound(requirement, new Bound(bound.IsUpperBound ? Comparison.AtMost : Comparison.AtLeast, expected), measured, wholeCounts) is { } pathMark)
                {
                    path = $"lộ trình {YearText(progress.Year)}: {ResultText.Mark(pathMark, indicator, _catalog)}";
                }
            }
            else
            {
                // A note is a sentence of its own; the line runs on from the period and ends it.
                missing = result.Note is { } note ? VietnameseFormat.LowerFirst(note.TrimEnd('.')) : ResultText.Missing(result.MissingFigures, _catalog, result.Period);
            }

            var periodText = requirement is DeliverableRequirement ? $"đến {YearText(result.Period.EndYear)}" : VietnameseFormat.Period(result.Period);
            var statusText = ResultText.Status(result.Status);
            var unitsShort = units.Count == 0 ? [] : units.Where(u => u.Status == AssessmentStatus.NotMet).Select(ShortOf).ToArray();
            var unitsMissing = units.Count == 0 ? [] : units.Where(u => u.Status == AssessmentStatus.NoData).Select(u => u.Unit).ToArray();
            var addedUp = m is null || indicator is null || result.Components.Count > 0 || result.Units.Count > 0 ? string.Empty : AddedUp(target, indicator, result);
            var boundary = m is null ? string.Empty : BoundaryOf(result);
            var drillDownText = belowBar.Count > 0 ? $"đơn vị chưa đạt: {string.Join(", ", belowBar)}" : string.Empty;
            var body = LineBody(valueText, units.Count > 0, unitsShort, unitsMissing, components, missing, addedUp, projection, change, quota, boundary);
            var verdictNote = VerdictNote(result.Status, margin, mark, path, projection, requirement.ComparedWith is not null);
            return new YearResult
            {
                Period = result.Period.ToString(),
                PeriodText = periodText,
                Year = result.Period.EndYear,
                Status = result.Status,
                StatusCode = ResultText.StatusCode(result.Status),
                StatusText = statusText,
                IsFinal = result.IsFinal,
                DoneInYear = result.DoneIn?.EndYear,
                ValueText = valueText,
                Value = result.Components.Count == 0 && result.Units.Count == 0 ? m?.Value : null,
                Numerator = m is { Denominator: > 0 } s && indicator is { IsShare: true } ? s.Numerator : null,
                Denominator = m is { Denominator: > 0 } d && indicator is { IsShare: true } ? d.Denominator : null,
                RunningTotal = projected ? result.Progress!.RunningTotal : null,
                ProjectionText = projection,
                ChangeText = change,
                Baseline = m is { HasBaseline: true } b ? b.Baseline : null,
                BaselinePeriodText = result.BaselinePeriod is { } bp ? VietnameseFormat.Period(bp) : string.Empty,
                Change = m is { HasBaseline: true } c ? c.Value - c.Baseline : null,
                RelativeChange = m is { HasBaseline: true, Baseline: not 0 } rc ? (rc.Value - rc.Baseline) * 100m / rc.Baseline : null,
                QuotaText = quota,
                RequirementText = mark,
                RequirementValue = markValue,
                PathText = path,
                MarginText = margin,
                Margin = marginValue,
                MissingText = missing,
                AddedUpText = addedUp,
                BoundaryText = boundary,
                ByUnit = byUnit,
                UnitsBelowBar = belowBar,
                DrillDownText = drillDownText,
                Units = units,
                UnitsMet = units.Count(u => u.Status is AssessmentStatus.Met or AssessmentStatus.Exceeded),
                UnitsShort = unitsShort,
                UnitsMissing = unitsMissing,
                Components = components,
                // Which figures a line used is for the JSON and Word outputs; the text never reads it, so it is worked out when read.
                Figures = result.Figures.Count == 0 ? [] : new DeferredList<FigureLine>(result, _figureLines),
                Body = body,
                VerdictNote = verdictNote,
                RequirementWords = texts.Requirement,
            };
        }

        /// <summary>
        /// A deliverable's figure, with no projection and no percentage: <c>đã hoàn thành năm 2022</c> (with the count when it
        /// is not the one thing asked for), <c>chưa có mô hình nào</c>, <c>mới có 1 trong 3 mô hình</c>.
        /// </summary>
        private static string DeliveredText(TargetResult result, in Measurement delivered, Indicator indicator)
        {
            var unit = indicator.Unit.Symbol;
            if (result.DoneIn is { } doneIn)
            {
                var count = delivered.Quota == 1 && delivered.Value == 1 ? string.Empty : $" ({VietnameseFormat.Quantity(delivered.Value, unit)})";
                return $"đã hoàn thành {VietnameseFormat.Period(doneIn)}{count}";
            }

            return delivered.Value == 0
                ? $"chưa có {unit} nào"
                : $"mới có {VietnameseFormat.Number(delivered.Value)} trong {VietnameseFormat.Quantity(delivered.Quota, unit)}";
        }

        /// <summary>A unit falling short, with its figure (or its change from the baseline): <c>quận Ngô Quyền (+9 người)</c>.</summary>
        private static string ShortOf(UnitResultLine unit) => unit.Amount.Length > 0 ? $"{unit.Unit} ({unit.Amount})" : unit.Unit;

        /// <summary>
        /// How the figure judged was put together, when it was not given for the period as a whole: a flow added up from its
        /// halves or quarters, a state at a date read at the end of the period, the whole added up from its units.
        /// </summary>
        private string AddedUp(Target target, Indicator indicator, TargetResult result)
        {
            // A few figures per result, read once with no LINQ: this runs for every result line of every report.
            var eachUnit = target.Scope is TargetScope.EachUnit;
            bool? isStock = null;
            List<string>? unitNames = null;
            List<ReportingPeriod>? parts = null;
            var figures = result.Figures;
            for (var i = 0; i < figures.Count; i++)
            {
                // A figure of the period itself, for the whole or for a unit the target is set on, says nothing of how it was put together.
                var f = figures[i];
                if (f.Period == result.Period && (eachUnit || f.AdminUnit is null))
                {
                    continue;
                }

                var read = f.Indicator == indicator.Id || (indicator.IsShare && (f.Indicator == indicator.Numerator!.Value || f.Indicator == indicator.Denominator!.Value));
                if (!read || !result.Period.Contains(f.Period))
                {
                    continue;
                }

                if (!eachUnit && f.AdminUnit is { } unit && !(unitNames ??= []).Contains(unit, StringComparer.Ordinal))
                {
                    unitNames.Add(unit);
                }

                // A state at a date is read where the period ends, whatever its kind; a flow is added up from halves and quarters.
                if (f.Period != result.Period && ((isStock ??= IsStock()) || f.Period.Kind is PeriodKind.Half or PeriodKind.Quarter) && !(parts ??= []).Contains(f.Period))
                {
                    parts.Add(f.Period);
                }
            }

            if (unitNames is null && parts is null)
            {
                return string.Empty;
            }

            var units = unitNames?.Count ?? 0;
            parts ??= [];
            if (isStock ??= IsStock())
            {
                // A state at a date is never added up over time: it is read where the period ends.
                var when = parts.Count == 1 ? $"số liệu {VietnameseFormat.Period(parts[0])}" : string.Empty;
                return (when, units) switch
                {
                    ("", 0) => string.Empty,
                    ("", _) => $"cộng {units} đơn vị",
                    (_, 0) => when,
                    _ => $"{when}, cộng {units} đơn vị",
                };
            }

            var halves = parts.Count(p => p.Kind == PeriodKind.Half);
            var quarters = parts.Count - halves;
            var time = (halves, quarters) switch
            {
                (0, 0) => string.Empty,
                (_, 0) => $"{halves} kỳ 6 tháng",
                (0, _) => $"{quarters} quý",
                _ => $"{halves} kỳ 6 tháng và {quarters} quý",
            };
            return (time, units) switch
            {
                ("", 0) => string.Empty,
                ("", _) => $"cộng {units} đơn vị",
                (_, 0) => $"cộng {time}",
                _ => $"cộng {time} của {units} đơn vị",
            };

            bool IsStock() => _catalog.StockOrFlowOf(indicator.Id) == StockOrFlow.Stock;
        }

        /// <summary>
        /// For a result judged on the merged locality's figures: the boundary, and the baseline it is compared with, like
        /// with like (the merged locality's own, or its parts added up). Empty for a result on the unit the documents set.
        /// </summary>
        private string BoundaryOf(TargetResult result)
        {
            if (result.Boundary != ResultBoundary.Merged || _succession is not { } succession)
            {
                return string.Empty;
            }

            var text = $"số liệu theo địa giới {succession.MergedName}";
            return result.BaselinePeriod is { } baseline ? text + LikeWithLike(succession, result, baseline) : text;
        }

        /// <summary>
        /// How the baseline compares with the merged locality's figures. Apart from <see cref="BoundaryOf"/>, which runs for
        /// every result line: the lambdas here capture locals, and a method allocates their closure on entry.
        /// </summary>
        private static string LikeWithLike(Succession succession, TargetResult result, ReportingPeriod baseline)
        {
            var parts = result.Figures.Where(f => f.Period == baseline).Select(f => f.Boundary).Distinct().ToList();
            return parts.Contains(Succession.MergedBoundary)
                ? $", so sánh cùng địa giới với {VietnameseFormat.Period(baseline)}"
                : $", so sánh cùng địa giới: {VietnameseFormat.Period(baseline)} cộng số liệu của {Join(parts.Select(succession.NameOf).Distinct(StringComparer.Ordinal).ToList())}";
        }

        private static string Join(List<string> items) =>
            items.Count <= 1 ? string.Concat(items) : $"{string.Join(", ", items.Take(items.Count - 1))} và {items[^1]}";

        private UnitResultLine UnitLine(Indicator indicator, UnitResult unit)
        {
            if (unit.Measurement is not { } m)
            {
                return new UnitResultLine(unit.Unit, unit.Status, ResultText.StatusCode(unit.Status), ResultText.Status(unit.Status), string.Empty, null, null, string.Empty);
            }

            var amount = string.Empty;
            if (unit.Status == AssessmentStatus.NotMet)
            {
                amount = m.HasBaseline
                    ? (m.Value - m.Baseline >= 0 ? "+" : "-") + VietnameseFormat.Quantity(Math.Abs(m.Value - m.Baseline), indicator.Unit.Symbol)
                    : ResultText.Value(m, indicator, _catalog);
            }

            return new UnitResultLine(
                unit.Unit,
                unit.Status,
                ResultText.StatusCode(unit.Status),
                ResultText.Status(unit.Status),
                ResultText.Value(m, indicator, _catalog),
                m.Value,
                m.HasBaseline ? m.Value - m.Baseline : null,
                amount);
        }

        private FigureLine Figure(Figure figure)
        {
            var indicator = _catalog.TryGet(figure.Indicator, out var found) ? found : null;
            return new FigureLine(
                figure.Indicator.Value,
                indicator?.Name ?? figure.Indicator.Value,
                VietnameseFormat.Period(figure.Period),
                figure.AdminUnit ?? string.Empty,
                figure.Value,
                VietnameseFormat.Quantity(figure.Value, indicator?.Unit.Symbol ?? string.Empty),
                figure.Note ?? string.Empty,
                BoundaryName(figure.Boundary));
        }

        /// <summary>A figure's boundary by name, when it is not the unit the documents were written for; else empty.</summary>
        private string BoundaryName(string? boundary) =>
            boundary is null or Succession.FormerBoundary || _succession is null ? string.Empty : _succession.NameOf(boundary);

        /// <summary>The relative change a requirement asks for, nearest the measured one, to tell the shown percentage from it.</summary>
        private static decimal? RelativeThreshold(Requirement requirement, in Measurement m) => requirement switch
        {
            ChangeRequirement { Measure: ChangeMeasure.Relative } change => change.Bound.Threshold,
            ChangeRangeRequirement { Measure: ChangeMeasure.Relative } range => Math.Abs(m.Subject - range.From) <= Math.Abs(m.Subject - range.To) ? range.From : range.To,
            _ => null,
        };

        /// <summary>What a result line says before its verdict: the figure, the change, the quota; or the units, components, or what is missing.</summary>
        private static string LineBody(
            string valueText, bool perUnit, string[] unitsShort, string[] unitsMissing, IReadOnlyList<ComponentLine> components, string missing,
            string addedUp, string projection, string change, string quota, string boundary)
        {
            if (perUnit)
            {
                var text = new StringBuilder(valueText);
                if (unitsShort.Length > 0)
                {
                    text.Append("; chưa đạt: ").AppendJoin(", ", unitsShort);
                }

                if (unitsMissing.Length > 0)
                {
                    text.Append("; chưa có số liệu: ").AppendJoin(", ", unitsMissing);
                }

                return text.ToString();
            }

            if (components.Count > 0)
            {
                return string.Join("; ", components.Select(c => $"{c.Label}: {c.StatusText}"));
            }

            if (valueText.Length == 0)
            {
                return missing;
            }

            if (addedUp.Length == 0 && projection.Length == 0 && change.Length == 0 && quota.Length == 0 && boundary.Length == 0)
            {
                return valueText;
            }

            var body = new DefaultInterpolatedStringHandler(0, 0, CultureInfo.InvariantCulture, stackalloc char[256]);
            body.AppendFormatted(valueText);
            Part(ref body, " (", addedUp, ")");
            Part(ref body, "; ", projection);
            Part(ref body, ", ", change);
            Part(ref body, ", ", quota);
            Part(ref body, "; ", boundary);
            return body.ToStringAndClear();

            static void Part(ref DefaultInterpolatedStringHandler body, string before, string text, string after = "")
            {
                if (text.Length > 0)
                {
                    body.AppendLiteral(before);
                    body.AppendFormatted(text);
                    body.AppendLiteral(after);
                }
            }
        }

        /// <summary>
        /// What explains a verdict: the margin when not met (with the mark to reach when it moves with a baseline, which the
        /// requirement's words alone do not give), the path before a deadline.
        /// </summary>
        private static string VerdictNote(AssessmentStatus status, string margin, string mark, string path, string projection, bool markMoves) => status switch
            {
                AssessmentStatus.NotMet when margin.Length > 0 => markMoves ? $"{mark}, {margin}" : margin,
                AssessmentStatus.OnTrack or AssessmentStatus.AtRisk when path.Length > 0 => path,
                AssessmentStatus.OnTrack or AssessmentStatus.AtRisk when mark.Length > 0 && projection.Length > 0 => $"cả giai đoạn {mark}",
                AssessmentStatus.OnTrack or AssessmentStatus.AtRisk => mark,
                _ => string.Empty,
            };

        // ---- Summary ----

        private ReportSummary Summary()
        {
            var current = _planTexts.Current;
            var items = Items(_planTexts.CurrentItems);
            var itemCounts = Count(items.Select(i => i.Status));
            var subTargets = items.SelectMany(i => i.SubTargets).ToList();
            var subCounts = Count(subTargets.Select(t => CountedResult(t)?.Status ?? AssessmentStatus.NoData));
            var breaches = EarlierBreaches(current);
            var shared = _planTexts.CountedOnce;
            var retrospective = _sets.Where(IsApart).Select(set =>
            {
                var accountItems = Items(_planTexts.ItemsOf([set]));
                var counts = Count(accountItems.Select(i => i.Status));
                var parts = accountItems.SelectMany(i => i.SubTargets).ToList();
                var partCounts = Count(parts.Select(t => CountedResult(t)?.Status ?? AssessmentStatus.NoData));
                var period = VietnameseFormat.Period(_plan ?? set.Document.Period);
                var detail = partCounts.Total != counts.Total ? $"; tính theo chỉ tiêu thành phần: {Counts(partCounts)}" : string.Empty;
                return new RetrospectiveTally(set.Document.Title, period, counts,
                    $"Kết quả {period} do {set.Document.ShortName} nêu lại được trình bày riêng, không tính vào tổng hợp trên: {Tally(counts, partCounts.Total != counts.Total ? partCounts.Total : null)}{detail}.");
            }).ToList();
            var goals = _planTexts.CurrentGoals;

            var progress = subTargets.Any(t => CountedResult(t)?.Status is AssessmentStatus.OnTrack or AssessmentStatus.AtRisk or AssessmentStatus.Pending);
            var sentences = new List<string>
            {
                $"Tổng hợp theo kết quả {YearText(_year)}" + (progress ? $"; chỉ tiêu có hạn sau {YearText(_year)} được tính theo tiến độ." : "."),
                $"Trong tổng số {Tally(itemCounts, subCounts.Total != itemCounts.Total ? subCounts.Total : null)}.",
            };
            foreach (var (status, words) in new[] { (AssessmentStatus.NotMet, "Không đạt"), (AssessmentStatus.AtRisk, "Có nguy cơ không đạt"), (AssessmentStatus.NoData, "Chưa có số liệu") })
            {
                // An item of several targets is named by those of its targets that stand so: the reader sees what failed.
                var labels = items.Where(i => i.Status == status).SelectMany(i =>
                {
                    var named = i.SubTargets.Where(t => CountedResult(t)?.Status == status).Select(t => _labels.Of(t.Id)).ToList();
                    return i.SubTargets.Count > 1 && named.Count > 0 ? named : [i.Label];
                }).ToList();
                if (labels.Count > 0)
                {
                    sentences.Add($"{words}: {string.Join("; ", labels)}.");
                }
            }

            if (subCounts.Total != itemCounts.Total)
            {
                sentences.Add($"Tính theo {subCounts.Total} chỉ tiêu thành phần: {Counts(subCounts)}.");
            }

            if (breaches.Count > 0)
            {
                sentences.Add($"Các năm trước trong giai đoạn, chỉ tiêu hàng năm không đạt: {string.Join("; ", breaches.Select(b => $"{b.YearText}: {string.Join(", ", b.Labels)}"))}.");
            }

            sentences.AddRange(_planTexts.CountedOnceSentences);
            sentences.AddRange(retrospective.Select(r => r.Sentence));
            if (goals > 0)
            {
                sentences.Add($"Ngoài ra có {goals} mục tiêu định tính (không có con số), liệt kê ở phụ lục, không đánh giá bằng số liệu.");
            }

            return new ReportSummary
            {
                Year = _year,
                YearText = YearText(_year),
                Items = itemCounts,
                SubTargets = subCounts,
                CountedItems = [.. items.Select(i => new CountedItem
                {
                    Label = i.Label,
                    DocumentShort = i.Document,
                    Status = i.Status,
                    StatusCode = ResultText.StatusCode(i.Status),
                    StatusText = ResultText.Status(i.Status),
                    SubTargetLabels = i.Shape.SubTargetLabels,
                    AlsoSetBy = i.Shape.AlsoSetBy,
                })],
                EarlierBreaches = breaches,
                CountedOnce = shared,
                Retrospective = retrospective,
                UnmeasuredGoals = goals,
                Sentences = sentences,
            };
        }

        /// <summary>The counted items of rule sets (<see cref="PlanTexts.ItemsOf"/>), each with how it stands in this report.</summary>
        private List<Item> Items(IReadOnlyList<ItemShape> shapes)
        {
            var items = new List<Item>(shapes.Count);
            foreach (var shape in shapes.ByIndex())
            {
                items.Add(new Item(shape, shape.Composite is { } composite ? CountedResult(composite)?.Status ?? AssessmentStatus.NoData : Worst(shape.SubTargets)));
            }

            return items;
        }

        /// <summary>How an item of several targets stands: the worst of them, as a composite does; exceeded only when all are.</summary>
        private AssessmentStatus Worst(IReadOnlyList<Target> targets)
        {
            var tally = new StatusTally();
            foreach (var target in targets.ByIndex())
            {
                tally.Add(CountedResult(target)?.Status ?? AssessmentStatus.NoData);
            }

            var counts = tally.Counts;
            return counts.NotMet > 0 ? AssessmentStatus.NotMet
                : counts.NoData > 0 ? AssessmentStatus.NoData
                : counts.AtRisk > 0 ? AssessmentStatus.AtRisk
                : counts.Pending > 0 ? AssessmentStatus.Pending
                : counts.OnTrack > 0 ? AssessmentStatus.OnTrack
                : counts.Total > 0 && counts.Exceeded == counts.Total ? AssessmentStatus.Exceeded
                : AssessmentStatus.Met;
        }

        private List<YearBreaches> EarlierBreaches(IReadOnlyList<RuleSet> sets) =>
            [.. sets.SelectMany(s => s.Targets)
                .Where(t => t.AlternativeOf is null && t.SameAs is null && t.Schedule is Schedule.EachYear)
                .SelectMany(t => ResultsOf(t).Where(r => r.Status == AssessmentStatus.NotMet && r.Period.EndYear < _year).Select(r => (r.Period.EndYear, Label: _labels.Of(t.Id))))
                .GroupBy(b => b.EndYear)
                .OrderBy(g => g.Key)
                .Select(g => new YearBreaches(g.Key, YearText(g.Key), [.. g.Select(b => b.Label)]))];

        private static StatusCounts Count(IEnumerable<AssessmentStatus> statuses)
        {
            var tally = new StatusTally();
            foreach (var status in statuses)
            {
                tally.Add(status);
            }

            return tally.Counts;
        }

        /// <summary><c>13 chỉ tiêu (gồm 31 chỉ tiêu thành phần), có 3 chỉ tiêu đạt và vượt …</c>.</summary>
        private static string Tally(StatusCounts counts, int? subTargets)
        {
            var of = subTargets is { } n ? $" (gồm {n} chỉ tiêu thành phần)" : string.Empty;
            return $"{counts.Total} chỉ tiêu{of}, có {Counts(counts, "chỉ tiêu ")}";
        }

        private static string Counts(StatusCounts counts, string noun = "")
        {
            var parts = new List<string> { $"{counts.MetOrExceeded} {noun}đạt và vượt" + (counts.Exceeded > 0 ? $" (trong đó {counts.Exceeded} {noun}vượt)" : string.Empty) };
            parts.Add($"{counts.NotMet} {noun}không đạt");
            if (counts.OnTrack > 0)
            {
                parts.Add($"{counts.OnTrack} {noun}đúng tiến độ");
            }

            if (counts.AtRisk > 0)
            {
                parts.Add($"{counts.AtRisk} {noun}có nguy cơ không đạt");
            }

            if (counts.Pending > 0)
            {
                parts.Add($"{counts.Pending} {noun}chưa hoàn thành (chưa đến hạn)");
            }

            // Đạt and không đạt are always stated, even at 0; the other states only when some target is in them.
            if (counts.NoData > 0)
            {
                parts.Add($"{counts.NoData} {noun}chưa có số liệu");
            }

            return string.Join(", ", parts);
        }

        // ---- Table and charts ----

        private static ResultRow Row(TargetSection target)
        {
            var year = target.Years.Count > 0 ? target.Years[^1] : null;
            var label = target.IsAlternative ? $"{target.Label} (cách hiểu thay thế)" : target.Label;
            var requirement = $"{target.Requirement}, {target.Schedule}";
            if (year is null)
            {
                return new ResultRow(target.Id, label, requirement, "chưa đến kỳ đánh giá", "chưa có số liệu", AssessmentStatus.NoData, "noData", string.Empty, target.IsAlternative);
            }

            return new ResultRow(
                target.Id,
                label,
                requirement,
                $"{VietnameseFormat.UpperFirst(year.PeriodText)}: {year.Body}",
                year.VerdictNote.Length > 0 ? $"{year.StatusText} ({year.VerdictNote})" : year.StatusText,
                year.Status,
                year.StatusCode,
                year.PeriodText,
                target.IsAlternative);
        }

        private static ChartSeries Chart(TargetSection target) => new(
            target.Id,
            target.Label,
            target.Subject,
            target.Unit,
            "mức cần đạt",
            [.. target.Years.Select(y => new ChartPoint(y.Year, y.Value, y.ValueText, y.RequirementValue, y.Status, y.StatusText))]);

        // ---- Tasks, units, findings ----

        /// <summary>Whether two tasks come from one clause's wording with the same units (the periodic, interim and final reports of one sentence).</summary>
        private static bool SameWordingAndUnits(PlanTask previous, PlanTask task) =>
            previous.Clause == task.Clause && previous.Wording == task.Wording
            && previous.Responsibility.Lead.SequenceEqual(task.Responsibility.Lead) && previous.Responsibility.Supporting.SequenceEqual(task.Responsibility.Supporting);

        private static TaskEntry TaskEntryOf(TaskResult result, bool repeatsPrevious)
        {
            var task = result.Task;
            List<MilestoneEntry> milestones = [.. result.Milestones.Select(milestone =>
            {
                var period = VietnameseFormat.Period(milestone.Deadline);
                var done = milestone.CompletedOn is { } on ? VietnameseFormat.ShortDate(on) : string.Empty;
                var code = ResultText.TaskCode(milestone.Status);

                // A late milestone says when it was done, unless the task line gives that day already.
                var day = milestone.Status == Core.Tasks.TaskStatus.DoneLate && milestone.CompletedOn != result.CompletedOn ? $" (ngày {done})" : string.Empty;
                return new MilestoneEntry(
                    milestone.Deadline.ToString(), period, milestone.DueOn, VietnameseFormat.ShortDate(milestone.DueOn), code, ResultText.Task(milestone.Status),
                    milestone.CompletedOn, done, period + day);
            })];

            // The milestones are worth a line only when they do not all stand as the task does: grouped by standing.
            var milestonesText = milestones.Select(m => m.StatusCode).Distinct().Count() > 1
                ? "từng mốc: " + string.Join("; ", milestones.GroupBy(m => m.StatusCode).Select(g => $"{ShortTaskStatus(g.Key)}: {string.Join(", ", g.Select(m => m.Text))}"))
                : string.Empty;
            return new TaskEntry
            {
                Id = task.Id.Value,
                Label = task.Label,
                Wording = task.Wording,
                Lead = task.Responsibility.Lead,
                Supporting = task.Responsibility.Supporting,
                DeadlineText = task.DeadlineText,
                DueOn = task.DueOn,
                DueText = VietnameseFormat.ShortDate(task.DueOn),
                StatusCode = ResultText.TaskCode(result.Status),
                StatusText = ResultText.Task(result.Status),
                CompletedOn = result.CompletedOn,
                CompletedText = result.CompletedOn is { } completed ? VietnameseFormat.ShortDate(completed) : string.Empty,
                Note = result.Note ?? string.Empty,
                Milestones = milestones,
                MilestonesText = milestonesText,
                RepeatsPrevious = repeatsPrevious,
            };
        }

        private List<UnitView> Units(List<TaskEntry> tasks)
        {
            var shapes = _planTexts.UnitsOf(_assessment.Tasks);
            var taskLines = new UnitItemLine?[tasks.Count];
            var views = new List<UnitView>(shapes.Count);
            foreach (var shape in shapes)
            {
                var led = shape.LedTargets;
                var leadCounts = new StatusTally();
                List<UnitShortfall>? shortfalls = null;
                foreach (var target in led)
                {
                    var counted = CountedResult(target);
                    leadCounts.Add(counted?.Status ?? AssessmentStatus.NoData);
                    if (target.Indicator is not { } id || counted is null)
                    {
                        continue;
                    }

                    foreach (var unit in counted.Units)
                    {
                        if (unit.Status is AssessmentStatus.NotMet or AssessmentStatus.NoData)
                        {
                            (shortfalls ??= []).Add(new UnitShortfall(_labels.Of(target.Id), unit.Unit, UnitLine(_catalog.Get(id), unit).Amount, ResultText.Status(unit.Status)));
                        }
                    }
                }

                int onTime = 0, late = 0, overdue = 0, notYetDue = 0;
                foreach (var i in shape.LedTasks)
                {
                    switch (tasks[i].StatusCode)
                    {
                        case "doneOnTime": onTime++; break;
                        case "doneLate": late++; break;
                        case "overdue": overdue++; break;
                        case "notYetDue": notYetDue++; break;
                    }
                }

                var view = new UnitView
                {
                    Unit = shape.Unit,
                    LeadTargets = TargetLines(led),
                    SupportTargets = TargetLines(shape.SupportedTargets),
                    LeadTasks = TaskLines(shape.LedTasks),
                    SupportTasks = TaskLines(shape.SupportedTasks),
                    LeadCounts = leadCounts.Counts,
                    TasksOnTime = onTime,
                    TasksLate = late,
                    TasksOverdue = overdue,
                    TasksNotYetDue = notYetDue,
                    Shortfalls = shortfalls is null ? [] : shortfalls,
                    Sentence = string.Empty,
                };
                views.Add(view with { Sentence = UnitSentence(view) });
            }

            return views;

            IReadOnlyList<UnitItemLine> TargetLines(IReadOnlyList<Target> targets)
            {
                if (targets.Count == 0)
                {
                    return [];
                }

                var lines = new UnitItemLine[targets.Count];
                for (var i = 0; i < lines.Length; i++)
                {
                    lines[i] = TargetLine(targets[i]);
                }

                return lines;
            }

            // A task's line under a unit, made once however many units lead or support it.
            IReadOnlyList<UnitItemLine> TaskLines(int[] positions)
            {
                if (positions.Length == 0)
                {
                    return [];
                }

                var lines = new UnitItemLine[positions.Length];
                for (var i = 0; i < lines.Length; i++)
                {
                    var task = tasks[positions[i]];
                    lines[i] = taskLines[positions[i]] ??= new UnitItemLine(task.Label, task.StatusCode, task.StatusText);
                }

                return lines;
            }
        }

        /// <summary>A target's line under a unit; a target led and supported by several units is listed under each, made once.</summary>
        private UnitItemLine TargetLine(Target target)
        {
            if (!_targetLines.TryGetValue(target.Id, out var line))
            {
                var status = CountedResult(target)?.Status ?? AssessmentStatus.NoData;
                _targetLines[target.Id] = line = new UnitItemLine(_labels.Of(target.Id), ResultText.StatusCode(status), ResultText.Status(status));
            }

            return line;
        }

        /// <summary>The order a unit's long list is counted in, by standing.</summary>
        private static readonly string[] StandingOrder = ["met", "exceeded", "onTrack", "pending", "atRisk", "notMet", "noData", "doneOnTime", "doneLate", "overdue", "notYetDue"];

        /// <summary>The standings a unit's long list counts without naming the items.</summary>
        private static readonly string[] StandingsNotNamed = ["met", "exceeded", "doneOnTime", "notYetDue", "onTrack", "pending"];

        /// <summary>
        /// A unit's standing in one sentence: a short list is given in full; a long one by its counts, naming what is not
        /// met, at risk, lacking figures, late or overdue.
        /// </summary>
        private static string UnitSentence(UnitView unit)
        {
            var parts = new List<string>();
            if (unit.LeadTargets.Count > 0)
            {
                parts.Add($"chủ trì {unit.LeadTargets.Count} chỉ tiêu{Items(unit.LeadTargets)}");
            }

            if (unit.Shortfalls.Count > 0)
            {
                var shortUnits = unit.Shortfalls.Where(s => s.ValueText.Length > 0).Select(s => $"{s.Unit} ({s.ValueText})").ToList();
                var missing = unit.Shortfalls.Where(s => s.ValueText.Length == 0).Select(s => s.Unit).ToList();
                var named = new List<string>();
                if (shortUnits.Count > 0)
                {
                    named.Add($"đơn vị chưa đạt: {string.Join(", ", shortUnits)}");
                }

                if (missing.Count > 0)
                {
                    named.Add($"đơn vị chưa có số liệu: {string.Join(", ", missing)}");
                }

                parts.Add(string.Join("; ", named));
            }

            if (unit.LeadTasks.Count > 0)
            {
                parts.Add($"chủ trì {unit.LeadTasks.Count} nhiệm vụ{Items(unit.LeadTasks)}");
            }

            if (unit.SupportTargets.Count > 0)
            {
                parts.Add($"phối hợp {unit.SupportTargets.Count} chỉ tiêu{Items(unit.SupportTargets)}");
            }

            if (unit.SupportTasks.Count > 0)
            {
                parts.Add($"phối hợp {unit.SupportTasks.Count} nhiệm vụ{Items(unit.SupportTasks)}");
            }

            return string.Join(". ", parts.Select((part, i) => i == 0 ? part : VietnameseFormat.UpperFirst(part)));

            // Labels hold commas ("Phụ lục I, mục 1.5"), so items are set apart by semicolons.
            static string Items(IReadOnlyList<UnitItemLine> lines)
            {
                if (lines.Count <= 3)
                {
                    return ": " + string.Join("; ", lines.Select(l => $"{l.Label}: {l.StatusText}"));
                }

                var byStatus = lines.OrderBy(l => Array.IndexOf(StandingOrder, l.StatusCode)).GroupBy(l => Short(l)).ToList();
                var tally = string.Join(", ", byStatus.Select(g => $"{g.Count()} {g.Key}"));
                var notable = byStatus.Where(g => !StandingsNotNamed.Contains(g.First().StatusCode)).Select(g => $"{g.Key}: {string.Join("; ", g.Select(l => l.Label))}");
                var named = string.Join(". ", notable.Select(VietnameseFormat.UpperFirst));
                return named.Length > 0 ? $" ({tally}). {named}" : $" ({tally})";
            }

            // Met and exceeded are counted together, as the summary counts them.
            static string Short(UnitItemLine line) => line.StatusCode switch
            {
                "met" or "exceeded" => "đạt và vượt",
                "pending" => "chưa hoàn thành (chưa đến hạn)",
                _ => ShortTaskStatus(line.StatusCode) ?? line.StatusText,
            };
        }

        /// <summary>A task's standing in the fewest words, for lists: “chưa hoàn thành, đã quá hạn” is “quá hạn”; null for a target's.</summary>
        private static string? ShortTaskStatus(string code) => code switch
        {
            "doneOnTime" => "hoàn thành đúng hạn",
            "doneLate" => "hoàn thành chậm",
            "overdue" => "quá hạn",
            "notYetDue" => "chưa đến hạn",
            _ => null,
        };

        private List<Finding> Findings() =>
            [.. _planTexts.WithConsequences
                .Select(target => (Target: target, Result: CountedResult(target)))
                .Where(t => t.Result?.Status == AssessmentStatus.NotMet)
                .Select(t =>
                {
                    var indicator = t.Target.Indicator is { } id ? _catalog.Get(id) : null;
                    var units = t.Result!.Units.Where(u => u.Status == AssessmentStatus.NotMet).Select(u =>
                    {
                        var line = indicator is null ? null : UnitLine(indicator, u);
                        return new FlaggedUnit(u.Unit, line?.Change, line?.Amount ?? string.Empty);
                    }).ToList();
                    var label = _labels.Of(t.Target.Id);
                    var period = VietnameseFormat.Period(t.Result.Period);
                    var who = units.Count > 0
                        ? $"; đơn vị không đạt: {string.Join(", ", units.Select(u => u.AmountText.Length > 0 ? $"{u.Unit} ({u.AmountText})" : u.Unit))}"
                        : string.Empty;
                    return new Finding
                    {
                        TargetLabel = label,
                        Kind = t.Target.Consequence!.Kind,
                        Text = t.Target.Consequence.Text,
                        PeriodText = period,
                        Units = units,
                        Sentence = $"{label}: không đạt {period}{who}. Theo văn bản: “{t.Target.Consequence.Text}”",
                    };
                })];

        // ---- Annex ----

        /// <summary>A plugin's prose with every id it cites replaced by the label a reader knows.</summary>
        private string Prose(string text) => _texts.Prose(text);

        /// <summary>The annex's methods: those of the plan, with the three that depend on what this report's figures needed.</summary>
        private IReadOnlyList<string> Methods(IReadOnlyList<DocumentSection> documents)
        {
            bool addedUp = false, byUnit = false;
            foreach (var document in documents.ByIndex())
            {
                foreach (var clause in document.Clauses.ByIndex())
                {
                    foreach (var target in clause.Targets.ByIndex())
                    {
                        foreach (var year in target.Years.ByIndex())
                        {
                            addedUp |= year.AddedUpText.Length > 0;
                            byUnit |= year.ByUnit.Count > 0;
                        }
                    }
                }
            }

            var boundary = _boundaryMatters
                ? $"Từ ngày {VietnameseFormat.ShortDate(_succession!.Date)}, {_succession.MergedName} gồm {Join([_succession.FormerName, .. _succession.Joined.Select(j => j.Name)])}. Chỉ tiêu giữ địa giới văn bản đặt ra: đánh giá theo số liệu của {_succession.FormerName}. Khi chỉ có số liệu theo địa giới mới, chỉ tiêu so sánh với kỳ gốc được đánh giá cùng địa giới (số liệu theo địa giới mới so với tổng kỳ gốc của các đơn vị hợp nhất); chỉ tiêu khác ghi chưa có số liệu."
                : null;
            return _planTexts.Methods(addedUp, byUnit, boundary);
        }

        // ---- Figures no target read ----

        /// <summary>
        /// The figures no target read, grouped by indicator, boundary and reason in the order of the data: the periods (and
        /// units) of each group, and why. Notable: those no target can read; else those that were not needed.
        /// </summary>
        private (List<UnusedFigureEntry> Notable, List<UnusedFigureEntry> NotNeeded) UnusedFigures()
        {
            // One pass over the figures for both lists, grouped in the order each group first appears (as GroupBy would),
            // periods and units each kept once. Figures come indicator by indicator, so the group of the figure before
            // is tried first.
            var groups = new List<UnusedGroup>();
            var index = new Dictionary<(UnusedReason, IndicatorId, string), UnusedGroup>();
            UnusedGroup? last = null;
            foreach (var unused in _assessment.UnusedFigures)
            {
                var figure = unused.Figure;
                var boundary = BoundaryName(figure.Boundary);
                var group = last is not null && last.First.Reason == unused.Reason && last.First.Figure.Indicator == figure.Indicator && last.Boundary == boundary
                    ? last
                    : index.TryGetValue((unused.Reason, figure.Indicator, boundary), out var known) ? known : null;
                if (group is null)
                {
                    group = new UnusedGroup(unused, boundary);
                    index[(unused.Reason, figure.Indicator, boundary)] = group;
                    groups.Add(group);
                }

                last = group;
                if (!group.Periods.Contains(figure.Period))
                {
                    group.Periods.Add(figure.Period);
                }

                if (figure.AdminUnit is { } unit && !group.Units.Contains(unit, StringComparer.Ordinal))
                {
                    group.Units.Add(unit);
                }
            }

            List<UnusedFigureEntry> notable = [], notNeeded = [];
            foreach (var group in groups)
            {
                (group.First.IsRefusedWhenStrict ? notable : notNeeded).Add(Entry(group));
            }

            return (notable, notNeeded);
        }

        private UnusedFigureEntry Entry(UnusedGroup group)
        {
            var (first, boundary, periods, units) = group;
            var name = _catalog.TryGet(first.Figure.Indicator, out var indicator) ? indicator.Name : "Chỉ số không có trong danh mục";
            var periodText = PeriodsText(periods);
            // Name (periods; units; boundary): reason, in one piece.
            var sentence = new DefaultInterpolatedStringHandler(0, 0, CultureInfo.InvariantCulture, stackalloc char[256]);
            sentence.AppendFormatted(name);
            sentence.AppendLiteral(" (");
            sentence.AppendFormatted(periodText);
            if (units.Count > 0)
            {
                sentence.AppendLiteral("; ");
                if (units.Count <= 3)
                {
                    for (var u = 0; u < units.Count; u++)
                    {
                        if (u > 0)
                        {
                            sentence.AppendLiteral(", ");
                        }

                        sentence.AppendFormatted(units[u]);
                    }
                }
                else
                {
                    sentence.AppendFormatted(units.Count);
                    sentence.AppendLiteral(" đơn vị");
                }
            }

            if (boundary.Length > 0)
            {
                sentence.AppendLiteral("; theo địa giới ");
                sentence.AppendFormatted(boundary);
            }

            sentence.AppendLiteral("): ");
            sentence.AppendFormatted(first.Explanation);

            var periodCodes = new string[periods.Count];
            for (var p = 0; p < periods.Count; p++)
            {
                periodCodes[p] = periods[p].ToString();
            }

            return new UnusedFigureEntry
            {
                IndicatorId = first.Figure.Indicator.Value,
                Indicator = name,
                Periods = periodCodes,
                PeriodText = periodText,
                Units = units,
                Boundary = boundary,
                ReasonCode = first.ReasonCode,
                Reason = first.Explanation,
                Sentence = sentence.ToStringAndClear(),
            };
        }

        /// <summary>Periods in words, years run together: <c>năm 2021, 2022</c>; <c>quý II năm 2023, năm 2024</c>.</summary>
        private static string PeriodsText(List<ReportingPeriod> periods)
        {
            var years = periods.TrueForAll(p => p.Kind == PeriodKind.Year);
            var text = new DefaultInterpolatedStringHandler(0, 0, CultureInfo.InvariantCulture, stackalloc char[128]);
            if (years)
            {
                text.AppendLiteral("năm ");
            }

            for (var i = 0; i < periods.Count; i++)
            {
                if (i > 0)
                {
                    text.AppendLiteral(", ");
                }

                // A year's code is the year itself.
                text.AppendFormatted(years ? periods[i].ToString() : VietnameseFormat.Period(periods[i]));
            }

            return text.ToStringAndClear();
        }

        private static string YearText(int year) => VietnameseFormat.Period(ReportingPeriod.Year(year));

        /// <summary>Figures no target read, of one reason, indicator and boundary: the first of them, and their periods and units.</summary>
        private sealed class UnusedGroup(UnusedFigure first, string boundary)
        {
            public UnusedFigure First { get; } = first;

            public string Boundary { get; } = boundary;

            public List<ReportingPeriod> Periods { get; } = [];

            public List<string> Units { get; } = [];

            public void Deconstruct(out UnusedFigure first, out string boundary, out List<ReportingPeriod> periods, out List<string> units) =>
                (first, boundary, periods, units) = (First, Boundary, Periods, Units);
        }

        private sealed record Item(ItemShape Shape, AssessmentStatus Status)
        {
            public string Label => Shape.Label;

            public string Document => Shape.Document;

            public IReadOnlyList<Target> SubTargets => Shape.SubTargets;
        }
    }

    /// <summary>Statuses counted as they come, for <see cref="StatusCounts"/>.</summary>
    private struct StatusTally
    {
        private int _total, _met, _exceeded, _notMet, _onTrack, _atRisk, _noData, _pending;

        public readonly StatusCounts Counts => new(_total, _met + _exceeded, _exceeded, _notMet, _onTrack, _atRisk, _noData, _pending);

        public void Add(AssessmentStatus status)
        {
            _total++;
            switch (status)
            {
                case AssessmentStatus.Met: _met++; break;
                case AssessmentStatus.Exceeded: _exceeded++; break;
                case AssessmentStatus.NotMet: _notMet++; break;
                case AssessmentStatus.OnTrack: _onTrack++; break;
                case AssessmentStatus.AtRisk: _atRisk++; break;
                case AssessmentStatus.NoData: _noData++; break;
                case AssessmentStatus.Pending: _pending++; break;
            }
        }
    }
}
