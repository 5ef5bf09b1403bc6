using System.Text.RegularExpressions;
using Targets.Core.Documents;
using Targets.Core.Indicators;
using Targets.Core.Requirements;
using Targets.Core.Schedules;

namespace Targets.Core.Targets;

/// <summary>The stable id of a target, e.g. <c>can-tho.20-ctr-tu.2.4.c</c>.</summary>
public readonly partial record struct TargetId
{
    private readonly string? _value;

    /// <summary>Creates an id, refusing text that is not of the id form.</summary>
    /// <exception cref="ArgumentException">The text is not a dotted kebab-case id.</exception>
    public TargetId(string value)
    {
        if (value is null || !IndicatorId.IdPattern().IsMatch(value))
        {
            throw new ArgumentException($"'{value}' is not a target id: expected dotted lower-case segments", nameof(value));
        }

        _value = value;
    }

    /// <summary>The id text.</summary>
    public string Value => _value ?? string.Empty;

    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>Who answers for a target or task: the lead unit (đơn vị chủ trì) and supporting units (đơn vị phối hợp).</summary>
/// <param name="Lead">The lead units.</param>
/// <param name="Supporting">The supporting units.</param>
public sealed record Responsibility(IReadOnlyList<string> Lead, IReadOnlyList<string> Supporting)
{
    /// <inheritdoc />
    public bool Equals(Responsibility? other) =>
        other is not null && Lead.SequenceEqual(other.Lead) && Supporting.SequenceEqual(other.Supporting);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Lead.Count, Supporting.Count);
}

/// <summary>What a failure triggers beyond the verdict, e.g. accountability of a unit's leadership.</summary>
/// <param name="Kind">The kind of consequence (<c>accountability</c>).</param>
/// <param name="Text">The document's words for it.</param>
public sealed record Consequence(string Kind, string Text);

/// <summary>Whether a target holds for the locality as a whole or for each administrative unit.</summary>
public abstract record TargetScope
{
    private protected TargetScope()
    {
    }

    /// <summary>The locality as a whole.</summary>
    public static TargetScope Whole { get; } = new WholeLocality();

    /// <summary>The locality as a whole.</summary>
    public sealed record WholeLocality : TargetScope;

    /// <summary>Every unit of a kind (schools, districts): the result names the units that fall short.</summary>
    public sealed record EachUnit(string UnitKind) : TargetScope;
}

/// <summary>
/// A target: one measurable requirement of one clause of a document, with the original wording, the indicator it reads,
/// when it is evaluated, and the reading taken where the text is open.
/// </summary>
public sealed record Target
{
    /// <summary>The stable id.</summary>
    public required TargetId Id { get; init; }

    /// <summary>The document it comes from.</summary>
    public required DocumentReference Document { get; init; }

    /// <summary>The clause, as the document numbers it (<c>II.2.4</c>).</summary>
    public required string Clause { get; init; }

    /// <summary>
    /// Which part of the clause the target measures, in a few words (<c>khu dân cư</c>, <c>đoạn c</c>), when the clause holds
    /// several targets; the report labels the target <c>II.2.1 (khu dân cư)</c>. Null when the clause holds one target.
    /// </summary>
    public string? Part { get; init; }

    /// <summary>The original Vietnamese wording, verbatim.</summary>
    public required string Wording { get; init; }

    /// <summary>The indicator it reads; null for composites.</summary>
    public IndicatorId? Indicator { get; init; }

    /// <summary>What it asks.</summary>
    public required Requirement Requirement { get; init; }

    /// <summary>When it is evaluated.</summary>
    public required Schedule Schedule { get; init; }

    /// <summary>The locality as a whole, or each unit.</summary>
    public TargetScope Scope { get; init; } = TargetScope.Whole;

    /// <summary>The reading taken where the text is open, if stated.</summary>
    public string? Reading { get; init; }

    /// <summary>The default target this one is an alternative reading of, if any.</summary>
    public TargetId? AlternativeOf { get; init; }

    /// <summary>
    /// A target of another document of the locality that measures the same quantity against the same requirement, if any:
    /// the summary counts the two once, under that target, and cites both clauses.
    /// </summary>
    public TargetId? SameAs { get; init; }

    /// <summary>Lead and supporting units, if the document names them.</summary>
    public Responsibility? Responsibility { get; init; }

    /// <summary>What a failure triggers, if the document says.</summary>
    public Consequence? Consequence { get; init; }

    /// <summary>Every indicator the target reads (the indicator, its share's counts, an assigned quota).</summary>
    public IEnumerable<IndicatorId> ReadIndicators(IndicatorCatalog catalog)
    {
        if (Indicator is { } id)
        {
            yield return id;
            if (catalog.TryGet(id, out var indicator) && indicator.IsShare)
            {
                yield return indicator.Numerator!.Value;
                yield return indicator.Denominator!.Value;
            }
        }

        if (Requirement is QuotaRequirement { QuotaIndicator: { } quota })
        {
            yield return quota;
        }
    }
}

/// <summary>A goal written as prose with no number: listed, never given an invented threshold.</summary>
/// <param name="Id">The stable id.</param>
/// <param name="Document">The document it comes from.</param>
/// <param name="Clause">The clause.</param>
/// <param name="Wording">The original wording.</param>
/// <param name="Reason">Why it is not measured.</param>
/// <param name="Responsibility">Lead and supporting units, if named.</param>
public sealed record UnmeasuredGoal(
    TargetId Id,
    DocumentReference Document,
    string Clause,
    string Wording,
    string Reason,
    Responsibility? Responsibility = null);
