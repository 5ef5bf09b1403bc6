namespace Targets.Reports.Word.Layout;

/// <summary>
/// The page and type of an administrative document under Nghị định 30/2020/NĐ-CP, Phụ lục I (kỹ thuật trình bày), in
/// Word's units: twips (1/20 pt) for lengths, half-points for type sizes.
/// </summary>
internal static class Page
{
    /// <summary>A4 portrait: 210 × 297 mm.</summary>
    public const int Width = 11906;

    /// <inheritdoc cref="Width"/>
    public const int Height = 16838;

    /// <summary>Top and bottom margins: 20 mm (the decree allows 20–25 mm).</summary>
    public const int MarginTop = 1134;

    /// <inheritdoc cref="MarginTop"/>
    public const int MarginBottom = 1134;

    /// <summary>Left margin: 30 mm (30–35 mm).</summary>
    public const int MarginLeft = 1701;

    /// <summary>Right margin: 15 mm (15–20 mm).</summary>
    public const int MarginRight = 850;

    /// <summary>Where the page number sits, in the top margin: 10 mm from the edge.</summary>
    public const int HeaderDistance = 567;

    /// <summary>The width of the text: 165 mm.</summary>
    public const int TextWidth = Width - MarginLeft - MarginRight;

    /// <summary>The first-line indent of a paragraph: 1 cm (1–1,27 cm).</summary>
    public const int FirstLineIndent = 567;

    /// <summary>The space after a paragraph: 6 pt (at least 6 pt).</summary>
    public const int ParagraphSpacing = 120;

    /// <summary>Line spacing: 1,15 lines (single to 1,5 lines), in 240ths of a line.</summary>
    public const int LineSpacing = 276;

    /// <summary>The heading table's left column (issuing body, number): 65 mm; the right one (Quốc hiệu, date) takes the rest.</summary>
    public const int HeadingLeftColumn = 3685;

    /// <summary>The font of every run: Times New Roman (Unicode, TCVN 6909:2001).</summary>
    public const string Font = "Times New Roman";

    /// <summary>Body text: 14 pt (13–14 pt).</summary>
    public const int Body = 28;

    /// <summary>Quốc hiệu, the issuing body and its parent: 12 pt (12–13 pt); 12 keeps the Quốc hiệu on one line in its column.</summary>
    public const int Heading = 24;

    /// <summary>Tiêu ngữ: 13 pt (13–14 pt).</summary>
    public const int Motto = 26;

    /// <summary>“Số: …”: 13 pt.</summary>
    public const int Number = 26;

    /// <summary>Table text: 12 pt.</summary>
    public const int Table = 24;

    /// <summary>“Nơi nhận:”: 12 pt, bold italic.</summary>
    public const int RecipientsLabel = 24;

    /// <summary>The recipients: 11 pt.</summary>
    public const int Recipients = 22;

    /// <summary>Width of a short rule (Tiêu ngữ, issuing body, trích yếu) in eighths of a point: 0,75 pt, solid.</summary>
    public const int RuleWeight = 6;
}
