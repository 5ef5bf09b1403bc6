using System.Collections.Concurrent;
using System.Globalization;
using Targets.Plugins.CanTho;
using Targets.Plugins.HaiPhong;
using Targets.Plugins.QuangNinh;
using Targets.Plugins.TayNinh;
using Targets.Rules.Engine;
using Targets.Rules.Plugins;
using Targets.Rules.Reporting;

namespace Targets.Tests.Shared;

/// <summary>The reports of the four shipped localities' samples, and a report carrying hostile strings everywhere data lands.</summary>
internal static class SampleReports
{
    /// <summary>Markup that must stay text.</summary>
    public const string Script = "<script>alert(1)</script>";

    /// <summary>A value that would close an attribute and open another.</summary>
    public const string Attribute = "\" onload=\"x";

    /// <summary>A value that would close the stylesheet.</summary>
    public const string Style = "</style>";

    /// <summary>WordprocessingML that would close the text and open a field if it were written raw.</summary>
    public const string Field = "</w:t></w:r><w:fldSimple w:instr=\" HYPERLINK http://evil \"><w:r><w:t>x</w:t></w:r></w:fldSimple><w:r><w:t>";

    /// <summary>Characters XML 1.0 forbids or a report must not carry raw: control characters, an escape sequence, a lone surrogate, a non-character.</summary>
    public const string Controls = "a\u0001b\u0008c\u001b[31md\ne\r\nf\u2028g\uD800h\uFFFFi";

    public const string All = Script + Attribute + Style + Field + Controls;

    public static readonly string[] Localities = ["can-tho", "quang-ninh", "tay-ninh", "hai-phong"];

    private static readonly ConcurrentDictionary<string, Report> Cache = new(StringComparer.Ordinal);

    public static TheoryData<string> EachLocality() => [.. Localities];

    public static Report For(string locality) => Cache.GetOrAdd(locality, code =>
    {
        ITargetsPlugin plugin = code switch
        {
            "can-tho" => new CanThoPlugin(),
            "quang-ninh" => new QuangNinhPlugin(),
            "tay-ninh" => new TayNinhPlugin(),
            "hai-phong" => new HaiPhongPlugin(),
            _ => throw new ArgumentException(code, nameof(locality)),
        };
        var rules = new NRulesRuleEngine().Compile(plugin.Locality, plugin.LoadRuleSets(), plugin.RuleTypes);
        return ReportBuilder.Build(rules.Evaluate(plugin.LoadSample()), rules);
    });

    /// <summary>
    /// The Cần Thơ report with no rehabilitation model built yet (2.4.d, "Xây dựng một mô hình …"): a deliverable pending
    /// before its 2025 deadline.
    /// </summary>
    public static Report WithPendingDeliverable()
    {
        var plugin = new CanThoPlugin();
        var rules = new NRulesRuleEngine().Compile(plugin.Locality, plugin.LoadRuleSets(), plugin.RuleTypes);
        var sample = plugin.LoadSample();
        var data = sample with { Figures = [.. sample.Figures.Select(f => f.Indicator.Value == "drugs.rehab-models.built" ? f with { Value = 0 } : f)] };
        return ReportBuilder.Build(rules.Evaluate(data), rules);
    }

    /// <summary>The Cần Thơ report with <see cref="All"/> in every kind of string an output writes: names, notes, wording, labels, chart text.</summary>
    public static Report Hostile()
    {
        var report = For("can-tho");
        var document = report.Documents[0];
        var clause = document.Clauses[0];
        var target = clause.Targets[0];
        var year = target.Years[0] with { Body = All, VerdictNote = All, PeriodText = All, DrillDownText = All };
        var chart = report.Charts[0];
        return report with
        {
            Header = report.Header with { UnitName = "Cần Thơ " + All, DataNote = All, Title = All, Notes = [All] },
            Summary = report.Summary with { Sentences = [.. report.Summary.Sentences, All], YearText = All },
            Documents =
            [
                document with
                {
                    Citation = All,
                    Title = All,
                    Clauses = [clause with { Clause = All, Wordings = [All], Targets = [target with { Label = All, Requirement = All, Years = [year, .. target.Years.Skip(1)] }, .. clause.Targets.Skip(1)] }, .. document.Clauses.Skip(1)],
                },
                .. report.Documents.Skip(1),
            ],
            Table = [report.Table[0] with { Label = All, Requirement = All, Result = All, Verdict = All }, .. report.Table.Skip(1)],
            Charts =
            [
                chart with
                {
                    TargetId = target.Id,
                    Label = All,
                    Subject = All,
                    Unit = All,
                    RequirementLabel = All,
                    Points = [.. chart.Points.Select(p => p with { ValueText = All, StatusText = All })],
                },
                .. report.Charts.Skip(1),
            ],
            Tasks =
            [
                new TaskEntry
                {
                    Id = "hostile.task",
                    Label = All,
                    Wording = All,
                    Lead = [All],
                    Supporting = [All],
                    DeadlineText = All,
                    DueOn = new DateOnly(2023, 3, 31),
                    DueText = All,
                    StatusCode = "overdue",
                    StatusText = All,
                    CompletedOn = null,
                    CompletedText = All,
                    Note = All,
                    Milestones = [],
                    MilestonesText = All,
                    RepeatsPrevious = false,
                },
            ],
            Units = [report.Units[0] with { Unit = All, Sentence = All }, .. report.Units.Skip(1)],
            Findings =
            [
                new Finding { TargetLabel = All, Kind = "accountability", Text = All, PeriodText = All, Units = [new FlaggedUnit(All, 9, All)], Sentence = All },
            ],
            Goals = [new GoalEntry("hostile.goal", All, All, All, All)],
            UnusedFigures = [Unused(All)],
            Annex = report.Annex with { Title = All, Readings = [new AnnexReading(1, [All], All)], Methods = [All], FiguresNotNeeded = [Unused(All)] },
        };
    }

    /// <summary>
    /// The Cần Thơ report with what figures kept as offices keep them add: a note before the results, the units below the
    /// bar under a result line, figures no target read, and figures not needed.
    /// </summary>
    public static Report WithFiguresAsKept()
    {
        var report = For("can-tho");
        var document = report.Documents[0];
        var clause = document.Clauses[0];
        var target = clause.Targets[0];
        var year = target.Years[0] with { DrillDownText = "đơn vị chưa đạt: huyện Phong Điền (10/40 xã, bằng 25,0%)" };
        return report with
        {
            Header = report.Header with { Notes = ["Thời điểm đánh giá (31/12/2026) ở sau kỳ kế hoạch."] },
            Documents =
            [
                document with { Clauses = [clause with { Targets = [target with { Years = [year, .. target.Years.Skip(1)] }, .. clause.Targets.Skip(1)] }, .. document.Clauses.Skip(1)] },
                .. report.Documents.Skip(1),
            ],
            UnusedFigures = [Unused("Số vụ phạm tội về ma túy được phát hiện, bắt giữ (năm 2023): không chỉ tiêu nào sử dụng chỉ số này")],
            Annex = report.Annex with { FiguresNotNeeded = [Unused("Số khu dân cư không có tệ nạn ma túy (năm 2021, 2022): chỉ tiêu phấn đấu đến cuối kỳ được đánh giá theo số liệu năm gần nhất")] },
        };
    }

    private static UnusedFigureEntry Unused(string sentence) => new()
    {
        IndicatorId = "hostile.indicator",
        Indicator = sentence,
        Periods = ["2023"],
        PeriodText = sentence,
        Units = [sentence],
        Boundary = sentence,
        ReasonCode = "indicatorNotRead",
        Reason = sentence,
        Sentence = sentence,
    };

    /// <summary>Runs <paramref name="action"/> with the current culture set to <paramref name="culture"/>.</summary>
    public static T UnderCulture<T>(string culture, Func<T> action)
    {
        var (current, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            return action();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (current, ui);
        }
    }
}
