using System.Collections;
using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;
using Targets.Core.Errors;
using Targets.Core.Suggestions;

namespace Targets.Core.Indicators;

/// <summary>
/// An immutable set of indicators by id. <see cref="Shared"/> holds the indicators common to every locality; a rule set
/// extends it with <see cref="With"/>, which refuses to redefine an id.
/// </summary>
public sealed class IndicatorCatalog : IReadOnlyCollection<Indicator>
{
    private static readonly Lazy<IndicatorCatalog> SharedCatalog = new(LoadShared);
    private readonly FrozenDictionary<IndicatorId, Indicator> _byId;
    private readonly IReadOnlyList<Indicator> _ordered;

    private IndicatorCatalog(IReadOnlyList<Indicator> ordered)
    {
        _ordered = ordered;
        _byId = ordered.ToFrozenDictionary(indicator => indicator.Id);
    }

    /// <summary>An empty catalog.</summary>
    public static IndicatorCatalog Empty { get; } = new([]);

    /// <summary>The catalog shared by all localities, shipped with this package.</summary>
    public static IndicatorCatalog Shared => SharedCatalog.Value;

    /// <inheritdoc />
    public int Count => _ordered.Count;

    /// <summary>Finds an indicator by id.</summary>
    public bool TryGet(IndicatorId id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Indicator? indicator) =>
        _byId.TryGetValue(id, out indicator);

    /// <summary>Gets an indicator by id.</summary>
    /// <exception cref="KeyNotFoundException">No indicator has that id.</exception>
    public Indicator Get(IndicatorId id) =>
        _byId.TryGetValue(id, out var indicator)
            ? indicator
            : throw new KeyNotFoundException($"unknown indicator '{id}'");

    /// <summary>Whether the catalog holds the id.</summary>
    public bool Contains(IndicatorId id) => _byId.ContainsKey(id);

    /// <summary>" (did you mean 'x'?)" for an id the catalog does not hold, naming the nearest ids it does; else empty.</summary>
    public string Suggest(string unknownId) => DidYouMean.Hint(unknownId, _ordered.Select(i => i.Id.Value));

    /// <summary>
    /// Whether an indicator is a stock or a flow: a count's own; a share is a stock when both its counts are (a share of
    /// communes at a date), else a flow (a rate over a period, such as solved over prosecuted cases).
    /// </summary>
    /// <exception cref="KeyNotFoundException">No indicator has that id.</exception>
    public StockOrFlow StockOrFlowOf(IndicatorId id)
    {
        var indicator = Get(id);
        return !indicator.IsShare ? indicator.StockOrFlow
            : TryGet(indicator.Numerator!.Value, out var top) && top.StockOrFlow == StockOrFlow.Stock &&
              TryGet(indicator.Denominator!.Value, out var bottom) && bottom.StockOrFlow == StockOrFlow.Stock
                ? StockOrFlow.Stock
                : StockOrFlow.Flow;
    }

    /// <summary>
    /// A catalog with these indicators added. An id already present is accepted only when the definition is the same
    /// (several rule sets of one plugin may declare the same indicator); shares must name counts that exist.
    /// </summary>
    /// <param name="additions">The indicators to add.</param>
    /// <param name="origin">Where the additions come from, for error messages.</param>
    /// <exception cref="RuleSetException">An id is redefined differently, or a share names a count that does not exist.</exception>
    public IndicatorCatalog With(IEnumerable<Indicator> additions, SourceLocation? origin = null)
    {
        var ordered = new List<Indicator>(_ordered);
        var byId = new Dictionary<IndicatorId, Indicator>(_byId);
        foreach (var indicator in additions)
        {
            if (byId.TryGetValue(indicator.Id, out var existing))
            {
                if (existing != indicator)
                {
                    throw new RuleSetException($"indicator '{indicator.Id}' is already defined differently", origin);
                }

                continue;
            }

            byId.Add(indicator.Id, indicator);
            ordered.Add(indicator);
        }

        foreach (var share in ordered.Where(i => i.IsShare))
        {
            foreach (var part in new[] { share.Numerator, share.Denominator })
            {
                if (part is not { } partId || !byId.TryGetValue(partId, out var count))
                {
                    throw new RuleSetException(
                        $"share indicator '{share.Id}' must name existing numerator and denominator indicators", origin);
                }

                if (count.IsShare)
                {
                    throw new RuleSetException(
                        $"share indicator '{share.Id}' names '{count.Id}', which is itself a share", origin);
                }
            }
        }

        return new IndicatorCatalog(ordered);
    }

    /// <inheritdoc />
    public IEnumerator<Indicator> GetEnumerator() => _ordered.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Maps the JSON form of an indicator (shared by the catalog and rule sets) to the model.</summary>
    /// <exception cref="ArgumentException">The definition is not complete or not consistent.</exception>
    internal static Indicator FromDefinition(IndicatorDefinition definition) => new(
        new IndicatorId(definition.Id),
        definition.Name,
        definition.Unit == "%" ? Unit.Percent : new Unit(definition.Unit),
        definition.Direction switch
        {
            "higherIsBetter" => Direction.HigherIsBetter,
            "lowerIsBetter" => Direction.LowerIsBetter,
            _ => throw new ArgumentException($"unknown direction '{definition.Direction}'"),
        },
        definition.Kind switch
        {
            "count" => IndicatorKind.Count,
            "share" => IndicatorKind.Share,
            _ => throw new ArgumentException($"unknown indicator kind '{definition.Kind}'"),
        },
        definition.Numerator is null ? null : new IndicatorId(definition.Numerator),
        definition.Denominator is null ? null : new IndicatorId(definition.Denominator),
        (definition.Kind, definition.StockOrFlow) switch
        {
            ("share", null) => StockOrFlow.Flow,
            ("share", _) => throw new ArgumentException(
                $"share '{definition.Id}' follows its counts: it is a stock when both are, else a flow; remove 'stockOrFlow'"),
            (_, "flow") => StockOrFlow.Flow,
            (_, "stock") => StockOrFlow.Stock,
            (_, null) => throw new ArgumentException(
                $"count '{definition.Id}' must say whether it is a flow or a stock: 'stockOrFlow': 'flow' (events in a period, added up over time) or 'stock' (a state at a date, never added up)"),
            (_, var other) => throw new ArgumentException($"unknown stockOrFlow '{other}' (expected 'flow' or 'stock')"),
        })
    {
        CountedFromPlanStart = definition.CountedFrom switch
        {
            null => false,
            "planStart" => true,
            var other => throw new ArgumentException($"unknown 'countedFrom' '{other}'"),
        },
    };

    /// <summary>
    /// Whether an indicator starts at zero when its plan starts: it is counted from the plan start, or it is a share whose
    /// numerator is.
    /// </summary>
    public bool StartsAtZeroWithThePlan(IndicatorId id) =>
        TryGet(id, out var indicator) &&
        (indicator.CountedFromPlanStart || (indicator.Numerator is { } top && TryGet(top, out var numerator) && numerator.CountedFromPlanStart));

    private static IndicatorCatalog LoadShared()
    {
        const string resource = "Targets.Core.Indicators.catalog.json";
        using var stream = typeof(IndicatorCatalog).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"the shared indicator catalog '{resource}' is not embedded");
        var file = JsonSerializer.Deserialize(stream, CatalogJsonContext.Default.CatalogFile)
            ?? throw new InvalidOperationException("the shared indicator catalog is empty");
        return Empty.With(file.Indicators.Select(FromDefinition), new SourceLocation(resource));
    }
}

/// <summary>The JSON form of an indicator.</summary>
internal sealed record IndicatorDefinition(
    string Id,
    string Name,
    string Unit,
    string Direction,
    string Kind,
    string? Numerator = null,
    string? Denominator = null,
    string? StockOrFlow = null,
    string? CountedFrom = null);

internal sealed record CatalogFile(IReadOnlyList<IndicatorDefinition> Indicators);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(CatalogFile))]
internal sealed partial class CatalogJsonContext : JsonSerializerContext;
