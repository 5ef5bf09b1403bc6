using System.Globalization;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Targets.Core.Errors;
using Targets.Rules.Serialization;

namespace Targets.Benchmarks;

/// <summary>
/// Issue 7, class 6: placing every figure of a dataset written on one line (minified JSON, 5,000 figures, 0.8 MB). The
/// baseline is the locator as it was (each figure's column counted again from the start of its line), kept here only to
/// compare with.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(InProcessShortRun))]
public class LocatorBenchmarks
{
    private JsonInput _input = null!;

    [GlobalSetup]
    public void Setup()
    {
        var text = new StringBuilder("{\"locality\":\"thu-nghiem\",\"figures\":[");
        for (var i = 0; i < 5_000; i++)
        {
            text.Append(i == 0 ? "" : ",").Append(CultureInfo.InvariantCulture, $"{{\"indicator\":\"crime.social-order.cases\",\"period\":\"2023\",\"value\":{i},\"adminUnit\":\"Phường {i}\",\"note\":\"ghi chú có dấu tiếng Việt cho dài dòng hơn một chút nữa\"}}");
        }

        _input = JsonInput.FromBytes("one-line.json", Encoding.UTF8.GetBytes(text.Append("]}").ToString()), problem => new DataException(problem, null));
    }

    [Benchmark(Baseline = true)]
    public int Quadratic() => QuadraticLocateElements(_input, "figures").Count;

    [Benchmark]
    public int Linear() => JsonLocator.LocateElements(_input, "figures").Count;

    /// <summary>In process: building a separate benchmark project outran BenchmarkDotNet's two-minute build timeout here.</summary>
    private sealed class InProcessShortRun : ManualConfig
    {
        public InProcessShortRun() =>
            AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(5).WithToolchain(InProcessEmitToolchain.Instance));
    }

    /// <summary>The locator before the fix, verbatim but for its name.</summary>
    private static List<SourceLocation> QuadraticLocateElements(JsonInput input, string property)
    {
        var span = input.Utf8.Span;
        var reader = new Utf8JsonReader(span);
        var found = new List<SourceLocation>();
        var line = 1;
        var lineStart = 0L;
        var scanned = 0L;
        string? name = null;
        while (reader.Read())
        {
            if (reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.PropertyName)
            {
                name = reader.GetString();
            }
            else if (reader.CurrentDepth == 2 && name == property && reader.TokenType is not (JsonTokenType.EndArray or JsonTokenType.PropertyName))
            {
                var offset = reader.TokenStartIndex;
                for (; scanned < offset; scanned++)
                {
                    if (span[(int)scanned] == (byte)'\n')
                    {
                        line++;
                        lineStart = scanned + 1;
                    }
                }

                var column = Encoding.UTF8.GetCharCount(span[(int)lineStart..(int)offset]) + 1;
                found.Add(new SourceLocation(input.Name, line, column, $"$.{property}[{found.Count.ToString(CultureInfo.InvariantCulture)}]"));
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    reader.Skip();
                }
            }
        }

        return found;
    }
}
