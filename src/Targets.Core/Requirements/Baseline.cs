using Targets.Core.Periods;

namespace Targets.Core.Requirements;

/// <summary>What a change is measured against.</summary>
public abstract record Baseline
{
    private protected Baseline()
    {
    }

    /// <summary>The period of the baseline for an evaluated period of a plan.</summary>
    public abstract ReportingPeriod Resolve(ReportingPeriod evaluated, ReportingPeriod plan);

    /// <summary>"so với năm 2022": a fixed year.</summary>
    public sealed record FixedYear(int Year) : Baseline
    {
        /// <inheritdoc />
        public override ReportingPeriod Resolve(ReportingPeriod evaluated, ReportingPeriod plan) => ReportingPeriod.Year(Year);
    }

    /// <summary>A fixed period ("giai đoạn 2016 - 2020").</summary>
    public sealed record FixedPeriod(ReportingPeriod Period) : Baseline
    {
        /// <inheritdoc />
        public override ReportingPeriod Resolve(ReportingPeriod evaluated, ReportingPeriod plan) => Period;
    }

    /// <summary>"so với năm trước": the year before the evaluated year.</summary>
    public sealed record PreviousYear : Baseline
    {
        /// <inheritdoc />
        public override ReportingPeriod Resolve(ReportingPeriod evaluated, ReportingPeriod plan) =>
            ReportingPeriod.Year(evaluated.EndYear - 1);
    }

    /// <summary>"so với cùng kỳ": the same period one year earlier.</summary>
    public sealed record SamePeriodPreviousYear : Baseline
    {
        /// <inheritdoc />
        public override ReportingPeriod Resolve(ReportingPeriod evaluated, ReportingPeriod plan) => evaluated.ShiftYears(-1);
    }

    /// <summary>The year before the plan period starts (2020 for 2021–2025).</summary>
    public sealed record YearBeforePlan : Baseline
    {
        /// <inheritdoc />
        public override ReportingPeriod Resolve(ReportingPeriod evaluated, ReportingPeriod plan) =>
            ReportingPeriod.Year(plan.StartYear - 1);
    }

    /// <summary>The span of the plan's length just before it (2016/2020 for 2021/2025).</summary>
    public sealed record PrecedingPlanPeriod : Baseline
    {
        /// <inheritdoc />
        public override ReportingPeriod Resolve(ReportingPeriod evaluated, ReportingPeriod plan) => plan.Preceding();
    }
}
