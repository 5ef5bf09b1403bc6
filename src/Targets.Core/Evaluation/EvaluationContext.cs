using Targets.Core.Data;
using Targets.Core.Documents;
using Targets.Core.Periods;

namespace Targets.Core.Evaluation;

/// <summary>What an evaluation reads: the figures, the as-of year, and optionally a plan period other than the document's.</summary>
/// <param name="Figures">The checked figures.</param>
/// <param name="AsOfYear">The last year evaluated; annual targets are evaluated up to it, deadline targets judged against it.</param>
/// <param name="PlanOverride">
/// A plan period to evaluate instead of the documents' own (e.g. a directive's 2016–2020 account); null to use each
/// document's period. Which documents it applies to is decided by <see cref="PlanOf"/>.
/// </param>
public sealed record EvaluationContext(FigureTable Figures, int AsOfYear, ReportingPeriod? PlanOverride = null)
{
    /// <summary>The plan periods of every document evaluated together (a locality's rule sets), for <see cref="PlanOf"/>.</summary>
    public IReadOnlyCollection<ReportingPeriod> DocumentPeriods { get; init; } = [];

    /// <summary>
    /// The plan a document's targets are evaluated under, or null when the plan override leaves the document out. Without
    /// an override, each document's own period. With one: when some document's own period is the override, only those
    /// documents are evaluated (a retrospective shows that period's own account, and no target written for another
    /// period is applied to it); when none is, every document is applied to the override, its relative baselines
    /// following (a what-if over another period).
    /// </summary>
    public ReportingPeriod? PlanOf(DocumentReference document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (PlanOverride is not { } plan)
        {
            return document.Period;
        }

        if (DocumentPeriods.Contains(plan))
        {
            return document.Period == plan ? plan : null;
        }

        return plan;
    }
}
