using Targets.Rules.Reporting;
using Targets.Rules.Tests.Support;

namespace Targets.Rules.Tests.Reporting;

public sealed class TargetsMarkdownTests
{
    [Fact]
    public void Splice_DocumentWithTheMarkers_ReplacesOnlyTheGeneratedPart()
    {
        var document = $"# Title\n\nHand-written header.\n\n{TargetsMarkdown.BeginMarker("targets")}\n\nold listing\n\n<!-- generated:targets:end -->\n\nHand-written footer.\n";

        var spliced = TargetsMarkdown.Splice(document, "targets", "new listing\n");

        spliced.ShouldBe($"# Title\n\nHand-written header.\n\n{TargetsMarkdown.BeginMarker("targets")}\n\nnew listing\n\n<!-- generated:targets:end -->\n\nHand-written footer.\n");
        TargetsMarkdown.Splice(spliced, "targets", "new listing\n").ShouldBe(spliced);
    }

    [Fact]
    public void Splice_DocumentWithoutTheMarkers_IsRefusedNamingThem()
    {
        Should.Throw<FormatException>(() => TargetsMarkdown.Splice("# Hand-written only\n", "targets", "x")).Message.ShouldContain("generated:targets:end");
    }

    [Fact]
    public void Plugin_DefaultWithAnAlternative_ListsBothAndSaysWhichIsWhich()
    {
        var rules = TestRules.Compile(b => b
            .Target("test.plan.2.2.b", "II.2.2", "phấn đấu 100% số khu dân cư", t => t.Indicator("crime.clearance-rate").AtLeast(100).EachYear().Part("mô hình tự quản")
                .Reading("Mặc định: từng năm. Vì “phấn đấu” là từ làm mềm."))
            .Target("test.plan.2.2.b.nam-2025", "II.2.2", "phấn đấu 100% số khu dân cư", t => t.Indicator("crime.clearance-rate").AtLeast(100).ByDeadline().Part("mô hình tự quản, đến năm 2025")
                .AlternativeOf("test.plan.2.2.b").Reading("Thay thế: đến năm 2025.")));
        var listing = TargetsMarkdown.Plugin(rules);

        listing.ShouldContain("### II.2.2 (mô hình tự quản) — `test.plan.2.2.b`\n");
        listing.ShouldContain("- Alternative readings (reported, not counted): `test.plan.2.2.b.nam-2025` (II.2.2 (mô hình tự quản, đến năm 2025)).");
        listing.ShouldContain("- Reading taken (default): Mặc định: từng năm. Vì “phấn đấu” là từ làm mềm.");
        listing.ShouldContain("### II.2.2 (mô hình tự quản, đến năm 2025) — `test.plan.2.2.b.nam-2025` (alternative reading of `test.plan.2.2.b`)");
        listing.ShouldContain("- Reading (alternative, not counted): Thay thế: đến năm 2025.");
    }
}
