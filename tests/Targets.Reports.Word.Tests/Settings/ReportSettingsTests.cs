using System.Text;
using Targets.Reports.Word.Settings;

namespace Targets.Reports.Word.Tests.Settings;

public sealed class ReportSettingsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("targets-settings-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string File(string text, string name = "settings.json")
    {
        var path = Path.Combine(_folder, name);
        System.IO.File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    private static ReportSettingsException Fails(Func<ReportSettings> read)
    {
        var error = Should.Throw<ReportSettingsException>(() => read());
        error.Message.ShouldNotContain("\n");
        return error;
    }

    [Fact]
    public void ReadFile_AllKeys_ReadsThemTrimmed()
    {
        var settings = ReportSettings.ReadFile(File("""{ "issuer": " Ban Chỉ đạo 138 ", "parentIssuer": "UBND", "place": "Cần Thơ", "recipients": ["A", "B"] }"""));

        settings.ShouldBe(new ReportSettings { Issuer = "Ban Chỉ đạo 138", ParentIssuer = "UBND", Place = "Cần Thơ", Recipients = settings.Recipients });
        settings.Recipients.ShouldBe(["A", "B"]);
    }

    [Fact]
    public void ReadFile_ByteOrderMark_IsAccepted()
    {
        var path = Path.Combine(_folder, "bom.json");
        System.IO.File.WriteAllText(path, """{ "place": "Huế" }""", new UTF8Encoding(true));

        ReportSettings.ReadFile(path).Place.ShouldBe("Huế");
    }

    [Fact]
    public void ReadFile_MalformedJson_NamesTheFileLineAndColumn()
    {
        var path = File("{\n  \"issuer\": \"x\",,\n}");

        var error = Fails(() => ReportSettings.ReadFile(path));

        error.Message.ShouldStartWith($"{path}:2:");
        error.Message.ShouldContain("not valid JSON");
    }

    [Theory]
    [InlineData("""{ "issuer": 5 }""", "($.issuer): expected a string")]
    [InlineData("""{ "recipients": "A" }""", "($.recipients): expected an array of strings")]
    [InlineData("""{ "recipients": ["A", 1] }""", "($.recipients[1]): expected a string")]
    [InlineData("""{ "issuer": "   " }""", "($.issuer): the value is empty")]
    [InlineData("""{ "place": "Cần\nThơ" }""", "($.place): the value holds a control character")]
    [InlineData("""{ "signer": "x" }""", "($): unknown setting 'signer'")]
    [InlineData("""[ "issuer" ]""", "($): expected an object")]
    public void Read_BadValue_NamesThePathAndTheProblem(string json, string expected)
    {
        var error = Fails(() => ReportSettings.Read("s.json", Encoding.UTF8.GetBytes(json)));

        error.Message.ShouldStartWith("s.json ");
        error.Message.ShouldContain(expected);
    }

    [Fact]
    public void Read_ValueTooLong_IsRefused()
    {
        var json = $$"""{ "issuer": "{{new string('x', ReportSettings.MaxValueLength + 1)}}" }""";

        Fails(() => ReportSettings.Read("s.json", Encoding.UTF8.GetBytes(json))).Message.ShouldContain("at most 200");
    }

    [Fact]
    public void Read_TooManyRecipients_IsRefused()
    {
        var json = $$"""{ "recipients": [{{string.Join(",", Enumerable.Repeat("\"x\"", ReportSettings.MaxRecipients + 1))}}] }""";

        Fails(() => ReportSettings.Read("s.json", Encoding.UTF8.GetBytes(json))).Message.ShouldContain("at most 30 recipients");
    }

    [Fact]
    public void ReadFile_Missing_SaysSo()
    {
        var path = Path.Combine(_folder, "none.json");

        Fails(() => ReportSettings.ReadFile(path)).Message.ShouldBe($"{path}: the file does not exist");
    }

    [Fact]
    public void ReadFile_Folder_SaysSo() =>
        Fails(() => ReportSettings.ReadFile(_folder)).Message.ShouldBe($"{_folder}: this is a folder, not a file");

    [Fact]
    public void ReadFile_Device_IsRefusedWithoutReading()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        Fails(() => ReportSettings.ReadFile("/dev/zero")).Message.ShouldBe("/dev/zero: the file is empty or not a regular file");
    }

    [Fact]
    public void ReadFile_TooLarge_IsRefusedBeforeReading()
    {
        var path = Path.Combine(_folder, "large.json");
        using (var stream = System.IO.File.Create(path))
        {
            stream.SetLength(1L << 32);
        }

        Fails(() => ReportSettings.ReadFile(path)).Message.ShouldContain("settings files are at most 65536 bytes");
    }

    [Fact]
    public void With_Options_OverrideTheFileAndAreChecked()
    {
        var settings = new ReportSettings { Issuer = "A", Place = "B" }.With(issuer: "C", parentIssuer: null, place: null);

        settings.Issuer.ShouldBe("C");
        settings.Place.ShouldBe("B");
        Fails(() => ReportSettings.Empty.With(issuer: "x\u001b[2J", parentIssuer: null, place: null)).Message.ShouldStartWith("--issuer: ");
    }
}
