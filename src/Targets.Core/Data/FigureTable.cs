using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Targets.Core.Errors;
using Targets.Core.Indicators;
using Targets.Core.Periods;
using Targets.Core.Successions;
using Targets.Core.Suggestions;

namespace Targets.Core.Data;

/// <summary>A value read from the figures, with the figures it came from.</summary>
/// <param name="Value">The value (percent for a share).</param>
/// <param name="Numerator">A share's numerator, when the counts were given.</param>
/// <param name="Denominator">A share's denominator, when the counts were given.</param>
/// <param name="Figures">The figures used, in period order.</param>
public sealed record ReadValue(decimal Value, decimal? Numerator, decimal? Denominator, IReadOnlyList<Figure> Figures);

/// <summary>
/// The figures of a dataset, checked against the indicator catalog and indexed for evaluation. Construction refuses an
/// empty dataset, unknown indicators and boundaries, negative counts, shares above 100%, duplicates, numerators above
/// their denominators, and figures that contradict each other (a year and its quarters, a span and its years, a stock
/// given twice for the same date, the whole and its units, a merged locality and its parts), each with an error naming
/// the figures.
/// </summary>
/// <remarks>
/// <para>
/// Reading follows the catalog's stocks and flows (<see cref="StockOrFlow"/>). A flow not given for a period is added up
/// from its parts: a year from its halves (each given or added up from its quarters), a half from its quarters, a span
/// from its years. A stock is the value at the end of the period: a year's is the figure for the year or for any period
/// ending on 31 December (its second half, its fourth quarter, a span ending that year); a span's is the one at the end
/// of its last year. A stock is never summed over time. Then, for the locality as a whole, per-unit figures roll up
/// (summed, every unit expected or reporting); and for a merged locality, its parts add up. A share is computed from its
/// two counts read that way (so a share over units or quarters is recomputed from the summed counts, never averaged),
/// else from a share figure for the period.
/// </para>
/// <para>
/// Built once per dataset and read many times, so both are kept cheap: indicators are numbered once per catalog
/// (<see cref="CatalogIndex"/>), the locality's yearly figures (the bulk of any dataset) sit in a flat array by indicator
/// and year, and only halves, quarters, spans, per-unit and per-boundary figures go to a dictionary. Immutable after
/// construction apart from a cache of <see cref="UnitsFor(IndicatorId)"/> answers, which is safe to race on.
/// </para>
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
    private readonly Dictionary<EndKey, Figure>? _stocksByEnd;
    private readonly Dictionary<int, SortedSet<string>>? _unitsByIndicator;
    private readonly IReadOnlyList<string>?[] _unitsFor;
    private readonly bool _hasPartsOfYears;
    private readonly DateOnly _latestEnd;

    /// <summary>Figures whose period ends after this date are not read (see <see cref="AsOf"/>); null: all are.</summary>
    private readonly DateOnly? _cutoff;

    /// <summary>The year of <see cref="_cutoff"/> (<see cref="int.MaxValue"/> without one), and whether it is that year's last day.</summary>
    private readonly int _cutoffYear = int.MaxValue;
    private readonly bool _cutoffAtYearEnd;

    /// <summary>Indexes and checks the figures of <paramref name="dataset"/>.</summary>
    /// <param name="dataset">The figures.</param>
    /// <param name="catalog">The indicators they may name.</param>
    /// <param name="succession">The locality's merger, if any: the boundaries figures may name.</param>
    /// <exception cref="DataException">The dataset is empty, or a figure is unknown, negative, duplicated or inconsistent.</exception>
    public FigureTable(Dataset dataset, IndicatorCatalog catalog, Succession? succession = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        _catalog = catalog;
        _index = CatalogIndex.For(catalog);
        Succession = succession;
        var count = dataset.Figures.Count;
        // A dataset that gives its own as-of date and nothing else says "nothing reported yet" on a date (tasks not done);
        // with no date either, it is a wrong or empty file.
        if (count == 0 && dataset.Tasks.Count == 0 && dataset.AsOf is null)
        {
            throw new DataException("the dataset is empty: it has no figures, no task reports and no asOf, so there is nothing to assess", new SourceLocation(dataset.SourceFile ?? "dataset"));
        }

        // The figures are read four times over: as a span when the list allows (the readers make lists), not through the
        // interface each time.
        Figure[]? copied = null;
        ReadOnlySpan<Figure> figures = dataset.Figures switch
        {
            Figure[] array => array,
            List<Figure> list => CollectionsMarshal.AsSpan(list),
            var other => Copy(other, copied = ArrayPool<Figure>.Shared.Rent(count)),
        };

        // First pass: number the indicators and find the range of the locality's yearly figures, throwing nothing yet so
        // that the errors below come in figure order.
        var ordinals = ArrayPool<int>.Shared.Rent(Math.Max(count, 1));
        try
        {
            int firstYear = int.MaxValue, lastYear = int.MinValue, latestYear = int.MinValue;
            var latestEnd = DateOnly.MinValue;
            var stockBeyondYears = false;
            var notYearly = 0;
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
                if (period.EndYear >= latestYear)
                {
                    latestYear = period.EndYear;
                    var end = period.End;
                    latestEnd = end > latestEnd ? end : latestEnd;
                }

                if (period.Kind == PeriodKind.Year)
                {
                    if (figure.AdminUnit is null && figure.Boundary is null)
                    {
                        firstYear = Math.Min(firstYear, period.StartYear);
                        lastYear = Math.Max(lastYear, period.StartYear);
                    }
                    else
                    {
                        notYearly++;
                    }
                }
                else
                {
                    notYearly++;
                    _hasPartsOfYears |= period.Kind is PeriodKind.Half or PeriodKind.Quarter;
                    stockBeyondYears |= previousOrdinal >= 0 && _index.IsStock[previousOrdinal];
                }
            }

            LatestYear = count == 0 ? null : latestYear;
            _latestEnd = latestEnd;
            if (lastYear >= firstYear && lastYear - firstYear < MaxYearSpan)
            {
                _firstYear = firstYear;
                _yearCount = lastYear - firstYear + 1;
                _yearly = new Figure?[_index.Count * _yearCount];
            }

            // The figures the flat array does not take go to the dictionary, made at their number (a few too many when a
            // figure names the former boundary) rather than grown to it.
            var others = _yearly is null ? count : notYearly;
            if (others > 0)
            {
                _others = new Dictionary<FigureKey, Figure>(others);
            }

            if (stockBeyondYears)
            {
                _stocksByEnd = [];
            }

            // Second pass: check each figure and file it.
            var hasShareParts = false;
            var hasWholesWithParts = false;
            for (var i = 0; i < count; i++)
            {
                var figure = figures[i];
                var ordinal = ordinals[i];
                SourceLocation Location() => Locate(figure, dataset);
                if (ordinal < 0)
                {
                    throw new DataException($"unknown indicator '{figure.Indicator}'{catalog.Suggest(figure.Indicator.Value)}", Location());
                }

                var indicator = _index.Indicators[ordinal];
                if (figure.Unit is { } unit && unit != indicator.Unit.Symbol)
                {
                    throw new DataException(
                        $"'{figure.Indicator}' is counted in '{indicator.Unit.Symbol}', but the figure says '{unit}'", Location());
                }

                if (!IsPlainlyInRange(figure.Value, indicator.IsShare))
                {
                    if (FigureLimits.Problem(figure.Value) is { } outOfRange)
                    {
                        throw new DataException(outOfRange, Location());
                    }

                    if (figure.Value < 0)
                    {
                        throw new DataException(
                            $"'{figure.Indicator}' for {figure.Period} is negative ({Number(figure.Value)}): counts and shares cannot be below zero",
                            Location());
                    }

                    if (indicator.IsShare && figure.Value > 100)
                    {
                        throw new DataException($"share '{figure.Indicator}' for {figure.Period} is {Number(figure.Value)}%, above 100%", Location());
                    }
                }

                var boundary = CheckBoundary(figure, dataset);
                if (!TryFile(ordinal, figure, boundary, ref _others, out var first))
                {
                    throw new DataException(
                        $"'{figure.Indicator}' for {figure.Period}{UnitSuffix(figure.AdminUnit)}{BoundarySuffix(boundary)} is reported twice" +
                        (first.Source is null ? string.Empty : $" (first at {first.Source})"),
                        Location());
                }

                if (_stocksByEnd is not null && _index.IsStock[ordinal])
                {
                    FileStock(ordinal, figure, boundary, dataset);
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
                hasWholesWithParts |= boundary is not null || figure.Period.Kind is not PeriodKind.Year || figure.AdminUnit is not null;
            }

            if (hasShareParts)
            {
                CheckSharesAreConsistent(figures, ordinals, new SourceLocation(dataset.SourceFile ?? "dataset"));
            }

            ExpectedUnits = dataset.AdminUnits;
            _unitsFor = new IReadOnlyList<string>?[_index.Count];
            if (hasWholesWithParts)
            {
                CheckWholesAgreeWithParts(figures, ordinals, dataset);
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(ordinals);
            if (copied is not null)
            {
                ArrayPool<Figure>.Shared.Return(copied, clearArray: true);
            }
        }

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
    }

    /// <summary>The same figures, read as of <paramref name="cutoff"/>: figures whose period ends after it are not read.</summary>
    private FigureTable(FigureTable all, DateOnly cutoff)
    {
        _catalog = all._catalog;
        _index = all._index;
        _firstYear = all._firstYear;
        _yearCount = all._yearCount;
        _yearly = all._yearly;
        _others = all._others;
        _stocksByEnd = all._stocksByEnd;
        _unitsByIndicator = all._unitsByIndicator;
        _unitsFor = all._unitsFor;
        _hasPartsOfYears = all._hasPartsOfYears;
        _latestEnd = all._latestEnd;
        _cutoff = cutoff;
        _cutoffYear = cutoff.Year;
        _cutoffAtYearEnd = cutoff.Month == 12 && cutoff.Day == 31;
        Succession = all.Succession;
        AdminUnits = all.AdminUnits;
        ExpectedUnits = all.ExpectedUnits;
        LatestYear = all.LatestYear;
    }

    /// <summary>Every administrative unit named by the dataset, in ordinal order.</summary>
    public IReadOnlyList<string> AdminUnits { get; }

    /// <summary>The catalog the figures were checked against.</summary>
    public IndicatorCatalog Catalog => _catalog;

    /// <summary>The units the dataset says are expected to report, in its order.</summary>
    public IReadOnlyList<string> ExpectedUnits { get; }

    /// <summary>The locality's merger, when it has one: the boundaries figures may be given for.</summary>
    public Succession? Succession { get; }

    /// <summary>The date after which figures are not read, when this is a view as of a date (<see cref="AsOf"/>).</summary>
    public DateOnly? Cutoff => _cutoff;

    /// <summary>The last year any figure touches, or null when there are none (as <see cref="Dataset.LatestYear"/>).</summary>
    internal int? LatestYear { get; }

    /// <summary>The numbering of the catalog's indicators.</summary>
    internal CatalogIndex Index => _index;

    /// <summary>
    /// The figures as they stood on <paramref name="asOf"/>: a view that never reads a figure whose period ends after that
    /// date (a 2024 figure, or the year 2023 as of 30 June 2023). Cheap: the view shares this table's index.
    /// </summary>
    public FigureTable AsOf(DateOnly asOf) =>
        asOf >= _latestEnd && _cutoff is null ? this : new FigureTable(this, _cutoff is { } earlier && earlier < asOf ? earlier : asOf);

    /// <summary>Whether the figure is read as of this table's cut-off date.</summary>
    public bool IsReadable(Figure figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        return Usable(figure);
    }

    /// <summary>
    /// The units a target over <paramref name="indicator"/> holds for: those expected to report and those reporting it
    /// (or, for a share, its counts), in ordinal order.
    /// </summary>
    public IReadOnlyList<string> UnitsFor(IndicatorId indicator) => UnitsFor(OrdinalOf(indicator));

    /// <summary>Whether any unit reports <paramref name="indicator"/> (or, for a share, either of its counts).</summary>
    public bool HasUnitFigures(IndicatorId indicator) => _unitsByIndicator is not null && HasUnitFigures(OrdinalOf(indicator));

    /// <summary>As <see cref="HasUnitFigures(IndicatorId)"/>, by the indicator's number.</summary>
    internal bool HasUnitFigures(int ordinal)
    {
        if (_unitsByIndicator is null)
        {
            return false;
        }

        return _unitsByIndicator.ContainsKey(ordinal) ||
               (_index.IsShare[ordinal] && (_unitsByIndicator.ContainsKey(_index.Numerator[ordinal]) || _unitsByIndicator.ContainsKey(_index.Denominator[ordinal])));
    }

    /// <summary>
    /// Reads an indicator for a period, for the locality as its documents set it (or a unit of it): see the remarks on
    /// <see cref="FigureTable"/> for how stocks, flows, units and shares are read.
    /// </summary>
    public bool TryRead(IndicatorId indicator, ReportingPeriod period, string? adminUnit, out ReadValue value) =>
        TryRead(indicator, period, adminUnit, boundary: null, out value);

    /// <summary>
    /// Reads an indicator for a period and a boundary of a merged locality (null: the former unit; a joined unit's code;
    /// <see cref="Succession.MergedBoundary"/>: the merged locality, given or added up from its parts).
    /// </summary>
    /// <exception cref="DataException">The share computed from the counts read would exceed 100%.</exception>
    public bool TryRead(IndicatorId indicator, ReportingPeriod period, string? adminUnit, string? boundary, out ReadValue value)
    {
        var used = new List<Figure>(2);
        if (TryRead(OrdinalOf(indicator), period, adminUnit, boundary, used, out var read, out var numerator, out var denominator))
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
    internal bool TryRead(int ordinal, ReportingPeriod period, string? adminUnit, List<Figure> used, out decimal value, out decimal? numerator, out decimal? denominator) =>
        TryRead(ordinal, period, adminUnit, null, used, out value, out numerator, out denominator);

    /// <summary>As above, for a boundary of a merged locality.</summary>
    internal bool TryRead(int ordinal, ReportingPeriod period, string? adminUnit, string? boundary, List<Figure> used, out decimal value, out decimal? numerator, out decimal? denominator)
    {
        numerator = null;
        denominator = null;
        if (_index.IsShare[ordinal])
        {
            var mark = used.Count;
            if (TryReadCount(_index.Numerator[ordinal], period, adminUnit, boundary, used, out var top) &&
                TryReadCount(_index.Denominator[ordinal], period, adminUnit, boundary, used, out var bottom) &&
                bottom > 0)
            {
                if (top > bottom)
                {
                    // Directly given counts are checked when the table is built; this is counts added up from parts.
                    throw new DataException(
                        $"'{_index.Indicators[_index.Numerator[ordinal]].Id}' adds up to {Number(top)}, above its denominator " +
                        $"'{_index.Indicators[_index.Denominator[ordinal]].Id}' ({Number(bottom)}) for {period}{UnitSuffix(adminUnit)}{BoundarySuffix(boundary)}, " +
                        $"so the share '{_index.Indicators[ordinal].Id}' would exceed 100% ({Cite(used.Skip(mark))})",
                        used[mark].Source);
                }

                value = top * 100m / bottom;
                numerator = top;
                denominator = bottom;
                return true;
            }

            used.RemoveRange(mark, used.Count - mark);
            if (TryGet(ordinal, period, adminUnit, boundary, out var share) || TryGetStockAtEnd(ordinal, period, adminUnit, boundary, out share))
            {
                used.Add(share);
                value = share.Value;
                return true;
            }

            value = 0;
            return false;
        }

        return TryReadCount(ordinal, period, adminUnit, boundary, used, out value);
    }

    /// <summary>
    /// For a share whose two counts are both read, the denominator's id when it is zero (the share cannot be computed:
    /// nothing to take a percentage of); otherwise null.
    /// </summary>
    internal IndicatorId? ZeroDenominator(int ordinal, ReportingPeriod period, string? adminUnit, string? boundary = null)
    {
        if (!_index.IsShare[ordinal])
        {
            return null;
        }

        var scratch = new List<Figure>(2);
        return TryReadCount(_index.Numerator[ordinal], period, adminUnit, boundary, scratch, out _) &&
               TryReadCount(_index.Denominator[ordinal], period, adminUnit, boundary, scratch, out var bottom) &&
               bottom == 0
            ? _index.Indicators[_index.Denominator[ordinal]].Id
            : null;
    }

    /// <summary>A count for a period: given, else from its parts in time, its units, or a merged locality's parts.</summary>
    private bool TryReadCount(int ordinal, ReportingPeriod period, string? adminUnit, string? boundary, List<Figure> used, out decimal value)
    {
        if (TryGet(ordinal, period, adminUnit, boundary, out var figure))
        {
            used.Add(figure);
            value = figure.Value;
            return true;
        }

        if (_index.IsStock[ordinal]
                ? TryReadStockAtEnd(ordinal, period, adminUnit, boundary, used, out value)
                : TryAddUpInTime(ordinal, period, adminUnit, boundary, used, out value))
        {
            return true;
        }

        if (adminUnit is null && _unitsByIndicator is not null && _unitsByIndicator.ContainsKey(ordinal) &&
            TryAddUp(Units(ordinal, period, boundary), ordinal, used, out value))
        {
            return true;
        }

        if (boundary == Succession.MergedBoundary && Succession is { } succession &&
            TryAddUp(Merged(succession, period, adminUnit), ordinal, used, out value))
        {
            return true;
        }

        value = 0;
        return false;
    }

    /// <summary>A stock not given for the period itself: the figure for another period ending on the same day.</summary>
    private bool TryReadStockAtEnd(int ordinal, ReportingPeriod period, string? adminUnit, string? boundary, List<Figure> used, out decimal value)
    {
        if (TryGetStockAtEnd(ordinal, period, adminUnit, boundary, out var figure))
        {
            used.Add(figure);
            value = figure.Value;
            return true;
        }

        if (period.Kind == PeriodKind.Span)
        {
            return TryReadCount(ordinal, ReportingPeriod.Year(period.EndYear), adminUnit, boundary, used, out value);
        }

        value = 0;
        return false;
    }

    private bool TryGetStockAtEnd(int ordinal, ReportingPeriod period, string? adminUnit, string? boundary, out Figure figure)
    {
        if (_stocksByEnd is not null && _index.IsStock[ordinal] &&
            _stocksByEnd.TryGetValue(new EndKey(ordinal, period.End, adminUnit, boundary), out var atEnd) && Usable(atEnd))
        {
            figure = atEnd;
            return true;
        }

        figure = null!;
        return false;
    }

    /// <summary>A flow not given for the period itself: a year from its halves, a half from its quarters, a span from its years.</summary>
    private bool TryAddUpInTime(int ordinal, ReportingPeriod period, string? adminUnit, string? boundary, List<Figure> used, out decimal value)
    {
        switch (period.Kind)
        {
            case PeriodKind.Span:
                return TryAddUpYears(ordinal, period, adminUnit, boundary, used, out value);
            case PeriodKind.Year when _hasPartsOfYears:
                return TryAddUp([new(ReportingPeriod.Half(period.StartYear, 1), adminUnit, boundary), new(ReportingPeriod.Half(period.StartYear, 2), adminUnit, boundary)], ordinal, used, out value);
            case PeriodKind.Half when _hasPartsOfYears:
                var first = (period.Part * 2) - 1;
                return TryAddUp([new(ReportingPeriod.Quarter(period.StartYear, first), adminUnit, boundary), new(ReportingPeriod.Quarter(period.StartYear, first + 1), adminUnit, boundary)], ordinal, used, out value, direct: true);
            default:
                value = 0;
                return false;
        }
    }

    /// <summary>
    /// The sum of a count over parts (periods, units or merged units), each read in full, or only as given when
    /// <paramref name="direct"/>; false, with nothing appended to <paramref name="used"/>, when a part is missing.
    /// </summary>
    private bool TryAddUp(IEnumerable<Part> parts, int ordinal, List<Figure> used, out decimal value, bool direct = false)
    {
        var mark = used.Count;
        decimal sum = 0;
        var any = false;
        foreach (var part in parts)
        {
            if (direct
                    ? TryGetUsed(ordinal, part.Period, part.AdminUnit, part.Boundary, used, out var partValue)
                    : TryReadCount(ordinal, part.Period, part.AdminUnit, part.Boundary, used, out partValue))
            {
                sum += partValue;
                any = true;
                continue;
            }

            used.RemoveRange(mark, used.Count - mark);
            value = 0;
            return false;
        }

        value = sum;
        return any;
    }

    /// <summary>
    /// <see cref="TryAddUp"/> over the years of a span, without building the parts: deadline and cumulative targets read a
    /// span for every commune and as-of date.
    /// </summary>
    private bool TryAddUpYears(int ordinal, ReportingPeriod span, string? adminUnit, string? boundary, List<Figure> used, out decimal value)
    {
        var mark = used.Count;
        decimal sum = 0;
        for (var i = 0; i < span.YearCount; i++)
        {
            if (!TryReadCount(ordinal, ReportingPeriod.Year(span.StartYear + i), adminUnit, boundary, used, out var yearValue))
            {
                used.RemoveRange(mark, used.Count - mark);
                value = 0;
                return false;
            }

            sum += yearValue;
        }

        value = sum;
        return span.YearCount > 0;
    }

    private IEnumerable<Part> Units(int ordinal, ReportingPeriod period, string? boundary) =>
        UnitsFor(ordinal).Select(unit => new Part(period, unit, boundary));

    private static IEnumerable<Part> Merged(Succession succession, ReportingPeriod period, string? adminUnit) =>
        succession.Parts.Select(boundary => new Part(period, adminUnit, boundary));

    private bool TryGetUsed(int ordinal, ReportingPeriod period, string? adminUnit, string? boundary, List<Figure> used, out decimal value)
    {
        if (TryGet(ordinal, period, adminUnit, boundary, out var figure))
        {
            used.Add(figure);
            value = figure.Value;
            return true;
        }

        value = 0;
        return false;
    }

    /// <summary>The figure reported for exactly this indicator, period, unit and boundary, if it is read as of the cut-off.</summary>
    private bool TryGet(int ordinal, ReportingPeriod period, string? adminUnit, string? boundary, out Figure figure)
    {
        if (_yearly is not null && adminUnit is null && boundary is null && period.Kind == PeriodKind.Year)
        {
            // Every yearly figure of the locality as a whole is in the array, so a year outside its range has none.
            var offset = period.StartYear - _firstYear;
            if ((uint)offset < (uint)_yearCount && _yearly[(ordinal * _yearCount) + offset] is { } yearly && Usable(yearly))
            {
                figure = yearly;
                return true;
            }

            figure = null!;
            return false;
        }

        if (_others is not null && _others.TryGetValue(new FigureKey(ordinal, period, adminUnit, boundary), out var other) && Usable(other))
        {
            figure = other;
            return true;
        }

        figure = null!;
        return false;
    }

    private bool Usable(Figure figure) =>
        figure.Period.EndYear < _cutoffYear || (figure.Period.EndYear == _cutoffYear && (_cutoffAtYearEnd || figure.Period.End <= _cutoff!.Value));

    /// <summary>Whether a period ends after the date this view reads the figures as of (never, when it reads them all).</summary>
    internal bool EndsAfterCutoff(ReportingPeriod period) =>
        period.EndYear > _cutoffYear || (period.EndYear == _cutoffYear && !_cutoffAtYearEnd && period.End > _cutoff!.Value);

    /// <summary>Files a figure; false (with the figure already there) when it is a duplicate.</summary>
    private bool TryFile(int ordinal, Figure figure, string? boundary, ref Dictionary<FigureKey, Figure>? others, out Figure first)
    {
        if (_yearly is not null && figure.AdminUnit is null && boundary is null && figure.Period.Kind == PeriodKind.Year)
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
        var key = new FigureKey(ordinal, figure.Period, figure.AdminUnit, boundary);
        if (!others.TryAdd(key, figure))
        {
            first = others[key];
            return false;
        }

        first = figure;
        return true;
    }

    /// <summary>Files a stock by the day it stands at, refusing two figures for the same day that disagree.</summary>
    private void FileStock(int ordinal, Figure figure, string? boundary, Dataset dataset)
    {
        var key = new EndKey(ordinal, figure.Period.End, figure.AdminUnit, boundary);
        if (!_stocksByEnd!.TryAdd(key, figure) && _stocksByEnd[key] is { } earlier && earlier.Value != figure.Value)
        {
            throw new DataException(
                $"'{figure.Indicator}' is a stock (a state at a date), and two figures for {figure.Period.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}" +
                $"{UnitSuffix(figure.AdminUnit)}{BoundarySuffix(boundary)} disagree: {earlier.Period} {Number(earlier.Value)}{At(earlier)} and {figure.Period} {Number(figure.Value)}",
                Locate(figure, dataset));
        }
    }

    /// <summary>The boundary a figure is filed under (null for the former unit), refusing one the locality does not have.</summary>
    private string? CheckBoundary(Figure figure, Dataset dataset)
    {
        if (figure.Boundary is not { } boundary || boundary == Succession.FormerBoundary)
        {
            return null;
        }

        if (Succession is not { } succession)
        {
            throw new DataException(
                $"the figure names the boundary '{boundary}', but this locality has no merger declared (plugin.json 'succession'); leave 'boundary' out", Locate(figure, dataset));
        }

        return succession.Boundaries.Contains(boundary, StringComparer.Ordinal)
            ? boundary
            : throw new DataException(
                $"unknown boundary '{boundary}'{DidYouMean.Hint(boundary, succession.Boundaries)} (known: {string.Join(", ", succession.Boundaries)})", Locate(figure, dataset));
    }

    /// <summary>As <see cref="UnitsFor(IndicatorId)"/>, by the indicator's number.</summary>
    internal IReadOnlyList<string> UnitsFor(int ordinal) => _unitsFor[ordinal] ??= ComputeUnitsFor(ordinal);

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
    private void CheckSharesAreConsistent(ReadOnlySpan<Figure> figures, int[] ordinals, SourceLocation datasetLocation)
    {
        var worstShare = int.MaxValue;
        Figure? top = null, bottom = null;
        for (var i = 0; i < figures.Length; i++)
        {
            foreach (var (share, denominator) in _index.SharesWithNumerator[ordinals[i]])
            {
                if (share >= worstShare)
                {
                    break;
                }

                var figure = figures[i];
                if (TryGet(denominator, figure.Period, figure.AdminUnit, Normalized(figure.Boundary), out var below) && figure.Value > below.Value)
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
                $"'{top.Indicator}' ({Number(top.Value)}) is above its denominator " +
                $"'{bottom.Indicator}' ({Number(bottom.Value)}) for {top.Period}{UnitSuffix(top.AdminUnit)}, " +
                $"so the share '{_index.Indicators[worstShare].Id}' would exceed 100%",
                top.Source ?? datasetLocation);
        }
    }

    /// <summary>
    /// Refuses a count given together with parts that add up to something else: a flow's year (or half, or span) and its
    /// halves, quarters or years; the locality as a whole and its units; a merged locality and its parts. Each error names
    /// both sides with where they were read.
    /// </summary>
    private void CheckWholesAgreeWithParts(ReadOnlySpan<Figure> figures, int[] ordinals, Dataset dataset)
    {
        var parts = new List<Figure>(8);
        for (var i = 0; i < figures.Length; i++)
        {
            var figure = figures[i];
            var ordinal = ordinals[i];
            if (_index.IsShare[ordinal])
            {
                continue;
            }

            var boundary = Normalized(figure.Boundary);
            var period = figure.Period;
            parts.Clear();
            if (!_index.IsStock[ordinal] && TryAddUpInTime(ordinal, period, figure.AdminUnit, boundary, parts, out var inTime) && inTime != figure.Value)
            {
                throw Contradiction(figure, period.Kind switch
                {
                    PeriodKind.Span => "its years add up to",
                    PeriodKind.Year => "its halves (or quarters) add up to",
                    _ => "its quarters add up to",
                }, inTime, parts, dataset);
            }

            parts.Clear();
            if (figure.AdminUnit is null && _unitsByIndicator is not null && _unitsByIndicator.ContainsKey(ordinal) &&
                TryAddUp(Units(ordinal, period, boundary), ordinal, parts, out var byUnits) && byUnits != figure.Value)
            {
                throw Contradiction(figure, "its units add up to", byUnits, parts, dataset);
            }

            parts.Clear();
            if (boundary == Succession.MergedBoundary && Succession is { } succession &&
                TryAddUp(Merged(succession, period, figure.AdminUnit), ordinal, parts, out var byParts) && byParts != figure.Value)
            {
                throw Contradiction(figure, $"the units merged into it ({string.Join(", ", succession.Parts.Select(succession.NameOf))}) add up to", byParts, parts, dataset);
            }
        }
    }

    private static DataException Contradiction(Figure whole, string what, decimal sum, List<Figure> parts, Dataset dataset) => new(
        $"'{whole.Indicator}' for {whole.Period}{UnitSuffix(whole.AdminUnit)}{BoundarySuffix(Normalized(whole.Boundary))} is given as {Number(whole.Value)}, " +
        $"but {what} {Number(sum)} ({string.Join(" + ", parts.Select(p => $"{p.Period}{UnitSuffix(p.AdminUnit)}{BoundarySuffix(Normalized(p.Boundary))} {Number(p.Value)}{At(p)}"))}); " +
        "give one or make them agree",
        Locate(whole, dataset));

    /// <summary>
    /// Whether a figure is plainly within what <see cref="FigureLimits"/> and the checks after it allow (not negative, a share
    /// at most 100%): the cheap test that spares most figures the full one, which names what is wrong.
    /// </summary>
    private static bool IsPlainlyInRange(decimal value, bool isShare) =>
        !decimal.IsNegative(value) && value <= (isShare ? 100m : FigureLimits.MaxMagnitude) && (value >= FigureLimits.MinMagnitude || value == 0m);

    private static ReadOnlySpan<Figure> Copy(IReadOnlyList<Figure> figures, Figure[] into)
    {
        for (var i = 0; i < figures.Count; i++)
        {
            into[i] = figures[i];
        }

        return into.AsSpan(0, figures.Count);
    }

    private static string Cite(IEnumerable<Figure> figures) =>
        string.Join(" + ", figures.Select(f => $"{f.Indicator} {f.Period}{UnitSuffix(f.AdminUnit)}{BoundarySuffix(Normalized(f.Boundary))} {Number(f.Value)}{At(f)}"));

    private static string At(Figure figure) => figure.Source is { } source ? $" at {source}" : string.Empty;

    private static string? Normalized(string? boundary) => boundary is null or Succession.FormerBoundary ? null : boundary;

    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static SourceLocation Locate(Figure figure, Dataset dataset) => figure.Source ?? new SourceLocation(dataset.SourceFile ?? "dataset");

    private static string UnitSuffix(string? unit) => unit is null ? string.Empty : $" ({unit})";

    private static string BoundarySuffix(string? boundary) => boundary is null ? string.Empty : $" [boundary {boundary}]";

    private readonly record struct FigureKey(int Indicator, ReportingPeriod Period, string? AdminUnit, string? Boundary);

    private readonly record struct EndKey(int Indicator, DateOnly End, string? AdminUnit, string? Boundary);

    /// <summary>A part a count is added up from: a period, for a unit and a boundary.</summary>
    private readonly record struct Part(ReportingPeriod Period, string? AdminUnit, string? Boundary);
}

/// <summary>
/// A catalog's indicators numbered 0..n−1 in catalog order, with each share's counts, each indicator's stock or flow and,
/// for each count, the shares it is the numerator of: computed once per catalog and shared by every
/// <see cref="FigureTable"/> over it.
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
        IsStock = new bool[Indicators.Length];
        Numerator = new int[Indicators.Length];
        Denominator = new int[Indicators.Length];
        var shares = new List<(int Share, int Denominator)>[Indicators.Length];
        for (var i = 0; i < Indicators.Length; i++)
        {
            var indicator = Indicators[i];
            IsShare[i] = indicator.IsShare;
            IsStock[i] = catalog.StockOrFlowOf(indicator.Id) == StockOrFlow.Stock;
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

    /// <summary>Whether each indicator is a stock (for a share: both its counts are), read at the end of a period.</summary>
    public bool[] IsStock { get; }

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
