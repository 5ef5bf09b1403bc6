using Targets.Core.Evaluation;
using Targets.Rules.Engine;
using Targets.Rules.Narratives;
using Targets.Rules.Plugins;

namespace Targets.Benchmarks;

/// <summary>The workloads, shared by the benchmarks and the one-shot modes of <c>Program</c>.</summary>
public sealed class Workloads
{
    private readonly HandWrittenEvaluator[] _floors;
    private readonly IReadOnlyDictionary<string, TemplateText>[] _templates;

    /// <summary>Loads and compiles the shipped plugins and generates the national dataset.</summary>
    public Workloads(int communes = NationalDataset.CommuneCount)
    {
        Data = NationalDataset.Generate(NationalDataset.LoadShipped(), communes: communes);
        _floors = [.. Data.Localities.Select(l => new HandWrittenEvaluator(l.Rules))];
        _templates = [.. Data.Localities.Select(l => l.Plugin.LoadTemplates())];
        FloorFigures = [.. Data.Communes.Select(c => _floors[c.Locality].Index(c.Data))];
        Renderer = new NarrativeRenderer();
    }

    /// <summary>The national dataset.</summary>
    public NationalDataset Data { get; }

    /// <summary>The communes' figures, pre-indexed for the floor.</summary>
    public FloorFigures[] FloorFigures { get; }

    /// <summary>The renderer (templates parsed once, shared).</summary>
    public NarrativeRenderer Renderer { get; }

    private static IReadOnlyList<EvaluationOptions> Years => NationalDataset.AsOfEachYear;

    /// <summary>The floor over pre-indexed figures: every commune, every as-of year.</summary>
    /// <returns>The number of results.</returns>
    public long Floor(int[] statusCounts)
    {
        long results = 0;
        var latest = new AssessmentStatus[64];
        for (var i = 0; i < Data.Communes.Count; i++)
        {
            var floor = _floors[Data.Communes[i].Locality];
            for (var year = NationalDataset.FirstYear; year <= NationalDataset.LastYear; year++)
            {
                results += floor.Evaluate(FloorFigures[i], year, statusCounts, latest);
            }
        }

        return results;
    }

    /// <summary>The floor including its own indexing of each commune's dataset.</summary>
    public long FloorWithIndexing(int[] statusCounts)
    {
        long results = 0;
        var latest = new AssessmentStatus[64];
        foreach (var commune in Data.Communes)
        {
            var floor = _floors[commune.Locality];
            var figures = floor.Index(commune.Data);
            for (var year = NationalDataset.FirstYear; year <= NationalDataset.LastYear; year++)
            {
                results += floor.Evaluate(figures, year, statusCounts, latest);
            }
        }

        return results;
    }

    /// <summary>Every commune, every as-of year, through the per-dataset <see cref="ICompiledRuleSet.Evaluate"/>.</summary>
    public long EvaluatePerDataset(int[] statusCounts)
    {
        long results = 0;
        foreach (var commune in Data.Communes)
        {
            var rules = Data.Localities[commune.Locality].Rules;
            foreach (var options in Years)
            {
                results += Count(rules.Evaluate(commune.Data, options), statusCounts);
            }
        }

        return results;
    }

    /// <summary>Every commune, every as-of year, through the bulk API (one call per locality).</summary>
    public long EvaluateBulk(int[] statusCounts)
    {
        long results = 0;
        for (var l = 0; l < Data.Localities.Count; l++)
        {
            var datasets = Data.Communes.Where(c => c.Locality == l).Select(c => c.Data).ToList();
            foreach (var assessment in Data.Localities[l].Rules.EvaluateMany(datasets, Years))
            {
                results += Count(assessment.Assessment, statusCounts);
            }
        }

        return results;
    }

    /// <summary>Checks and indexes every commune's figures (the first step of every evaluation).</summary>
    public long IndexOnly()
    {
        long figures = 0;
        foreach (var commune in Data.Communes)
        {
            figures += Data.Localities[commune.Locality].Rules.Index(commune.Data).AdminUnits.Count + 1;
        }

        return figures;
    }

    /// <summary>Each commune's assessment as of the last year, kept for rendering.</summary>
    public Assessment[] LatestAssessments()
    {
        var last = Years[^1];
        return [.. Data.Communes.Select(c => Data.Localities[c.Locality].Rules.Evaluate(c.Data, last))];
    }

    /// <summary>Renders the narrative of every commune (as of the last year).</summary>
    /// <returns>Total characters written.</returns>
    public long Render(Assessment[] latest)
    {
        long characters = 0;
        for (var i = 0; i < latest.Length; i++)
        {
            var locality = Data.Communes[i].Locality;
            characters += Renderer.Render(latest[i], Data.Localities[locality].Rules, _templates[locality]).Length;
        }

        return characters;
    }

    /// <summary>Every commune's report model (as of the last year): the first half of rendering, without the templates.</summary>
    public Targets.Rules.Reporting.Report[] BuildReports(Assessment[] latest)
    {
        var reports = new Targets.Rules.Reporting.Report[latest.Length];
        for (var i = 0; i < latest.Length; i++)
        {
            reports[i] = Targets.Rules.Reporting.ReportBuilder.Build(latest[i], Data.Localities[Data.Communes[i].Locality].Rules);
        }

        return reports;
    }

    /// <summary>Renders report models built beforehand: the templates alone.</summary>
    /// <returns>Total characters written.</returns>
    public long RenderReports(Targets.Rules.Reporting.Report[] reports) => RenderReports(reports, _ => true);

    /// <summary>Renders the report models of the communes held to some of the plugins (by index): the templates alone.</summary>
    /// <returns>Total characters written.</returns>
    public long RenderReports(Targets.Rules.Reporting.Report[] reports, Func<int, bool> locality)
    {
        long characters = 0;
        for (var i = 0; i < reports.Length; i++)
        {
            if (locality(Data.Communes[i].Locality))
            {
                characters += Renderer.Render(reports[i], _templates[Data.Communes[i].Locality]).Length;
            }
        }

        return characters;
    }

    /// <summary>The index of each plugin that ships templates of its own, and their names.</summary>
    public IEnumerable<(int Locality, string Code, string Overrides)> PluginsWithTemplates() =>
        Data.Localities.Select((l, i) => (i, l.Plugin.Locality.Code, string.Join(", ", _templates[i].Keys.Order(StringComparer.Ordinal))))
            .Where(p => p.Item3.Length > 0);

    /// <summary>Every commune's narrative text (as of the last year), in commune order.</summary>
    public IEnumerable<string> Narratives(Assessment[] latest, NarrativeFormat format = NarrativeFormat.Text)
    {
        for (var i = 0; i < latest.Length; i++)
        {
            var locality = Data.Communes[i].Locality;
            yield return Renderer.Render(latest[i], Data.Localities[locality].Rules, _templates[locality], format);
        }
    }

    /// <summary>The whole batch: every commune evaluated as of every year in bulk, and its narrative as of the last year rendered.</summary>
    /// <returns>Results counted plus characters written.</returns>
    public long EndToEnd(int[] statusCounts)
    {
        long total = 0;
        for (var l = 0; l < Data.Localities.Count; l++)
        {
            var locality = Data.Localities[l];
            var datasets = Data.Communes.Where(c => c.Locality == l).Select(c => c.Data).ToList();
            foreach (var item in locality.Rules.EvaluateMany(datasets, Years))
            {
                total += Count(item.Assessment, statusCounts);
                if (item.Options == Years.Count - 1)
                {
                    total += Renderer.Render(item.Assessment, locality.Rules, _templates[l]).Length;
                }
            }
        }

        return total;
    }

    /// <summary>The whole batch, the communes split over the machine's cores.</summary>
    public long EndToEndParallel(int[] statusCounts)
    {
        long total = 0;
        var partitions = Environment.ProcessorCount;
        var counts = new int[partitions][];
        Parallel.For(0, partitions, new ParallelOptions { MaxDegreeOfParallelism = partitions }, p =>
        {
            var mine = counts[p] = new int[statusCounts.Length];
            long sum = 0;
            for (var l = 0; l < Data.Localities.Count; l++)
            {
                var locality = Data.Localities[l];
                var datasets = Data.Communes.Where(c => c.Locality == l && c.Index % partitions == p).Select(c => c.Data).ToList();
                foreach (var item in locality.Rules.EvaluateMany(datasets, Years))
                {
                    sum += Count(item.Assessment, mine);
                    if (item.Options == Years.Count - 1)
                    {
                        sum += Renderer.Render(item.Assessment, locality.Rules, _templates[l]).Length;
                    }
                }
            }

            Interlocked.Add(ref total, sum);
        });
        foreach (var mine in counts)
        {
            for (var s = 0; s < statusCounts.Length; s++)
            {
                statusCounts[s] += mine[s];
            }
        }

        return total;
    }

    /// <summary>Checks the floor against the engine on every <paramref name="step"/>-th commune, every as-of year.</summary>
    /// <exception cref="InvalidOperationException">They disagree.</exception>
    public void VerifyFloor(int step = 1)
    {
        for (var i = 0; i < Data.Communes.Count; i += step)
        {
            var commune = Data.Communes[i];
            foreach (var options in Years)
            {
                var assessment = Data.Localities[commune.Locality].Rules.Evaluate(commune.Data, options);
                if (_floors[commune.Locality].Verify(FloorFigures[i], assessment) is { } difference)
                {
                    throw new InvalidOperationException($"the floor and the engine disagree on commune {i} ({commune.Data.Locality}): {difference}");
                }
            }
        }
    }

    private static int Count(Assessment assessment, int[] statusCounts)
    {
        var results = assessment.Results;
        for (var r = 0; r < results.Count; r++)
        {
            statusCounts[(int)results[r].Status]++;
        }

        return results.Count;
    }
}
