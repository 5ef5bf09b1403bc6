using System.Diagnostics;
using BenchmarkDotNet.Running;
using Targets.Benchmarks;

// dotnet run -c Release --project benchmarks/Targets.Benchmarks -- --filter '*'    BenchmarkDotNet, every benchmark
// dotnet run -c Release --project benchmarks/Targets.Benchmarks -- verify          the floor against the engine, every commune
// dotnet run -c Release --project benchmarks/Targets.Benchmarks -- batch           the whole batch once: wall time, peak memory
// dotnet run -c Release --project benchmarks/Targets.Benchmarks -- narratives [md] SHA-256 of every commune's narrative (text; md: and Markdown)
// dotnet run -c Release --project benchmarks/Targets.Benchmarks -- templates [rounds] [--locality CODE]  the templates alone, a few rounds
switch (args.FirstOrDefault())
{
    case "verify":
        return Modes.Verify();
    case "narratives":
        return Modes.NarrativeHash(args.Skip(1).ToArray());
    case "evaluate-loop":
        {
            var work = new Workloads();
            for (var i = 0; i < 8; i++)
            {
                work.EvaluateBulk(new int[8]);
            }

            return 0;
        }
    case "models-loop":
        {
            // For a profiler: the report models of every commune, built again and again.
            var work = new Workloads(args.Contains("--small") ? 400 : NationalDataset.CommuneCount);
            var latest = work.LatestAssessments();
            for (var i = 0; i < 6; i++)
            {
                for (var c = 0; c < latest.Length; c++)
                {
                    Targets.Rules.Reporting.ReportBuilder.Build(latest[c], work.Data.Localities[work.Data.Communes[c].Locality].Rules);
                }
            }

            return 0;
        }
    case "render-loop":
        {
            // For a profiler: every commune's narrative (report model and templates) rendered again and again.
            var work = new Workloads(args.Contains("--small") ? 400 : NationalDataset.CommuneCount);
            var latest = work.LatestAssessments();
            for (var i = 0; i < 6; i++)
            {
                work.Render(latest);
            }

            return 0;
        }
    case "templates-loop":
        {
            // For a profiler: every commune's report model rendered through the templates, again and again; with
            // --locality CODE, only the communes of that plugin (its overrides alone in the profile).
            var work = new Workloads(args.Contains("--small") ? 400 : NationalDataset.CommuneCount);
            var reports = work.BuildReports(work.LatestAssessments());
            var only = Modes.LocalityFilter(work, args);
            for (var i = 0; i < (args.Contains("--locality") ? 24 : 6); i++)
            {
                work.RenderReports(reports, only);
            }

            return 0;
        }
    case "templates":
        return Modes.Templates(args.Skip(1).ToArray());
    case "end-to-end":
        return Modes.EndToEndOnce(args.Skip(1).ToArray());
    case "batch":
        return Modes.Batch(args.Skip(1).ToArray());
    case "workbook":
        return Modes.Workbook();
    default:
        BenchmarkSwitcher.FromAssembly(typeof(Modes).Assembly).Run(args);
        return 0;
}

namespace Targets.Benchmarks
{
    /// <summary>The one-shot modes.</summary>
    internal static class Modes
    {
        public static int Verify()
        {
            var watch = Stopwatch.StartNew();
            var work = new Workloads();
            Console.WriteLine($"generated {work.Data.Communes.Count} communes, {work.Data.FigureCount} figures in {watch.Elapsed.TotalSeconds:0.0} s");
            foreach (var group in work.Data.Communes.GroupBy(c => c.Locality))
            {
                var locality = work.Data.Localities[group.Key];
                var targets = locality.Rules.RuleSets.Sum(s => s.Targets.Count);
                Console.WriteLine($"  {locality.Rules.Locality.Code}: {group.Count()} communes, {targets} targets, {group.Select(c => c.Province).Distinct().Count()} provinces");
            }

            var floor = new int[8];
            var engine = new int[8];
            var floorResults = work.Floor(floor);
            var engineResults = work.EvaluatePerDataset(engine);
            Console.WriteLine($"results: floor {floorResults}, engine {engineResults}");
            Console.WriteLine($"statuses (met, exceeded, notMet, onTrack, atRisk, noData, pending) — floor {string.Join(", ", floor[..7])}; engine {string.Join(", ", engine[..7])}");
            work.VerifyFloor();
            var bulk = new int[8];
            var bulkResults = work.EvaluateBulk(bulk);
            if (bulkResults != engineResults || !bulk.SequenceEqual(engine))
            {
                Console.WriteLine("bulk and per-dataset evaluation disagree");
                return 1;
            }

            Console.WriteLine("the floor, the bulk API and the per-dataset path agree on every commune and year");
            return 0;
        }

        /// <summary>A hash of every commune's narrative, to check that a change to rendering leaves the text as it was.</summary>
        public static int NarrativeHash(string[] args)
        {
            var work = new Workloads(args.FirstOrDefault(a => int.TryParse(a, out _)) is { } n ? int.Parse(n, System.Globalization.CultureInfo.InvariantCulture) : NationalDataset.CommuneCount);
            var latest = work.LatestAssessments();
            var formats = args.Contains("md") ? new[] { Targets.Rules.Narratives.NarrativeFormat.Text, Targets.Rules.Narratives.NarrativeFormat.Markdown } : [Targets.Rules.Narratives.NarrativeFormat.Text];
            foreach (var format in formats)
            {
                using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
                long characters = 0;
                foreach (var text in work.Narratives(latest, format))
                {
                    hash.AppendData(System.Text.Encoding.UTF8.GetBytes(text));
                    characters += text.Length;
                }

                Console.WriteLine($"{format}: {latest.Length} narratives, {characters} characters, sha256 {Convert.ToHexString(hash.GetHashAndReset())}");
            }

            return 0;
        }

        /// <summary>
        /// The whole batch once in this process (after generating the data), with its wall time and the process's peak
        /// working set, for the "under one second, under 1 GB" goal. <c>parallel</c> splits the communes over the cores;
        /// <c>evaluate</c> leaves the narratives out.
        /// </summary>
        public static int EndToEndOnce(string[] args)
        {
            var work = new Workloads();
            var counts = new int[8];
            var warm = new Workloads(40);
            warm.EndToEnd(new int[8]);
            var rounds = args.SkipWhile(a => a != "--rounds").Skip(1).Select(int.Parse).DefaultIfEmpty(1).First();
            for (var round = 0; round < rounds; round++)
            {
                GC.Collect();
                using var before = Process.GetCurrentProcess();
                var baseline = before.WorkingSet64;
                var (gen0, gen1, gen2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
                var paused = GC.GetTotalPauseDuration();
                Array.Clear(counts);
                var watch = Stopwatch.StartNew();
                var total = args.Contains("evaluate") ? work.EvaluateBulk(counts)
                    : args.Contains("parallel") ? work.EndToEndParallel(counts)
                    : work.EndToEnd(counts);
                var elapsed = watch.Elapsed;
                using var self = Process.GetCurrentProcess();
                Console.WriteLine(
                    $"{string.Join(" ", args.Where(a => !a.StartsWith("--", StringComparison.Ordinal) && !int.TryParse(a, out _)).DefaultIfEmpty("sequential"))}: " +
                    $"{elapsed.TotalMilliseconds:0} ms for {counts[..6].Sum()} results (+narratives: {total - counts[..6].Sum()} characters); " +
                    $"working set before {baseline / 1048576.0:0} MB, peak {self.PeakWorkingSet64 / 1048576.0:0} MB (the dataset itself included); " +
                    $"collections gen0 {GC.CollectionCount(0) - gen0}, gen1 {GC.CollectionCount(1) - gen1}, gen2 {GC.CollectionCount(2) - gen2}, " +
                    $"GC paused {(GC.GetTotalPauseDuration() - paused).TotalMilliseconds:0} ms");
            }

            return 0;
        }

        /// <summary>One province's workbook read a few times in this process, with its time: a quick look before BenchmarkDotNet.</summary>
        public static int Workbook()
        {
            var (workbook, figures, locality) = ProvinceWorkbook.Generate(2025);
            Console.WriteLine($"{figures:N0} rows, {workbook.Length / 1048576.0:0.0} MB");
            for (var round = 0; round < 3; round++)
            {
                var watch = Stopwatch.StartNew();
                var read = Targets.Spreadsheets.Reading.XlsxDatasetReader.Read("province.xlsx", workbook, locality).Figures.Count;
                Console.WriteLine($"read {read:N0} figures in {watch.Elapsed.TotalMilliseconds:0} ms");
            }

            return 0;
        }

        /// <summary>The communes of the plugin named by <c>--locality CODE</c>, or every commune.</summary>
        public static Func<int, bool> LocalityFilter(Workloads work, string[] args)
        {
            var at = Array.IndexOf(args, "--locality");
            if (at < 0 || at + 1 >= args.Length)
            {
                return _ => true;
            }

            var locality = work.Data.Localities.Select((l, i) => (l.Plugin.Locality.Code, i)).Single(l => l.Code == args[at + 1]).i;
            return l => l == locality;
        }

        /// <summary>
        /// The templates alone, over report models built once, a few rounds (<c>templates [rounds] [--locality CODE]</c>):
        /// time and allocation of each round, quicker to repeat than the whole batch.
        /// </summary>
        public static int Templates(string[] args)
        {
            var work = new Workloads(args.Contains("--small") ? 400 : NationalDataset.CommuneCount);
            var rounds = args.Length > 0 && int.TryParse(args[0], out var r) ? r : 5;
            var reports = work.BuildReports(work.LatestAssessments());
            var only = LocalityFilter(work, args);
            for (var round = 0; round < rounds; round++)
            {
                GC.Collect();
                var allocated = GC.GetTotalAllocatedBytes(precise: true);
                var processor = Process.GetCurrentProcess().TotalProcessorTime;
                var watch = Stopwatch.StartNew();
                var characters = work.RenderReports(reports, only);
                var elapsed = watch.Elapsed;
                Console.WriteLine(
                    $"templates: {elapsed.TotalMilliseconds:0} ms (processor {(Process.GetCurrentProcess().TotalProcessorTime - processor).TotalMilliseconds:0} ms), " +
                    $"{(GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1048576.0:0.0} MB, {characters} characters");
            }

            return 0;
        }

        public static int Batch(string[] args)
        {
            var work = new Workloads(args.Contains("--small") ? 400 : NationalDataset.CommuneCount);
            var rounds = args.Length > 0 && int.TryParse(args[0], out var r) ? r : 3;
            var latest = work.LatestAssessments();
            for (var round = 0; round < rounds; round++)
            {
                var counts = new int[8];
                var timings = new List<string>();
                long Time(string name, Func<long> run)
                {
                    GC.Collect();
                    var allocated = GC.GetTotalAllocatedBytes(precise: true);
                    var paused = GC.GetTotalPauseDuration();
                    var collections = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
                    var watch = Stopwatch.StartNew();
                    var result = run();
                    timings.Add(
                        $"{name} {watch.Elapsed.TotalMilliseconds:0} ms ({(GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1048576.0:0} MB; " +
                        $"GC paused {(GC.GetTotalPauseDuration() - paused).TotalMilliseconds:0} ms, collections gen0/1/2 " +
                        $"{GC.CollectionCount(0) - collections.Item1}/{GC.CollectionCount(1) - collections.Item2}/{GC.CollectionCount(2) - collections.Item3})");
                    return result;
                }

                if (!args.Contains("--render-only"))
                {
                    Time("floor", () => work.Floor(counts));
                    Time("floor+index", () => work.FloorWithIndexing(counts));
                    Time("index", work.IndexOnly);
                    Time("per-dataset", () => work.EvaluatePerDataset(counts));
                    Time("bulk", () => work.EvaluateBulk(counts));
                }

                if (!args.Contains("--no-render"))
                {
                    Targets.Rules.Reporting.Report[] reports = [];
                    Time("report models", () => (reports = work.BuildReports(latest)).Length);
                    Time("templates", () => work.RenderReports(reports));
                    var overriding = work.PluginsWithTemplates().ToList();
                    Time("templates of the plugins overriding none", () => work.RenderReports(reports, l => overriding.All(p => p.Locality != l)));
                    foreach (var (locality, code, overrides) in overriding)
                    {
                        Time($"templates of {code} (overriding {overrides})", () => work.RenderReports(reports, l => l == locality));
                    }

                    Time("render", () => work.Render(latest));
                    Time("end-to-end", () => work.EndToEnd(counts));
                    Time("end-to-end parallel", () => work.EndToEndParallel(counts));
                }
                Console.WriteLine(string.Join("; ", timings));
            }

            using var self = Process.GetCurrentProcess();
            Console.WriteLine($"peak working set {self.PeakWorkingSet64 / 1048576.0:0} MB");
            return 0;
        }
    }
}
