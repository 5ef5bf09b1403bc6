using Targets.Core.Errors;
using Targets.Rules.Engine;
using Targets.Rules.Narratives;
using Targets.Rules.Plugins;
using Targets.Rules.Tests.Support;

namespace Targets.Rules.Tests.Hostile;

/// <summary>
/// A plugin folder is untrusted: links, FIFOs, devices, huge or sparse files, too many files and clashing names each end
/// in one <see cref="TargetsException"/> naming the file, quickly and in little memory, and nothing outside the folder is
/// ever read. Links, FIFOs and sparse files are made here at run time: git cannot carry them.
/// </summary>
public sealed class PluginFolderTests : IDisposable
{
    private const string Secret = "DB_PASSWORD=hunter2-must-never-be-printed";
    private const long Megabyte = 1024 * 1024;
    private readonly HostileFolder _folder = new();
    private readonly string _plugin;

    public PluginFolderTests()
    {
        _plugin = _folder.CopyOfExamplePlugin();
        _folder.Write("secret.env", Secret);
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void LoadTemplates_TemplateLinkedToASecretOutside_IsRefusedNamingTheLinkAndNeverReadingIt()
    {
        _folder.Link("plugin/templates/summary.scriban", _folder["secret.env"]);

        var error = Should.Throw<RuleSetException>(() => Plugin().LoadTemplates());

        error.Message.ShouldContain(Path.Combine("plugin", "templates", "summary.scriban"));
        error.Message.ShouldContain("symbolic link");
        error.Message.ShouldNotContain("hunter2");
    }

    [Fact]
    public void LoadRuleSets_RuleFileLinkedOutside_IsRefusedNamingTheLink()
    {
        _folder.Write("outside.rules.json", Secret);
        _folder.Link("plugin/rules/z.rules.json", _folder["outside.rules.json"]);

        var error = Should.Throw<RuleSetException>(() => Plugin().LoadRuleSets());

        error.Message.ShouldContain("z.rules.json: this is a symbolic link");
        error.Message.ShouldNotContain("hunter2");
    }

    [Fact]
    public void LoadTemplates_TemplatesFolderLinkedElsewhere_IsRefused()
    {
        _folder.Write("elsewhere/summary.scriban", Secret);
        _folder.Link("plugin/templates", _folder["elsewhere"]);

        Should.Throw<RuleSetException>(() => Plugin().LoadTemplates()).Message.ShouldContain("templates: this is a symbolic link");
    }

    [Fact]
    public void LoadTemplates_FolderLinkedToItself_IsRefusedWithoutLooping()
    {
        _folder.Link("plugin/templates/loop", ".");

        Should.Throw<RuleSetException>(() => Plugin().LoadTemplates()).Message.ShouldContain(Path.Combine("templates", "loop") + ": this is a symbolic link");
    }

    [Fact]
    public void LoadTemplates_LinkInsideThePluginToAnotherOfItsFiles_IsRefusedToo()
    {
        // The documented rule is "no links at all": simpler to check, and nothing a plugin needs.
        _folder.Link("plugin/templates/goals.scriban", "summary.scriban");

        Should.Throw<RuleSetException>(() => Plugin().LoadTemplates()).Message.ShouldContain("goals.scriban: this is a symbolic link");
    }

    [Fact]
    public void Manifest_FifoInPlaceOfPluginJson_IsRefusedWithoutBlocking()
    {
        if (!_folder.TryMakeFifo("plugin/plugin.json"))
        {
            return;
        }

        var error = Should.Throw<RuleSetException>(() => Plugin().Manifest);

        error.Message.ShouldContain("plugin.json: this is a FIFO (named pipe), not a regular file");
    }

    [Fact]
    public void LoadRuleSets_FifoInPlaceOfARuleFile_IsRefusedWithoutBlocking()
    {
        if (!_folder.TryMakeFifo("plugin/rules/ke-hoach-mau.rules.json"))
        {
            return;
        }

        Should.Throw<RuleSetException>(() => Plugin().LoadRuleSets()).Message.ShouldContain("ke-hoach-mau.rules.json: this is a FIFO");
    }

    [Fact]
    public void LoadSample_SampleLinkedToADevice_IsRefusedBeforeReadingAByte()
    {
        if (!File.Exists("/dev/zero"))
        {
            return;
        }

        _folder.Link("plugin/samples/sample.json", "/dev/zero");

        var before = GC.GetAllocatedBytesForCurrentThread();
        var error = Should.Throw<RuleSetException>(() => Plugin().LoadSample());
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        error.Message.ShouldContain("sample.json: this is a symbolic link");
        allocated.ShouldBeLessThan(Megabyte);
    }

    [Fact]
    public void LoadTemplates_SparseTenGigabyteTemplate_IsRefusedByItsSizeInLittleMemory()
    {
        _folder.Sparse("plugin/templates/summary.scriban", 10L * 1024 * Megabyte, "{{ 'x' }}");

        var before = GC.GetAllocatedBytesForCurrentThread();
        var error = Should.Throw<RuleSetException>(() => Plugin().LoadTemplates());
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        error.Message.ShouldContain("summary.scriban: the file is 10240.0 MB (10,737,418,240 bytes); templates are limited to 1 MB (1,048,576 bytes)");
        allocated.ShouldBeLessThan(Megabyte);
    }

    [Fact]
    public void LoadTemplates_TemplateOneByteOverItsCap_IsRefused()
    {
        _folder.Sparse("plugin/templates/summary.scriban", FolderContent.MaxTemplateBytes + 1, "x");

        Should.Throw<RuleSetException>(() => Plugin().LoadTemplates()).Message.ShouldContain("templates are limited to 1 MB");
    }

    [Fact]
    public void LoadTemplates_SameNameInASubfolderAndAtTheTop_IsAnErrorNamingBoth()
    {
        _folder.Write("plugin/templates/more/summary.scriban", "B");

        var error = Should.Throw<TemplateException>(() => Plugin().LoadTemplates());

        error.Message.ShouldContain("a template named 'summary' is also at");
        error.Message.ShouldContain(Path.Combine("templates", "more", "summary.scriban"));
        error.Message.ShouldContain(Path.Combine("templates", "summary.scriban"));
    }

    [Fact]
    public void LoadRuleSets_MoreFilesThanTheCap_IsRefusedBeforeAnyIsRead()
    {
        for (var i = 0; i <= FolderContent.MaxEntriesPerFolder; i++)
        {
            File.WriteAllText(_folder[$"plugin/rules/r{i:D4}.rules.json"], "not read");
        }

        Should.Throw<RuleSetException>(() => Plugin().LoadRuleSets()).Message.ShouldContain("the folder 'rules' holds more than 1,000 files and folders");
    }

    [Fact]
    public void LoadSample_DefaultSamplePointingOutsideTheFolder_IsRefused()
    {
        var manifest = File.ReadAllText(_folder["plugin/plugin.json"]).Replace("samples/sample.json", "../secret.env", StringComparison.Ordinal);
        File.WriteAllText(_folder["plugin/plugin.json"], manifest);

        var error = Should.Throw<TargetsException>(() => Plugin().LoadSample());

        error.Message.ShouldContain("'../secret.env' lies outside the plugin folder");
        error.Message.ShouldNotContain("hunter2");
    }

    [Fact]
    public void LoadTemplates_TemplateWithAByteOrderMark_KeepsTheMarkOutOfTheText()
    {
        File.WriteAllBytes(_folder["plugin/templates/summary.scriban"], [0xEF, 0xBB, 0xBF, .. "Tóm tắt"u8]);

        var template = Plugin().LoadTemplates()["summary"];

        template.Text.ShouldBe("Tóm tắt");
        new NarrativeRenderer().RenderTemplate("summary", new { }, Plugin().LoadTemplates()).ShouldBe("Tóm tắt");
    }

    [Fact]
    public void LoadTemplates_TemplateNotInUtf8_IsRefusedNamingIt()
    {
        File.WriteAllBytes(_folder["plugin/templates/summary.scriban"], [0x54, 0xF3, 0x6D]);

        Should.Throw<TemplateException>(() => Plugin().LoadTemplates()).Message.ShouldContain("summary.scriban: the template is not valid UTF-8");
    }

    [Fact]
    public void Registry_BrokenFolderBesideAWorkingOne_FailsOnlyTheLookupsItCouldAnswer()
    {
        var broken = _folder.CopyOfExamplePlugin("broken");
        if (!_folder.TryMakeFifo("broken/plugin.json"))
        {
            return;
        }

        var registry = new LocalityRegistry([TargetsPlugin.FromFolder(broken), Plugin()], new NRulesRuleEngine());

        registry.Compile("vi-du").Locality.Code.ShouldBe("vi-du");
        Should.Throw<RuleSetException>(() => registry.Get("quang-tri")).Message.ShouldContain(Path.Combine("broken", "plugin.json") + ": this is a FIFO");
        Should.Throw<RuleSetException>(() => registry.Plugins).Message.ShouldContain("this is a FIFO");
    }

    [Fact]
    public void Registry_MissingFolderBesideAWorkingOne_FailsOnlyTheLookupsItCouldAnswer()
    {
        var registry = new LocalityRegistry([TargetsPlugin.FromFolder(_folder["missing"]), Plugin()], new NRulesRuleEngine());

        registry.Get("vi-du").Manifest.Code.ShouldBe("vi-du");
        Should.Throw<RuleSetException>(() => registry.Get("quang-tri")).Message.ShouldContain("the plugin folder does not exist");
    }

    [Fact]
    public void Registry_TwoFoldersClaimingOneCode_IsAnErrorWhenThatCodeIsAskedFor()
    {
        var registry = new LocalityRegistry([TargetsPlugin.FromFolder(_folder.CopyOfExamplePlugin("twin")), Plugin()], new NRulesRuleEngine());

        Should.Throw<RuleSetException>(() => registry.Get("vi-du")).Message.ShouldContain("two plugins claim locality 'vi-du'");
    }

    private TargetsPlugin Plugin() => TargetsPlugin.FromFolder(_plugin);
}
