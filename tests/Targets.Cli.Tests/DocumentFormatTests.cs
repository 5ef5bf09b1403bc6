using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Targets.Cli.Tests;

/// <summary><c>assess --format docx</c> and <c>--format html</c>, and the Word heading's options.</summary>
public sealed class DocumentFormatTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("targets-cli-documents-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        using var stdout = new StringWriter(CultureInfo.InvariantCulture);
        using var stderr = new StringWriter(CultureInfo.InvariantCulture);
        return (CommandLine.Run(args, stdout, stderr), stdout.ToString(), stderr.ToString());
    }

    private static void ShouldFailInOneLine((int Exit, string Out, string Err) run, string expected)
    {
        run.Exit.ShouldBe(2);
        run.Out.ShouldBeEmpty();
        run.Err.ShouldStartWith("error: ");
        run.Err.TrimEnd().Split('\n').Length.ShouldBe(1);
        run.Err.ShouldContain(expected);
    }

    [Fact]
    public void Assess_DocxWithoutOutput_IsRefusedInOneLine() =>
        ShouldFailInOneLine(Run("assess", "--format", "docx"), "error: --format docx: a Word document is binary and is not written to the terminal: give --output FILE.docx");

    [Theory]
    [InlineData("can-tho")]
    [InlineData("quang-ninh")]
    [InlineData("tay-ninh")]
    [InlineData("hai-phong")]
    public void Assess_DocxWithOutput_WritesAWordDocumentWithTheHeadingGiven(string locality)
    {
        var file = Path.Combine(_folder, "r.docx");

        var run = Run("assess", "--locality", locality, "--format", "docx", "-o", file, "--issuer", "Công an tỉnh", "--place", "Tây Ninh");

        run.ShouldBe((0, string.Empty, string.Empty));
        using var zip = ZipFile.OpenRead(file);
        using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
        var xml = reader.ReadToEnd();
        xml.ShouldContain(">CÔNG AN TỈNH<");
        xml.ShouldContain(">Tây Ninh, ngày … tháng … năm …<");
    }

    [Fact]
    public void Assess_ReportSettingsFile_IsReadAndOptionsOverrideIt()
    {
        var settings = Path.Combine(_folder, "s.json");
        File.WriteAllText(settings, """{ "issuer": "Ban Chỉ đạo 138", "place": "Huế", "recipients": ["Bộ Công an"] }""", new UTF8Encoding(false));
        var file = Path.Combine(_folder, "r.docx");

        Run("assess", "-f", "docx", "-o", file, "--report-settings", settings, "--place", "Cần Thơ").Exit.ShouldBe(0);

        using var zip = ZipFile.OpenRead(file);
        using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
        var xml = reader.ReadToEnd();
        xml.ShouldContain(">BAN CHỈ ĐẠO 138<");
        xml.ShouldContain(">Cần Thơ, ngày … tháng … năm …<");
        xml.ShouldContain(">- Bộ Công an;<");
    }

    [Fact]
    public void Assess_MalformedReportSettings_FailsInOneLineNamingTheFile()
    {
        var settings = Path.Combine(_folder, "bad.json");
        File.WriteAllText(settings, "{ \"issuer\": ");

        ShouldFailInOneLine(Run("assess", "-f", "docx", "-o", Path.Combine(_folder, "r.docx"), "--report-settings", settings), $"error: {settings}:1:");
        File.Exists(Path.Combine(_folder, "r.docx")).ShouldBeFalse("nothing is written when the input is wrong");
    }

    [Fact]
    public void Assess_IssuerWithControlCharacters_FailsInOneLine() =>
        ShouldFailInOneLine(Run("assess", "-f", "docx", "-o", Path.Combine(_folder, "r.docx"), "--issuer", "A\u001b[2J\nerror: forged"), "error: --issuer: the value holds a control character");

    [Fact]
    public void Assess_HtmlToStandardOutput_PrintsOnePage()
    {
        var (exit, output, error) = Run("assess", "--format", "html");

        exit.ShouldBe(0);
        error.ShouldBeEmpty();
        output.ShouldStartWith("<!DOCTYPE html>");
        output.ShouldEndWith("</html>\n");
        output.ShouldContain("<figure class=\"chart\">");
    }
}
