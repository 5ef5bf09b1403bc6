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
    /// baselines). Anything else is noData, saying why.
    /// </summary>
    private static TargetResult AcrossSuccession(
        Target target, ITargetCriterion criterion, EvaluationContext context, ReportingPeriod plan, ReportingPeriod period, ReportingPeriod valuePeriod, Measured asSet, Succession succession)
    {
        var table = context.Figures;
        if (!table.TryRead(table.OrdinalOf(target.Indicator!.Value), valuePeriod, null, Succession.MergedBoundary, Scratch(), out _, out _, out _))
        {
            return ToResult(target, criterion, period, asSet);
        }

        var when = VietnameseFormat.Period(valuePeriod);
        if (target.Requirement.ComparedWith is not { } baseline)
        {
            return Result(target, period, AssessmentStatus.NoData, asSet with
            {
                Note = $"Chỉ tiêu đặt cho {succession.FormerName}; số liệu {when} chỉ có theo địa giới {succession.MergedName} nên không dùng để đánh giá chỉ tiêu này (cần số liệu riêng của {succession.FormerName}).",
            });
        }

        var merged = Measure(target, context, plan, period, valuePeriod, adminUnit: null, boundary: Succession.MergedBoundary);
        if (merged.Measurement is null && merged.Note is null)
        {
            var parts = string.Join(", ", succession.Parts.Select(succession.NameOf));
            return Result(target, period, AssessmentStatus.NoData, merged with
            {
                Note = string.Create(
                    CultureInfo.InvariantCulture,
                    $"Số liệu {when} chỉ có theo địa giới {succession.MergedName} (từ ngày {VietnameseFormat.ShortDate(succession.Date)}); để so sánh cùng địa giới cần số liệu {VietnameseFormat.Period(baseline.Resolve(period, plan))} của {succession.MergedName} hoặc của từng đơn vị hợp nhất ({parts}), nhưng còn thiếu: {string.Join("; ", merged.Missing)}."),
            });
        }

        return ToResult(target, criterion, period, merged) with { Boundary = ResultBoundary.Merged };
    }
}
