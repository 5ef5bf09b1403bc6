using Shouldly;
using Targets.Reports.Word.Layout;

namespace Targets.Reports.Word.Tests.Layout;

public sealed class ReportBodyTests
{
    [Fact]
    public void IssuerLines_NameWiderThanItsColumn_BreaksBeforeTheLocalityNeverInsideIt()
    {
        ReportBody.IssuerLines("BAN CHỈ ĐẠO 138 THÀNH PHỐ CẦN THƠ").ShouldBe(["BAN CHỈ ĐẠO 138", "THÀNH PHỐ CẦN THƠ"]);
        ReportBody.IssuerLines("BAN CHỈ ĐẠO 138 THỊ XÃ ĐÔNG TRIỀU").ShouldBe(["BAN CHỈ ĐẠO 138", "THỊ XÃ ĐÔNG TRIỀU"]);
    }

    [Fact]
    public void IssuerLines_NameThatFits_IsOneLine()
    {
        ReportBody.IssuerLines("CÔNG AN TỈNH").ShouldBe(["CÔNG AN TỈNH"]);
    }

    [Fact]
    public void IssuerLines_LongNameWithNoLocality_FillsLinesWordByWordKeepingEveryWord()
    {
        const string Issuer = "BAN CHỈ ĐẠO PHÒNG, CHỐNG TỘI PHẠM, TỆ NẠN XÃ HỘI VÀ XÂY DỰNG PHONG TRÀO TOÀN DÂN BẢO VỆ AN NINH TỔ QUỐC";

        var lines = ReportBody.IssuerLines(Issuer);

        lines.Count.ShouldBeGreaterThan(1);
        string.Join(" ", lines).ShouldBe(Issuer);
    }
}
