using System.Globalization;

namespace Targets.Cli.Tests;

/// <summary>Runs the command line in process and checks how it fails.</summary>
internal static class CommandLineRun
{
    public static (int Exit, string Out, string Err) Run(params string[] args)
    {
        using var stdout = new StringWriter(CultureInfo.InvariantCulture);
        using var stderr = new StringWriter(CultureInfo.InvariantCulture);
        var exit = CommandLine.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Exit 2, nothing on standard output, one <c>error:</c> line with no stack trace, holding each expected part.</summary>
    public static void ShouldFailCleanly((int Exit, string Out, string Err) run, params string[] expected)
    {
        run.Exit.ShouldBe(2, run.Err);
        run.Out.ShouldBeEmpty();
        run.Err.ShouldStartWith("error: ");
        run.Err.ShouldNotContain("   at ");
        run.Err.Trim().Split('\n').Length.ShouldBe(1, "one readable line");
        foreach (var part in expected)
        {
            run.Err.ShouldContain(part);
        }
    }
}
