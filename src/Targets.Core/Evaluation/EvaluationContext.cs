using Targets.Core.Data;
using Targets.Core.Periods;

namespace Targets.Core.Evaluation;

/// <summary>What an evaluation reads: the figures, the as-of year, and optionally a plan period other than the document's.</summary>
/// <param name="Figures">The checked figures.</param>
/// <param name="AsOfYear">The last year evaluated; annual targets are evaluated up to it, deadline targets judged against it.</param>
/// <param name="PlanOverride">
/// A plan period replacing every document's own (to apply a rule set to another period, e.g. a directive's 2016–2020
/// account); null to use each document's period.
/// </param>
public sealed record EvaluationContext(FigureTable Figures, int AsOfYear, ReportingPeriod? PlanOverride = null);
