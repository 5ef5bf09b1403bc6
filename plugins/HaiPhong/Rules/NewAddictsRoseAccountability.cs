using NRules.Fluent.Dsl;
using Targets.Core.Evaluation;

namespace Targets.Plugins.HaiPhong.Rules;

/// <summary>
/// Item 8 of the directive: "Người đứng đầu cấp ủy đảng, chính quyền các địa phương, đơn vị chịu trách nhiệm ... nếu để ...
/// tăng số người nghiện mới trên địa bàn thuộc phạm vi trách nhiệm quản lý." When target 8.d is not met, every quận or
/// huyện whose new addicts rose over the year before is flagged, with its figures and the increase, in one accountability
/// finding. A JSON rule set can say that the target is not met; naming who answers for it, and by how much, is a rule
/// over the units' verdicts.
/// </summary>
[Name(RuleName)]
[Description("Trách nhiệm người đứng đầu quận, huyện để tăng số người nghiện mới (Chỉ thị, mục 8)")]
public sealed class NewAddictsRoseAccountability : Rule
{
    /// <summary>The rule's name.</summary>
    public const string RuleName = "hai-phong.chi-thi-ma-tuy.8.d.accountability";

    /// <summary>The target it follows: new addicts not to rise in any quận, huyện.</summary>
    public const string TargetId = "hai-phong.chi-thi-ma-tuy.8.d";

    /// <inheritdoc />
    public override void Define()
    {
        Verdict verdict = null!;
        IEnumerable<UnitVerdict> rose = null!;

        When()
            .Match(() => verdict, v => v.TargetId == TargetId, v => v.Status == AssessmentStatus.NotMet)
            .Query(() => rose, q => q
                .Match<UnitVerdict>(u => u.TargetId == TargetId, u => u.Period == verdict.Period, u => u.IsMeasured && u.Measurement.Change > 0)
                .Collect()
                .Where(units => units.Any()));

        Then()
            .Do(context => context.Insert(Finding(verdict, rose)));
    }

    private static Finding Finding(Verdict verdict, IEnumerable<UnitVerdict> rose) => new(
        verdict.Target,
        verdict.Period,
        verdict.Target.Consequence?.Kind ?? "accountability",
        verdict.Target.Consequence?.Text ?? verdict.Target.Wording,
        [.. rose.OrderBy(unit => unit.Index).Select(unit => new FlaggedUnit(unit.Unit, unit.Measurement, unit.Result.BaselinePeriod, unit.Result.Figures))]);
}
