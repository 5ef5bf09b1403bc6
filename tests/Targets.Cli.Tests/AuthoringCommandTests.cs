using static Targets.Cli.Tests.CommandLineRun;

namespace Targets.Cli.Tests;

/// <summary>
/// A plugin author's path, end to end and without editing a file by hand: <c>targets new</c>, <c>validate</c>,
/// <c>assess</c> in every format; and what <c>validate</c> says of a broken folder.
/// </summary>
public sealed class AuthoringCommandTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("targets-authoring-");

    public void Dispose() => _work.Delete(recursive: true);

    private string Scaffold(string code = "tinh-moi", string name = "Tỉnh Mới")
    {
        var folder = Path.Combine(_work.FullName, code);
        var (exit, output, error) = Run("new", "--code", code, "--name", name, "--output", folder);
        exit.ShouldBe(0, error);
        output.ShouldContain("created " + folder);
        return folder;
    }

    [Fact]
    public void New_ThenValidateAndAssess_WorksWithoutEditingAFile()
    {
        var folder = Scaffold();

        var validation = Run("validate", "--plugin-folder", folder);
        validation.Exit.ShouldBe(0, validation.Err);
        validation.Out.ShouldStartWith("ok: tinh-moi (Tỉnh Mới): 1 rule set, 3 targets, 1 sample evaluated and rendered");

        var text = Run("assess", "--plugin-folder", folder);
        text.Exit.ShouldBe(0, text.Err);
        text.Out.ShouldStartWith("KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU — TỈNH MỚI");
        text.Out.ShouldContain("Năm 2025: 41/50 vụ, bằng 82,0% — vượt.");
        text.Out.ShouldContain("Năm 2025: 3 lớp, chỉ tiêu 4 lớp");
        foreach (var (format, file) in new[] { ("md", "r.md"), ("json", "r.json"), ("html", "r.html"), ("docx", "r.docx") })
        {
            var output = Path.Combine(_work.FullName, file);
            var run = Run("assess", "--plugin-folder", folder, "--format", format, "--output", output);
            run.Exit.ShouldBe(0, run.Err);
            new FileInfo(output).Length.ShouldBeGreaterThan(1000, format);
        }
    }

    [Fact]
    public void New_Files_NameTheirSchemasInsideTheFolder()
    {
        var folder = Scaffold();

        File.ReadAllText(Path.Combine(folder, "plugin.json")).ShouldContain("\"$schema\": \"schemas/plugin.schema.json\"");
        File.ReadAllText(Path.Combine(folder, "rules", "ke-hoach.rules.json")).ShouldContain("\"$schema\": \"../schemas/ruleset.schema.json\"");
        File.ReadAllText(Path.Combine(folder, "samples", "sample.json")).ShouldContain("\"$schema\": \"../schemas/dataset.schema.json\"");
        foreach (var schema in new[] { "plugin", "ruleset", "dataset" })
        {
            File.ReadAllText(Path.Combine(folder, "schemas", schema + ".schema.json")).ShouldBe(Shipped(schema));
        }
    }

    [Fact]
    public void New_FolderHoldingFiles_FailsCleanly()
    {
        var folder = Scaffold();

        ShouldFailCleanly(Run("new", "--code", "khac", "--name", "Khác", "--output", folder), "--output", "already holds files");
    }

    [Theory]
    [InlineData("Tinh Moi")]
    [InlineData("tinh_moi")]
    [InlineData("-tinh")]
    public void New_CodeNotKebabCase_FailsCleanly(string code)
    {
        ShouldFailCleanly(Run("new", "--code", code, "--name", "Tỉnh Mới", "--output", Path.Combine(_work.FullName, "x")), "--code", "is not a locality code");
    }

    [Fact]
    public void Validate_BrokenFolder_ListsEveryProblemAndExitsTwo()
    {
        var folder = Scaffold();
        var rules = Path.Combine(folder, "rules", "ke-hoach.rules.json");
        File.WriteAllText(rules, File.ReadAllText(rules).Replace("\"Kế hoạch\"", "\"Ke hoach\"", StringComparison.Ordinal).Replace("\"direction\": \"higherIsBetter\"", "\"direction\": \"up\"", StringComparison.Ordinal));
        Directory.CreateDirectory(Path.Combine(folder, "templates"));
        File.WriteAllText(Path.Combine(folder, "templates", "sumary.scriban"), "{{ summary.items.total }}");
        File.WriteAllText(Path.Combine(folder, "templates", "annex.scriban"), "{{ if }}");
        File.WriteAllText(Path.Combine(folder, "templates", "notes.txt"), "x");
        var sample = Path.Combine(folder, "samples", "sample.json");
        File.WriteAllText(sample, File.ReadAllText(sample).Replace("\"value\": 41", "\"value\": -41", StringComparison.Ordinal));

        var (exit, output, error) = Run("validate", "--plugin-folder", folder);

        exit.ShouldBe(2);
        output.ShouldBeEmpty();
        error.ShouldNotContain("   at ");
        var lines = error.TrimEnd().Split('\n');
        lines[^1].ShouldBe($"7 problems in {folder}");
        error.ShouldContain("ke-hoach.rules.json:5:13 ($.document.kind): 'kind' ('Ke hoach') must be one of: 'Chương trình', 'Kế hoạch', 'Chỉ thị', 'Quyết định', 'Nghị quyết'");
        error.ShouldContain("($.indicators[0].direction): 'direction' ('up') must be one of: 'higherIsBetter', 'lowerIsBetter'");
        error.ShouldContain("sumary.scriban: no default template is named 'sumary' and no template includes it, so it would never be used (did you mean 'summary'?)");
        error.ShouldContain("annex.scriban:1:7: template does not parse");
        error.ShouldContain("notes.txt: this file is not read: a template's file name ends in .scriban");
        error.ShouldContain("sample.json:10:16 ($.figures[0].value): 'value' is below its minimum");
    }

    [Fact]
    public void Validate_OwnTemplateIncludedByAnOverride_IsSound()
    {
        var folder = Scaffold();
        Directory.CreateDirectory(Path.Combine(folder, "templates"));
        File.WriteAllText(Path.Combine(folder, "templates", "summary.scriban"), "{{ include 'tally-line' }}");
        File.WriteAllText(Path.Combine(folder, "templates", "tally-line.scriban"), "{{ summary.items.total }} chỉ tiêu.");

        var (exit, output, error) = Run("validate", "--plugin-folder", folder);

        exit.ShouldBe(0, error);
        output.ShouldStartWith("ok: tinh-moi");
    }

    [Fact]
    public void Validate_TemplateFailingOnTheSample_IsAProblem()
    {
        var folder = Scaffold();
        Directory.CreateDirectory(Path.Combine(folder, "templates"));
        File.WriteAllText(Path.Combine(folder, "templates", "summary.scriban"), "{{ summary.itemz.total }}");

        var (exit, _, error) = Run("validate", "--plugin-folder", folder);

        exit.ShouldBe(2);
        error.ShouldContain("template 'summary' failed");
    }

    [Fact]
    public void Validate_ExamplePlugin_IsSound()
    {
        var (exit, output, error) = Run("validate", "--plugin-folder", Path.Combine(Repository, "samples", "vi-du"));

        exit.ShouldBe(0, error);
        output.ShouldStartWith("ok: vi-du (Tỉnh Ví Dụ): 1 rule set, 3 targets, 1 sample evaluated and rendered");
    }

    [Fact]
    public void Validate_MissingFolder_FailsCleanly()
    {
        var (exit, _, error) = Run("validate", "--plugin-folder", Path.Combine(_work.FullName, "none"));

        exit.ShouldBe(2);
        error.ShouldContain("the plugin folder does not exist");
    }

    [Fact]
    public void Schema_Output_WritesTheShippedSchemas()
    {
        var folder = Path.Combine(_work.FullName, "schemas");

        var (exit, _, error) = Run("schema", "--output", folder);

        exit.ShouldBe(0, error);
        foreach (var schema in new[] { "plugin", "ruleset", "dataset" })
        {
            File.ReadAllText(Path.Combine(folder, schema + ".schema.json")).ShouldBe(Shipped(schema));
        }
    }

    [Fact]
    public void Assess_OnePluginFolder_AssessesItsLocality()
    {
        var (exit, output, error) = Run("assess", "--plugin-folder", Path.Combine(Repository, "samples", "vi-du"));

        exit.ShouldBe(0, error);
        output.ShouldStartWith("KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU — TỈNH VÍ DỤ");
    }

    [Fact]
    public void Assess_TwoPluginFoldersWithoutLocality_FailsCleanly()
    {
        var folder = Scaffold();

        ShouldFailCleanly(Run("assess", "--plugin-folder", folder, "--plugin-folder", Path.Combine(Repository, "samples", "vi-du")), "--locality", "several plugin folders", "tinh-moi, vi-du");
    }

    private static string Repository
    {
        get
        {
            var folder = new DirectoryInfo(AppContext.BaseDirectory);
            while (!File.Exists(Path.Combine(folder!.FullName, "Targets.slnx")))
            {
                folder = folder.Parent;
            }

            return folder.FullName;
        }
    }

    private static string Shipped(string schema) => File.ReadAllText(Path.Combine(Repository, "schemas", schema + ".schema.json"));
}
