using System.Collections.Frozen;
using Targets.Core.Errors;
using Targets.Core.Indicators;
using Targets.Core.Periods;

namespace Targets.Core.Data;

/// <summary>A value read from the figures, with the figures it came from.</summary>
/// <param name="Value">The value (percent for a share).</param>
/// <param name="Numerator">A share's numerator, when the counts were given.</param>
/// <param name="Denominator">A share's denominator, when the counts were given.</param>
/// <param name="Figures">The figures used, in period order.</param>
public sealed record ReadValue(decimal Value, decimal? Numerator, decimal? Denominator, IReadOnlyList<Figure> Figures);

/// <summary>
/// The figures of a dataset, checked against the indicator catalog and indexed for evaluation. Construction refuses
/// unknown indicators, negative counts, shares above 100%, duplicates and numerators above their denominators, each
/// with an error naming the figure.
/// </summary>
public sealed class FigureTable
{
    private readonly FrozenDictionary<FigureKey, Figure> _figures;
    private readonly IndicatorCatalog _catalog;
    private readonly FrozenDictionary<IndicatorId, IReadOnlyList<string>> _unitsByIndicator;

    /// <summary>Indexes and checks the figures of <paramref name="dataset"/>.</summary>
    /// <exception cref="DataException">A figure is unknown, negative, duplicated or inconsistent.</exception>
    public FigureTable(Dataset dataset, IndicatorCatalog catalog)
    {
        _catalog = catalog;
        var figures = new Dictionary<FigureKey, Figure>();
        var units = new SortedSet<string>(dataset.AdminUnits, StringComparer.Ordinal);
        foreach (var figure in dataset.Figures)
        {
            var location = figure.Source ?? new SourceLocation(dataset.SourceFile ?? "dataset");
            if (!catalog.TryGet(figure.Indicator, out var indicator))
            {
                throw new DataException($"unknown indicator '{figure.Indicator}'", location);
            }

            if (figure.Unit is { } unit && unit != indicator.Unit.Symbol)
            {
                throw new DataException(
                    $"'{figure.Indicator}' is counted in '{indicator.Unit.Symbol}', but the figure says '{unit}'", location);
            }

            if (figure.Value < 0)
            {
                throw new DataException(
                    $"'{figure.Indicator}' for {figure.Period} is negative ({figure.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)}): counts and shares cannot be below zero",
                    location);
            }

            if (indicator.IsShare && figure.Value > 100)
            {
                throw new DataException(
                    $"share '{figure.Indicator}' for {figure.Period} is {figure.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)}%, above 100%",
                    location);
            }

            var key = new FigureKey(figure.Indicator, figure.Period, figure.AdminUnit);
            if (!figures.TryAdd(key, figure))
            {
                var first = figures[key].Source;
                throw new DataException(
                    $"'{figure.Indicator}' for {figure.Period}{UnitSuffix(figure.AdminUnit)} is reported twice" +
                    (first is null ? string.Empty : $" (first at {first})"),
                    location);
            }

            if (figure.AdminUnit is { } adminUnit)
            {
                units.Add(adminUnit);
            }
        }

        _figures = figures.ToFrozenDictionary();
        AdminUnits = [.. units];
        ExpectedUnits = dataset.AdminUnits;
        _unitsByIndicator = figures.Keys
            .Where(k => k.AdminUnit is not null)
            .GroupBy(k => k.Indicator)
            .ToFrozenDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(k => k.AdminUnit!).Distinct().Order(StringComparer.Ordinal)]);
        CheckSharesAreConsistent(catalog);
    }

    /// <summary>Every administrative unit named by the dataset, in ordinal order.</summary>
    public IReadOnlyList<string> AdminUnits { get; }

    /// <summary>The catalog the figures were checked against.</summary>
    public IndicatorCatalog Catalog => _catalog;

    /// <summary>The units the dataset says are expected to report, in its order.</summary>
    public IReadOnlyList<string> ExpectedUnits { get; }

    /// <summary>
    /// The units a target over <paramref name="indicator"/> holds for: those expected to report and those reporting it
    /// (or, for a share, its counts), in ordinal order.
    /// </summary>
    public IReadOnlyList<string> UnitsFor(IndicatorId indicator)
    {
        var definition = _catalog.Get(indicator);
        var ids = definition.IsShare ? new[] { indicator, definition.Numerator!.Value, definition.Denominator!.Value } : [indicator];
        var units = new SortedSet<string>(ExpectedUnits, StringComparer.Ordinal);
        foreach (var id in ids)
        {
            if (_unitsByIndicator.TryGetValue(id, out var reporting))
            {
                units.UnionWith(reporting);
            }
        }

        return [.. units];
    }

    /// <summary>
    /// Reads an indicator for a period: a share from its counts when both are given (else from the share figure); a
    /// count from its figure, or for a span, summed from the span's years when it was not reported whole.
    /// </summary>
    public bool TryRead(IndicatorId indicator, ReportingPeriod period, string? adminUnit, out ReadValue value)
    {
        var definition = _catalog.Get(indicator);
        if (definition.IsShare)
        {
            if (TryReadCount(definition.Numerator!.Value, period, adminUnit, out var top) &&
                TryReadCount(definition.Denominator!.Value, period, adminUnit, out var bottom) &&
                bottom.Value > 0)
            {
                value = new ReadValue(
                    top.Value * 100m / bottom.Value,
                    top.Value,
                    bottom.Value,
                    [.. top.Figures, .. bottom.Figures]);
                return true;
            }

            if (_figures.TryGetValue(new FigureKey(indicator, period, adminUnit), out var share))
            {
                value = new ReadValue(share.Value, null, null, [share]);
                return true;
            }

            value = null!;
            return false;
        }

        return TryReadCount(indicator, period, adminUnit, out value);
    }

    /// <summary>The figures that would be needed to read an indicator for a period, for "missing figure" messages.</summary>
    public IEnumerable<string> DescribeNeeds(IndicatorId indicator, ReportingPeriod period)
    {
        var definition = _catalog.Get(indicator);
        return definition.IsShare
            ? [$"{definition.Numerator} & {definition.Denominator} (hoặc {indicator}) {period}"]
            : [$"{indicator} {period}"];
    }

    private bool TryReadCount(IndicatorId indicator, ReportingPeriod period, string? adminUnit, out ReadValue value)
    {
        if (_figures.TryGetValue(new FigureKey(indicator, period, adminUnit), out var figure))
        {
            value = new ReadValue(figure.Value, null, null, [figure]);
            return true;
        }

        if (period.Kind == PeriodKind.Span)
        {
            var parts = new List<Figure>(period.YearCount);
            foreach (var year in period.Years)
            {
                if (!_figures.TryGetValue(new FigureKey(indicator, year, adminUnit), out var part))
                {
                    value = null!;
                    return false;
                }

                parts.Add(part);
            }

            value = new ReadValue(parts.Sum(p => p.Value), null, null, parts);
            return true;
        }

        value = null!;
        return false;
    }

    private void CheckSharesAreConsistent(IndicatorCatalog catalog)
    {
        foreach (var share in catalog.Where(i => i.IsShare))
        {
            foreach (var (key, top) in _figures.Where(f => f.Key.Indicator == share.Numerator))
            {
                if (_figures.TryGetValue(key with { Indicator = share.Denominator!.Value }, out var bottom) &&
                    top.Value > bottom.Value)
                {
                    throw new DataException(
                        $"'{top.Indicator}' ({top.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)}) is above its denominator " +
                        $"'{bottom.Indicator}' ({bottom.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)}) for {key.Period}{UnitSuffix(key.AdminUnit)}, " +
                        $"so the share '{share.Id}' would exceed 100%",
                        top.Source);
                }
            }
        }
    }

    private static string UnitSuffix(string? unit) => unit is null ? string.Empty : $" ({unit})";

    private readonly record struct FigureKey(IndicatorId Indicator, ReportingPeriod Period, string? AdminUnit);
}
