using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
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
/// <remarks>
/// Built once per dataset and read many times, so both are kept cheap: indicators are numbered once per catalog
/// (<see cref="CatalogIndex"/>), the locality's yearly figures (the bulk of any dataset) sit in a flat array by indicator
/// and year, and only halves, quarters, spans and per-unit figures go to a dictionary. Immutable after construction
/// apart from a cache of <see cref="UnitsFor"/> answers, which is safe to race on.
/// </remarks>
public sealed class FigureTable
{
    /// <summary>The widest range of years kept in the flat array; a dataset spanning more uses the dictionary alone.</summary>
    private const int MaxYearSpan = 64;

    private readonly IndicatorCatalog _catalog;
    private readonly CatalogIndex _index;
    private readonly int _firstYear;
    private readonly int _yearCount;
    private readonly Figure?[]? _yearly;
    private readonly Dictionary<FigureKey, Figure>? _others;
    private readonly Dictionary<int, SortedSet<string>>? _unitsByIndicator;
    private readonly IReadOnlyList<string>?[] _unitsFor;

    /// <summary>Indexes and checks the figures of <paramref name="dataset"/>.</summary>
    /// <exception cref="DataException">A figure is unknown, negative, duplicated or inconsistent.</exception>
    public FigureTable(Dataset dataset, IndicatorCatalog catalog)
    {
        _catalog = catalog;
        _index = CatalogIndex.For(catalog);
        var figures = dataset.Figures;
        var count = figures.Count;

        // First pass: number the indicators and find the range of the locality's yearly figures, throwing nothing yet so
        // that the errors below come in figure order.
        var ordinals = ArrayPool<int>.Shared.Rent(Math.Max(count, 1));
        try
        {
            int firstYear = int.MaxValue, lastYear = int.MinValue, latestYear = int.MinValue;
            string? previousId = null;
            var previousOrdinal = -1;
            for (var i = 0; i < count; i++)
            {
                var figure = figures[i];
                var id = figure.Indicator.Value;
                if (!ReferenceEquals(id, previousId))
                {
                    previousOrdinal = _index.TryGetOrdinal(figure.Indicator, out var found) ? found : -1;
                    previousId = id;
                }

                ordinals[i] = previousOrdinal;
                var period = figure.Period;
                latestYear = Math.Max(latestYear, period.EndYear);
                if (figure.AdminUnit is null && period.Kind == PeriodKind.Year)
                {
                    firstYear = Math.Min(firstYear, period.StartYear);
                    lastYear = Math.Max(lastYear, period.StartYear);
                }
            }

            LatestYear = count == 0 ? null : latestYear;
            if (lastYear >= firstYear && lastYear - firstYear < MaxYearSpan)
            {
                _firstYear = firstYear;
                _yearCount = lastYear - firstYear + 1;
                _yearly = new Figure?[_index.Count * _yearCount];
            }

            // Second pass: check each figure and file it.
            var hasShareParts = false;
            for (var i = 0; i < count; i++)
            {
                var figure = figures[i];
                var ordinal = ordinals[i];
                if (ordinal < 0)
                {
                    throw new DataException($"unknown indicator '{figure.Indicator}'", Locate(figure, dataset));
                }

                var indicator = _index.Indicators[ordinal];
                if (figure.Unit is { } unit && unit != indicator.Unit.Symbol)
                {
                    throw new DataException(
                        $"'{figure.Indicator}' is counted in '{indicator.Unit.Symbol}', but the figure says '{unit}'", Locate(figure, dataset));
                }

                if (figure.Value < 0)
                {
                    throw new DataException(
                        $"'{figure.Indicator}' for {figure.Period} is negative ({figure.Value.ToString(CultureInfo.InvariantCulture)}): counts and shares cannot be below zero",
                        Locate(figure, dataset));
                }

                if (indicator.IsShare && figure.Value > 100)
                {
                    throw new DataException(
                        $"share '{figure.Indicator}' for {figure.Period} is {figure.Value.ToString(CultureInfo.InvariantCulture)}%, above 100%",
                        Locate(figure, dataset));
                }

                if (!TryFile(ordinal, figure, ref _others, out var first))
                {
                    throw new DataException(
                        $"'{figure.Indicator}' for {figure.Period}{UnitSuffix(figure.AdminUnit)} is reported twice" +
                        (first.Source is null ? string.Empty : $" (first at {first.Source})"),
                        Locate(figure, dataset));
                }

                if (figure.AdminUnit is { } adminUnit)
                {
                    _unitsByIndicator ??= [];
                    if (!_unitsByIndicator.TryGetValue(ordinal, out var reporting))
                    {
                        _unitsByIndicator[ordinal] = reporting = new SortedSet<string>(StringComparer.Ordinal);
                    }

                    reporting.Add(adminUnit);
                }

                hasShareParts |= _index.SharesWithNumerator[ordinal].Length > 0;
            }

            if (hasShareParts)
            {
                CheckSharesAreConsistent(figures, ordinals, new SourceLocation(dataset.SourceFile ?? "dataset"));
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(ordinals);
        }

        ExpectedUnits = dataset.AdminUnits;
        if (_unitsByIndicator is null && dataset.AdminUnits.Count == 0)
        {
            AdminUnits = [];
        }
        else
        {
            var units = new SortedSet<string>(dataset.AdminUnits, StringComparer.Ordinal);
            foreach (var reporting in _unitsByIndicator?.Values ?? Enumerable.Empty<SortedSet<string>>())
            {
                units.UnionWith(reporting);
            }

            AdminUnits = [.. units];
        }

        _unitsFor = new IReadOnlyList<string>?[_index.Count];
    }

    /// <summary>Every administrative unit named by the dataset, in ordinal order.</summary>
    public IReadOnlyList<string> AdminUnits { get; }

    /// <summary>The catalog the figures were checked against.</summary>
    public IndicatorCatalog Catalog => _catalog;

    /// <summary>The units the dataset says are expected to report, in its order.</summary>
    public IReadOnlyList<string> ExpectedUnits { get; }

    /// <summary>The last year any figure touches, or null when there are none (as <see cref="Dataset.LatestYear"/>).</summary>
    internal int? LatestYear { get; }

    /// <summary>The numbering of the catalog's indicators.</summary>
    internal CatalogIndex Index => _index;

    /// <summary>
    /// The units a target over <paramref name="indicator"/> holds for: those expected to report and those reporting it
    /// (or, for a share, its counts), in ordinal order.
    /// </summary>
    public IReadOnlyList<string> UnitsFor(IndicatorId indicator)
    {
        var ordinal = OrdinalOf(indicator);
        return _unitsFor[ordinal] ??= ComputeUnitsFor(ordinal);
    }

    /// <summary>
    /// Reads an indicator for a period: a share from its counts when both are given (else from the share figure); a
    /// count from its figure, or for a span, summed from the span's years when it was not reported whole.
    /// </summary>
    public bool TryRead(IndicatorId indicator, ReportingPeriod period, string? adminUnit, out ReadValue value)
    {
        var used = new List<Figure>(2);
        if (TryRead(OrdinalOf(indicator), period, adminUnit, used, out var read, out var numerator, out var denominator))
        {
            value = new ReadValue(read, numerator, denominator, [.. used]);
            return true;
        }

        value = null!;
        return false;
    }

    /// <summary>The number of an indicator in this table's catalog.</summary>
    /// <exception cref="KeyNotFoundException">The catalog has no such indicator.</exception>
    internal int OrdinalOf(IndicatorId indicator) =>
        _index.TryGetOrdinal(indicator, out var ordinal) ? ordinal : throw new KeyNotFoundException($"unknown indicator '{indicator}'");

    /// <summary>
    /// <see cref="TryRead(IndicatorId, ReportingPeriod, string?, out ReadValue)"/> without allocating: the figures used are
    /// appended to <paramref name="used"/> (nothing is appended when the read fails).
    /// </summary>
    internal bool TryRead(int ordinal, ReportingPeriod period, string? adminUnit, List<Figure> used, out decimal value, out decimal? numerator, out decimal? denominator)
    {
        numerator = null;
        denominator = null;
        if (_index.IsShare[ordinal])
        {
            var mark = used.Count;
            if (TryReadCount(_index.Numerator[ordinal], period, adminUnit, used, out var top) &&
                TryReadCount(_index.Denominator[ordinal], period, adminUnit, used, out var bottom) &&
                bottom > 0)
            {
                value = top * 100m / bottom;
                numerator = top;
                denominator = bottom;
                return true;
            }

            used.RemoveRange(mark, used.Count - mark);
            if (TryGet(ordinal, period, adminUnit, out var share))
            {
                used.Add(share);
                value = share.Value;
                return true;
            }

            value = 0;
            return false;
        }

        return TryReadCount(ordinal, period, adminUnit, used, out value);
    }

    /// <summary>
    /// For a share whose two counts are both reported, the denominator's id when it is zero (the share cannot be
    /// computed: nothing to take a percentage of); otherwise null.
    /// </summary>
    internal IndicatorId? ZeroDenominator(int ordinal, ReportingPeriod period, string? adminUnit)
    {
        if (!_index.IsShare[ordinal])
        {
            return null;
        }

        var scratch = new List<Figure>(2);
        return TryReadCount(_index.Numerator[ordinal], period, adminUnit, scratch, out _) &&
               TryReadCount(_index.Denominator[ordinal], period, adminUnit, scratch, out var bottom) &&
               bottom == 0
            ? _index.Indicators[_index.Denominator[ordinal]].Id
            : null;
    }

    private bool TryReadCount(int ordinal, ReportingPeriod period, string? adminUnit, List<Figure> used, out decimal value)
    {
        if (TryGet(ordinal, period, adminUnit, out var figure))
        {
            used.Add(figure);
            value = figure.Value;
            return true;
        }

        if (period.Kind == PeriodKind.Span)
        {
            var mark = used.Count;
            decimal sum = 0;
            for (var year = period.StartYear; year <= period.EndYear; year++)
            {
                if (!TryGet(ordinal, ReportingPeriod.Year(year), adminUnit, out var part))
                {
                    used.RemoveRange(mark, used.Count - mark);
                    value = 0;
                    return false;
                }

                used.Add(part);
                sum += part.Value;
            }

            value = sum;
            return true;
        }

        value = 0;
        return false;
    }

    /// <summary>The figure reported for exactly this indicator, period and unit.</summary>
    private bool TryGet(int ordinal, ReportingPeriod period, string? adminUnit, out Figure figure)
    {
        if (_yearly is not null && adminUnit is null && period.Kind == PeriodKind.Year)
        {
            // Every yearly figure of the locality as a whole is in the array, so a year outside its range has none.
            var offset = period.StartYear - _firstYear;
            if ((uint)offset < (uint)_yearCount && _yearly[(ordinal * _yearCount) + offset] is { } yearly)
            {
                figure = yearly;
                return true;
            }

            figure = null!;
            return false;
        }

        if (_others is not null && _others.TryGetValue(new FigureKey(ordinal, period, adminUnit), out var other))
        {
            figure = other;
            return true;
        }

        figure = null!;
        return false;
    }

    /// <summary>Files a figure; false (with the figure already there) when it is a duplicate.</summary>
    private bool TryFile(int ordinal, Figure figure, ref Dictionary<FigureKey, Figure>? others, out Figure first)
    {
        if (_yearly is not null && figure.AdminUnit is null && figure.Period.Kind == PeriodKind.Year)
        {
            ref var slot = ref _yearly[(ordinal * _yearCount) + (figure.Period.StartYear - _firstYear)];
            if (slot is { } existing)
            {
                first = existing;
                return false;
            }

            slot = figure;
            first = figure;
            return true;
        }

        others ??= [];
        var key = new FigureKey(ordinal, figure.Period, figure.AdminUnit);
        if (!others.TryAdd(key, figure))
        {
            first = others[key];
            return false;
        }

        first = figure;
        return true;
    }

    private System.Collections.ObjectModel.ReadOnlyCollection<string> ComputeUnitsFor(int ordinal)
    {
        var units = new SortedSet<string>(ExpectedUnits, StringComparer.Ordinal);
        if (_unitsByIndicator is not null)
        {
            ReadOnlySpan<int> ids = _index.IsShare[ordinal] ? [ordinal, _index.Numerator[ordinal], _index.Denominator[ordinal]] : [ordinal];
            foreach (var id in ids)
            {
                if (_unitsByIndicator.TryGetValue(id, out var reporting))
                {
                    units.UnionWith(reporting);
                }
            }
        }

        return Array.AsReadOnly(units.ToArray());
    }

    /// <summary>
    /// Refuses a numerator above its denominator for the same period and unit. The first problem is reported in the order
    /// of the catalog's shares, then of the figures.
    /// </summary>
    private void CheckSharesAreConsistent(IReadOnlyList<Figure> figures, int[] ordinals, SourceLocation datasetLocation)
    {
        var worstShare = int.MaxValue;
        Figure? top = null, bottom = null;
        for (var i = 0; i < figures.Count; i++)
        {
            foreach (var (share, denominator) in _index.SharesWithNumerator[ordinals[i]])
            {
                if (share >= worstShare)
                {
                    break;
                }

                var figure = figures[i];
                if (TryGet(denominator, figure.Period, figure.AdminUnit, out var below) && figure.Value > below.Value)
                {
                    worstShare = share;
                    top = figure;
                    bottom = below;
                }
            }
        }

        if (top is not null && bottom is not null)
        {
            throw new DataException(
                $"'{top.Indicator}' ({top.Value.ToString(CultureInfo.InvariantCulture)}) is above its denominator " +
                $"'{bottom.Indicator}' ({bottom.Value.ToString(CultureInfo.InvariantCulture)}) for {top.Period}{UnitSuffix(top.AdminUnit)}, " +
                $"so the share '{_index.Indicators[worstShare].Id}' would exceed 100%",
                top.Source ?? datasetLocation);
        }
    }

    private static SourceLocation Locate(Figure figure, Dataset dataset) => figure.Source ?? new SourceLocation(dataset.SourceFile ?? "dataset");

    private static string UnitSuffix(string? unit) => unit is null ? string.Empty : $" ({unit})";

    private readonly record struct FigureKey(int Indicator, ReportingPeriod Period, string? AdminUnit);
}

/// <summary>
/// A catalog's indicators numbered 0..n−1 in catalog order, with each share's counts and, for each count, the shares it
/// is the numerator of: computed once per catalog and shared by every <see cref="FigureTable"/> over it.
/// </summary>
internal sealed class CatalogIndex
{
    private static readonly ConditionalWeakTable<IndicatorCatalog, CatalogIndex> Cache = [];
    private readonly Dictionary<IndicatorId, int> _ordinals;

    private CatalogIndex(IndicatorCatalog catalog)
    {
        Indicators = [.. catalog];
        _ordinals = new Dictionary<IndicatorId, int>(Indicators.Length);
        for (var i = 0; i < Indicators.Length; i++)
        {
            _ordinals[Indicators[i].Id] = i;
        }

        IsShare = new bool[Indicators.Length];
        Numerator = new int[Indicators.Length];
        Denominator = new int[Indicators.Length];
        var shares = new List<(int Share, int Denominator)>[Indicators.Length];
        for (var i = 0; i < Indicators.Length; i++)
        {
            var indicator = Indicators[i];
            IsShare[i] = indicator.IsShare;
            Numerator[i] = indicator.Numerator is { } top && _ordinals.TryGetValue(top, out var n) ? n : -1;
            Denominator[i] = indicator.Denominator is { } bottom && _ordinals.TryGetValue(bottom, out var d) ? d : -1;
            if (indicator.IsShare && Numerator[i] >= 0 && Denominator[i] >= 0)
            {
                (shares[Numerator[i]] ??= []).Add((i, Denominator[i]));
            }
        }

        SharesWithNumerator = [.. shares.Select(list => list?.ToArray() ?? [])];
    }

    /// <summary>The number of indicators.</summary>
    public int Count => Indicators.Length;

    /// <summary>The indicators, by number.</summary>
    public Indicator[] Indicators { get; }

    /// <summary>Whether each indicator is a share.</summary>
    public bool[] IsShare { get; }

    /// <summary>Each share's numerator (−1 for counts).</summary>
    public int[] Numerator { get; }

    /// <summary>Each share's denominator (−1 for counts).</summary>
    public int[] Denominator { get; }

    /// <summary>For each indicator, the shares (in catalog order) it is the numerator of, with their denominators.</summary>
    public (int Share, int Denominator)[][] SharesWithNumerator { get; }

    /// <summary>The index of a catalog, built on first use.</summary>
    public static CatalogIndex For(IndicatorCatalog catalog) => Cache.GetValue(catalog, static c => new CatalogIndex(c));

    /// <summary>The number of an indicator.</summary>
    public bool TryGetOrdinal(IndicatorId id, out int ordinal) => _ordinals.TryGetValue(id, out ordinal);
}
