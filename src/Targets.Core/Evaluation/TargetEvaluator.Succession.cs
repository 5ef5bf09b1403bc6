using System.Globalization;
using Targets.Core.Data;
using Targets.Core.Formatting;
using Targets.Core.Periods;
using Targets.Core.Successions;
using Targets.Core.Targets;

namespace Targets.Core.Evaluation;

/// <summary>Targets of a locality that has merged since its documents were written.</summary>
public static partial class TargetEvaluator
{
    /// <summary>
    /// A target whose former unit has no figure for a period after the merger, when the merged locality has one. The
    /// target was set for the former unit, so by default it is judged on that unit's figures only. A change can still be
    /// measured like with like: the merged value against the merged baseline (given, or the sum of the merged units'
    /// baselines). Anything else is measured as nothing, saying why (the rules then give no data).
    /// </summary>
    private static (Measured Measured, ResultBoundary Boundary) AcrossSuccession(
        Target target,
        EvaluationContext context,
        Ordinals ordinals,
        ReportingPeriod plan,
        ReportingPeriod period,
        ReportingPeriod valuePeriod,
        Measured asSet,
        Succession succession)
    {
        var table = context.Figures;
        if (!table.TryRead(ordinals.Indicator, valuePeriod, null, Succession.MergedBoundary, Scratch(), out _, out _, out _))
        {
            return (asSet, ResultBoundary.AsSet);
        }

        var when = VietnameseFormat.Period(valuePeriod);
        if (target.Requirement.ComparedWith is null)
        {
            return (asSet with
            {
                Note = $"Chỉ tiêu đặt cho {succession.FormerName}; số liệu {when} chỉ có theo địa giới {succession.MergedName}, chưa có số liệu riêng của {succession.FormerName} để đánh giá.",
            }, ResultBoundary.AsSet);
        }

        var merged = Measure(target, context, ordinals, plan, period, valuePeriod, adminUnit: null, boundary: Succession.MergedBoundary);
        if (merged.Measurement is null && merged.Note is null)
        {
            return (merged with
            {
                Note = $"Số liệu {when} chỉ có theo địa giới {succession.MergedName}; để so sánh cùng địa giới còn thiếu số liệu {string.Join("; ", merged.Missing.Select(missing => Lacking(table, missing, succession)))}.",
            }, ResultBoundary.AsSet);
        }

        return (merged, ResultBoundary.Merged);
    }

    /// <summary>
    /// A figure the merged locality lacks, with the units merged into it that lack it too (given for none of them, it
    /// cannot be added up): <c>năm 2020 về số vụ … của tỉnh Long An</c>.
    /// </summary>
    private static string Lacking(FigureTable table, MissingFigure missing, Succession succession)
    {
        var ordinal = table.OrdinalOf(missing.Indicator);
        var parts = succession.Parts.Where(part => !table.TryRead(ordinal, missing.Period, missing.AdminUnit, part, Scratch(), out _, out _, out _)).Select(succession.NameOf);
        var name = table.Catalog.TryGet(missing.Indicator, out var indicator) ? VietnameseFormat.LowerFirst(indicator.Name) : missing.Indicator.Value;
        return string.Create(CultureInfo.InvariantCulture, $"{VietnameseFormat.Period(missing.Period)} về {name} của {string.Join(", ", parts)}");
    }
}
