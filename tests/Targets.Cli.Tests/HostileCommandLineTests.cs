using System.Globalization;
using Targets.Tests.Shared;
using static Targets.Cli.Tests.CommandLineRun;

namespace Targets.Cli.Tests;

/// <summary>
/// Hostile command lines end in one <c>error:</c> line and exit 2: no response file is expanded, no option value throws
/// a stack trace, the report never overwrites its dataset, a FIFO never blocks, a broken plugin folder fails only its own
/// locality, and text from data or paths cannot forge lines or terminal escapes.
/// </summary>
public sealed class HostileCommandLineTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("targets-cli-hostile-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Assess_ValueStartingWithAt_IsTakenLiterallyNotAsAResponseFile()
    {
        var options = Path.Combine(_folder, "options.rsp");
        var report = Path.Combine(_folder, "planted.md");
        File.WriteAllText(options, $"--output {report}\nSECRET-LINE");

        var run = Run("assess", "--locality", "@" + options);

        ShouldFailCleanly(run, $"unknown locality '@{options}'");
        run.Err.ShouldNotContain("SECRET-LINE");
        File.Exists(report).ShouldBeFalse();
    }

    [Theory]
    [InlineData("0")]
    [InlineData("99999")]
    [InlineData("1899")]
    [InlineData("2101")]
    public void Assess_YearOutsideItsRange_FailsNamingTheOption(string year) =>
        ShouldFailCleanly(Run("assess", "--year", year), $"--year: the year {year} is outside the years an assessment may stand at (1900 to 2100)");

    [Fact]
    public void Assess_EmptyOutputPath_FailsNamingTheOption() =>
        ShouldFailCleanly(Run("assess", "--output", ""), "--output: the output path is empty");

    [Fact]
    public void Assess_EmptyPluginFolder_FailsNamingTheOption() =>
        ShouldFailCleanly(Run("assess", "--plugin-folder", ""), "--plugin-folder: the plugin folder path is empty");

    [Fact]
    public void List_EmptyPluginFolder_FailsNamingTheOption() =>
        ShouldFailCleanly(Run("list", "--plugin-folder", " "), "--plugin-folder: the plugin folder path is empty");

    [Theory]
    [InlineData("same")]
    [InlineData("dotted")]
    [InlineData("link")]
    public void Assess_OutputNamingTheDataset_IsRefusedAndTheDatasetKept(string how)
    {
        var data = Path.Combine(_folder, "figures.json");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Inputs", "negative-count.json"), data);
        var before = File.ReadAllBytes(data);
        var output = how switch
        {
            "same" => data,
            "dotted" => Path.Combine(_folder, ".", "..", Path.GetFileName(_folder), "figures.json"),
            _ => File.CreateSymbolicLink(Path.Combine(_folder, "report.md"), data).FullName,
        };

        ShouldFailCleanly(Run("assess", "--data", data, "--output", output), "--output: the output", "is the dataset being read");
        File.ReadAllBytes(data).ShouldBe(before);
    }

    [Theory]
    [InlineData("figures.json")]
    [InlineData("figures.xlsx")]
    [InlineData("figures.csv")]
    public void Assess_FifoAsData_IsRefusedWithoutBlocking(string name)
    {
        var fifo = Path.Combine(_folder, name);
        if (!SpecialFiles.TryMakeFifo(fifo))
        {
            return;
        }

        ShouldFailCleanly(Run("assess", "--data", fifo), fifo, "this is a FIFO (named pipe), not a regular file");
    }

    [Fact]
    public void Assess_ShippedLocalityBesideABrokenPluginFolder_IsAssessed()
    {
        var broken = Path.Combine(_folder, "broken");
        Directory.CreateDirectory(broken);
        if (!SpecialFiles.TryMakeFifo(Path.Combine(broken, "plugin.json")))
        {
            return;
        }

        var (exit, output, error) = Run("assess", "--locality", "can-tho", "--plugin-folder", broken);

        exit.ShouldBe(0, error);
        output.ShouldContain("THÀNH PHỐ CẦN THƠ");
        ShouldFailCleanly(Run("assess", "--locality", "vi-du", "--plugin-folder", broken), "plugin.json: this is a FIFO");
    }

    [Fact]
    public void Assess_ControlCharactersInAValue_AreEscapedInTheErrorLine()
    {
        var run = Run("assess", "--locality", "x\u001b[2J\nerror: all targets met\u202e");

        ShouldFailCleanly(run, @"unknown locality 'x\u001B[2J\nerror: all targets met\u202E'");
        run.Err.ShouldContain(@"\u001B[2J", Case.Sensitive);
        run.Err.ShouldNotContain("\u001b");
    }

    [Fact]
    public void Assess_ControlCharactersInAPath_AreEscapedInTheErrorLine() =>
        ShouldFailCleanly(Run("assess", "--data", "a\rerror: b\u0007.json"), @"a\rerror: b\u0007.json", "does not exist");

    [Fact]
    public void Guard_UnexpectedException_IsOneInternalErrorLineNotAStackTrace()
    {
        using var stderr = new StringWriter(CultureInfo.InvariantCulture);

        var exit = CommandLine.Guard(stderr, () => throw new InvalidOperationException("boom\nerror: forged"));

        exit.ShouldBe(2);
        stderr.ToString().ShouldBe("error: internal error (a defect in Targets, please report it): InvalidOperationException: boom\\nerror: forged" + Environment.NewLine);
    }
}
