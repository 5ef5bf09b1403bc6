using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using Targets.Core.Evaluation;
using Targets.Rules.Engine;
using Targets.Rules.Narratives;
using Targets.Rules.Plugins;
using Targets.Rules.RuleSets;

namespace Targets.Benchmarks;

/// <summary>Compiling every shipped rule set (4 plugins, 91 targets): with and without reading the embedded JSON.</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class CompileBenchmarks
{
    private (ITargetsPlugin Plugin, IReadOnlyList<RuleSet> RuleSets)[] _read = [];
    private readonly NRulesRuleEngine _engine = new();

    [GlobalSetup]
    public void Setup() => _read = [.. NationalDataset.LoadShipped().Select(l => (l.Plugin, l.Plugin.LoadRuleSets()))];

    /// <summary>Every target becomes an NRules rule (plugin expressions parsed and checked), and NRules compiles them, with FastExpressionCompiler.</summary>
    [Benchmark]
    public int CompileAllShipped()
    {
        var targets = 0;
        foreach (var (plugin, ruleSets) in _read)
        {
            targets += _engine.Compile(plugin.Locality, ruleSets, plugin.RuleTypes).RuleSets.Sum(set => set.Targets.Count);
        }

        return targets;
    }

    /// <summary>As above, reading each rule set from its embedded JSON first (syntax, schema, mapping).</summary>
    [Benchmark]
    public int LoadAndCompileAllShipped()
    {
        var targets = 0;
        foreach (var (plugin, _) in _read)
        {
            targets += _engine.Compile(plugin.Locality, plugin.LoadRuleSets(), plugin.RuleTypes).RuleSets.Sum(set => set.Targets.Count);
        }

        return targets;
    }
}

/// <summary>One locality's bundled sample: evaluated, and its narrative rendered.</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class SampleBenchmarks
{
    private ShippedLocality _locality = null!;
    private Targets.Core.Data.Dataset _sample = null!;
    private Assessment _assessment = null!;
    private IReadOnlyDictionary<string, TemplateText> _templates = null!;
    private readonly NarrativeRenderer _renderer = new();

    [Params("can-tho", "quang-ninh", "tay-ninh", "hai-phong")]
    public string Locality { get; set; } = "can-tho";

    [GlobalSetup]
    public void Setup()
    {
        _locality = NationalDataset.LoadShipped().Single(l => l.Rules.Locality.Code == Locality);
        _sample = _locality.Plugin.LoadSample();
        _templates = _locality.Plugin.LoadTemplates();
        _assessment = _locality.Rules.Evaluate(_sample);
        _renderer.Render(_assessment, _locality.Rules, _templates);
    }

    [Benchmark]
    public int EvaluateSample() => _locality.Rules.Evaluate(_sample).Results.Count;

    [Benchmark]
    public int RenderSample() => _renderer.Render(_assessment, _locality.Rules, _templates).Length;
}

/// <summary>
/// The national batch: 3,321 communes, each evaluated as of the end of every year 2021–2025 (586,097 target results). The
/// hand-written floor is the baseline of the ratio column; the narratives are in <see cref="NarrativeBatchBenchmarks"/>.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class NationalBenchmarks
{
    private Workloads _work = null!;

    [GlobalSetup]
    public void Setup()
    {
        _work = new Workloads();
        _work.VerifyFloor(step: 25);
    }

    /// <summary>The floor: plain C# over figures pre-indexed in flat arrays, statuses only.</summary>
    [Benchmark(Baseline = true)]
    public long HandWrittenFloor() => _work.Floor(new int[8]);

    /// <summary>The floor including its own indexing of each commune's dataset.</summary>
    [Benchmark]
    public long HandWrittenFloorWithIndexing() => _work.FloorWithIndexing(new int[8]);

    /// <summary>Checking and indexing every commune's figures (the first step of an evaluation).</summary>
    [Benchmark]
    public long IndexFigures() => _work.IndexOnly();

    /// <summary>Every commune × year through <see cref="ICompiledRuleSet.Evaluate"/> (indexes the figures each time).</summary>
    [Benchmark]
    public long EvaluatePerDataset() => _work.EvaluatePerDataset(new int[8]);

    /// <summary>Every commune × year through <see cref="ICompiledRuleSet.EvaluateMany"/> (each commune indexed once).</summary>
    [Benchmark]
    public long EvaluateBulk() => _work.EvaluateBulk(new int[8]);

    // The narratives and the whole batch end to end: NarrativeBatchBenchmarks, against evaluation alone.
}

/// <summary>
/// Issue 9: the national narrative batch (3,321 commune reports as of 2025) against evaluation alone (the bulk path, the
/// baseline of the ratio column): the report models, the templates, both together, and the whole batch end to end. Each
/// runs twice: with the runtime's default garbage collector settings, and as a batch host would run it
/// (<see cref="NarrativeBatchConfig"/>).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(NarrativeBatchConfig))]
public class NarrativeBatchBenchmarks
{
    private Workloads _work = null!;
    private Assessment[] _latest = [];
    private Targets.Rules.Reporting.Report[] _reports = [];

    [GlobalSetup]
    public void Setup()
    {
        _work = new Workloads();
        _latest = _work.LatestAssessments();
        _reports = _work.BuildReports(_latest);
        _work.Render(_latest.Take(8).ToArray());
    }

    /// <summary>Every commune × year through the bulk API: evaluation alone.</summary>
    [Benchmark(Baseline = true)]
    public long EvaluateBulk() => _work.EvaluateBulk(new int[8]);

    /// <summary>Every commune's report model, as of 2025 (<c>ReportBuilder</c>), from assessments computed beforehand.</summary>
    [Benchmark]
    public int BuildReports() => _work.BuildReports(_latest).Length;

    /// <summary>Every commune's report model rendered through the templates, the models built beforehand.</summary>
    [Benchmark]
    public long RenderReports() => _work.RenderReports(_reports);

    /// <summary>Every commune's narrative (model and templates), as of 2025, from assessments computed beforehand.</summary>
    [Benchmark]
    public long RenderNarratives() => _work.Render(_latest);

    /// <summary>The whole batch on one thread: bulk evaluation of every commune × year, and every commune's narrative.</summary>
    [Benchmark]
    public long EndToEnd() => _work.EndToEnd(new int[8]);

    /// <summary>The whole batch with the communes split over the cores.</summary>
    [Benchmark]
    public long EndToEndParallel() => _work.EndToEndParallel(new int[8]);
}

/// <summary>
/// Issue 10: one province's figures read from a filled-in workbook: 3,321 communes as units of one province (the national
/// dataset held to can-tho's rule sets), one row per figure; the year's report (2025) and the whole history (2020–2025,
/// 940,298 rows, near a sheet's limit of 1,048,576). The goal: under 2 s.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class WorkbookBenchmarks
{
    private byte[] _workbook = [];
    private string _locality = string.Empty;
    private ICompiledRuleSet _rules = null!;

    /// <summary>Which figures the workbook holds: one year's, or every year's.</summary>
    [Params("2025", "2020-2025")]
    public string Years { get; set; } = "2025";

    [GlobalSetup]
    public void Setup()
    {
        (_workbook, var figures, _locality) = ProvinceWorkbook.Generate(Years == "2025" ? 2025 : null);
        _rules = NationalDataset.LoadShipped()[0].Rules;
        Console.WriteLine($"// workbook: {figures:N0} figure rows, {_workbook.Length / 1048576.0:0.0} MB");
    }

    /// <summary>The workbook read as a dataset: package checks, shared strings, every row parsed into a figure.</summary>
    [Benchmark]
    public int ReadProvinceWorkbook() => Targets.Spreadsheets.Reading.XlsxDatasetReader.Read("province.xlsx", _workbook, _locality).Figures.Count;

    /// <summary>Read, then checked and indexed as JSON data is (<c>FigureTable</c>: units, contradictions, shares).</summary>
    [Benchmark]
    public int ReadAndCheckProvinceWorkbook() =>
        _rules.Index(Targets.Spreadsheets.Reading.XlsxDatasetReader.Read("province.xlsx", _workbook, _locality)).AdminUnits.Count;
}

/// <summary>
/// The narrative batch's two jobs. <b>Default GC</b>: the runtime as it comes. <b>Batch host GC</b>: a generation-0 budget of
/// 64 MB (<c>DOTNET_GCgen0size</c>) and strings of up to 192 KB kept out of the large-object heap
/// (<c>DOTNET_GCLOHThreshold</c>, also <c>System.GC.LOHThreshold</c> in a host's runtimeconfig.json). This machine's
/// virtual processor reports no cache sizes, so the collector falls back to a budget of about 3 MB and collects every
/// 3 MB allocated (about 400 times a batch on one thread, pausing both cores); and each report's final string, about 80 KB, lands in
/// the large-object heap, whose pages the kernel clears again for every report. Three warm-up rounds: with one, the
/// two-core rows were still falling (1.23, 1.07, 0.98, 0.81, 0.79 s) while the tiered compiler caught up.
/// </summary>
public sealed class NarrativeBatchConfig : ManualConfig
{
    /// <summary>Both jobs, one launch each, three warm-up and five measured rounds.</summary>
    public NarrativeBatchConfig()
    {
        var rounds = Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(5);
        AddJob(rounds.WithId("Default GC"));
        AddJob(rounds.WithEnvironmentVariables(
            new EnvironmentVariable("DOTNET_GCgen0size", "0x4000000"),
            new EnvironmentVariable("DOTNET_GCLOHThreshold", "0x30000")).WithId("Batch host GC"));
    }
}
