using Targets.Core.Data;
using Targets.Core.Periods;
using Targets.Core.Targets;

namespace Targets.Core.Evaluation;

/// <summary>
/// What a verdict triggers beyond itself, found by a rule: e.g. the accountability of the leaders of each district whose
/// new addicts rose. The report names the target, quotes the text and lists the units flagged with their figures.
/// </summary>
/// <param name="Target">The target whose verdict triggered it.</param>
/// <param name="Period">The period of that verdict.</param>
/// <param name="Kind">The kind of finding (<c>accountability</c>).</param>
/// <param name="Text">The document's words for it.</param>
/// <param name="Units">The units flagged, in the order the figures list them; empty when it concerns the locality as a whole.</param>
public sealed record Finding(Target Target, ReportingPeriod Period, string Kind, string Text, IReadOnlyList<FlaggedUnit> Units);

/// <summary>A unit a finding flags, with what was measured there.</summary>
/// <param name="Unit">The unit.</param>
/// <param name="Measurement">What was measured (value, baseline and change).</param>
/// <param name="BaselinePeriod">The baseline period the change is counted from, when there is one.</param>
/// <param name="Figures">The figures used.</param>
public sealed record FlaggedUnit(string Unit, Measurement Measurement, ReportingPeriod? BaselinePeriod, IReadOnlyList<Figure> Figures);
