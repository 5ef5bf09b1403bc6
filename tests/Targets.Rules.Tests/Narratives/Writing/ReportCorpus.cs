using System.Collections;
using System.Reflection;
using Targets.Core.Data;
using Targets.Core.Periods;
using Targets.Plugins.CanTho;
using Targets.Plugins.HaiPhong;
using Targets.Plugins.QuangNinh;
using Targets.Plugins.TayNinh;
using Targets.Rules.Engine;
using Targets.Rules.Plugins;
using Targets.Rules.Reporting;

namespace Targets.Rules.Tests.Narratives.Writing;

/// <summary>
/// Reports to hold the written default templates against Scriban's rendering of them: every shipped plugin's samples,
/// evaluated at their own as-of date and at others (before the data, mid-year, after the plan), whole and with figures
/// removed (every other one, every third, all), and Tây Ninh's also over its 2016–2020 plan; and a few reports made from
/// them with what no sample gives (see <see cref="Constructed"/>). Built once per test run.
/// </summary>
internal static class ReportCorpus
{
    private static readonly Dictionary<string, Lazy<Locality>> ByCode = new TargetsPlugin[] { new CanThoPlugin(), new QuangNinhPlugin(), new TayNinhPlugin(), new HaiPhongPlugin() }
        .ToDictionary(p => p.Locality.Code, p => new Lazy<Locality>(() => Build(p)));

    /// <summary>A plugin's templates and its reports.</summary>
    public sealed record Locality(IReadOnlyDictionary<string, TemplateText> Templates, IReadOnlyList<Case> Reports);

    /// <summary>A report, named for a failure message.</summary>
    public sealed record Case(string Name, Report Report);

    public static Locality Of(string code) => ByCode[code].Value;

    private static Locality Build(TargetsPlugin plugin)
    {
        var rules = new NRulesRuleEngine().Compile(plugin.Locality, plugin.LoadRuleSets(), plugin.RuleTypes);
        var plans = plugin.Locality.Code == "tay-ninh" ? new ReportingPeriod?[] { null, ReportingPeriod.Span(2016, 2020) } : [null];
        var reports = new List<Case>();
        foreach (var sample in plugin.Samples.Order(StringComparer.Ordinal))
        {
            var data = plugin.LoadSample(sample);
            DateOnly?[] dates = [data.AsOf, new(2020, 12, 31), new(2022, 6, 30), new(2024, 12, 31), new(2026, 12, 31)];
            (string Name, Func<int, bool> Keep)[] removals = [("all figures", _ => true), ("every other figure", i => i % 2 == 0), ("two figures in three", i => i % 3 != 1), ("no figures", _ => false)];
            foreach (var asOf in dates.Distinct())
            {
                foreach (var (removal, keep) in removals)
                {
                    var dataset = data with { AsOf = asOf, Figures = [.. data.Figures.Where((_, i) => keep(i))], Tasks = [.. data.Tasks.Select(t => DoneBy(t, asOf))] };
                    foreach (var plan in plans)
                    {
                        var assessment = rules.Evaluate(dataset, new EvaluationOptions { PlanOverride = plan });
                        reports.Add(new($"{sample} as of {asOf?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "its latest year"}, {removal}{(plan is null ? "" : $", plan {plan}")}", ReportBuilder.Build(assessment, rules, plan)));
                    }
                }
            }
        }

        reports.AddRange(reports.Take(3).ToList().Select(c => new Case($"{c.Name}, constructed", Constructed(c.Report))));
        return new(plugin.LoadTemplates(), reports);
    }

    /// <summary>
    /// The report with what no shipped sample gives, so that every branch of the templates is taken: no data note and no
    /// goals; the first target of every kind marked the same as another document's (only level targets are, in the samples); some
    /// targets of the kind no plugin uses yet (expression), and a drill-down by unit under some results.
    /// </summary>
    private static Report Constructed(Report report)
    {
        var seen = new Dictionary<string, int>();
        return report with
        {
            Header = report.Header with { DataNote = "" },
            Goals = [],
            Documents = [.. report.Documents.Select(d => d with
            {
                Clauses = [.. d.Clauses.Select(c => c with
                {
                    Targets = [.. c.Targets.Select(t => ((seen[t.Kind] = seen.GetValueOrDefault(t.Kind) + 1) % 4) switch
                    {
                        1 => t with { SameAsText = "II.1 của Chương trình số 20-CTr/TU" },
                        2 => t with { Kind = "expression" },
                        0 => t with { Kind = "expression", SameAsText = "II.1 của Chương trình số 20-CTr/TU" },
                        _ => t with { Years = [.. t.Years.Select((r, i) => i % 2 == 0 ? r with { DrillDownText = "đơn vị chưa đạt: huyện Phong Điền (10/40 xã, bằng 25,0%)" } : r)] },
                    })],
                })],
            })],
        };
    }

    /// <summary>A task report as it stood on <paramref name="asOf"/>: what was done after it was not done yet.</summary>
    private static TaskReport DoneBy(TaskReport task, DateOnly? asOf) => asOf is not { } date
        ? task
        : task with
        {
            CompletedOn = task.CompletedOn <= date ? task.CompletedOn : null,
            Milestones = [.. task.Milestones.Select(m => m with { CompletedOn = m.CompletedOn <= date ? m.CompletedOn : null })],
        };

    /// <summary>
    /// The report with every string of it rewritten (codes that templates compare or build names from, the kind and the
    /// status code, kept): to put markup, line breaks and list markers wherever a value is printed.
    /// </summary>
    public static Report Rewritten(Report report, Func<string, string> rewrite) => (Report)Rewrite(report, rewrite)!;

    private static readonly HashSet<string> Kept = ["Kind", "StatusCode"];

    private static object? Rewrite(object? value, Func<string, string> rewrite)
    {
        switch (value)
        {
            case null:
                return null;
            case string text:
                return rewrite(text);
            case IList list when value.GetType().IsArray || value.GetType().IsGenericType:
                var element = list.GetType().IsArray ? list.GetType().GetElementType()! : list.GetType().GetGenericArguments()[0];
                if (element != typeof(string) && element.Namespace != typeof(Report).Namespace)
                {
                    return value;
                }

                var copy = Array.CreateInstance(element, list.Count);
                for (var i = 0; i < list.Count; i++)
                {
                    copy.SetValue(Rewrite(list[i], rewrite), i);
                }

                return copy;
            default:
                var type = value.GetType();
                if (type.Namespace != typeof(Report).Namespace || type.IsEnum || type.IsValueType)
                {
                    return value;
                }

                // A record's copy (what `with` makes), each property then set again, init-only ones included.
                var clone = type.GetMethod("<Clone>$")!.Invoke(value, null)!;
                foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && !Kept.Contains(p.Name)))
                {
                    property.SetValue(clone, Rewrite(property.GetValue(value), rewrite));
                }

                return clone;
        }
    }
}
