using System.Globalization;
using System.Text;

namespace Targets.Reports.Word.Layout;

/// <summary>
/// An estimate of how wide a line of Times New Roman is, from the font's advance widths (per 1000 units of the em,
/// the metrics Times New Roman shares with Times and Liberation Serif). Used only to size the short rules that Nghị định
/// 30/2020/NĐ-CP draws under the Tiêu ngữ (as long as the line), the issuing body and the trích yếu (1/3 to 1/2 of the
/// line): a Vietnamese letter is as wide as its base letter, which its marks sit above or below.
/// </summary>
internal static class TextWidth
{
    private const string Letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private static readonly int[] Regular =
    [
        722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, 556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611,
        444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, 500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444,
    ];

    private static readonly int[] Bold =
    [
        722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944, 722, 778, 611, 778, 722, 556, 667, 722, 722, 1000, 722, 722, 667,
        500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556, 278, 833, 556, 500, 556, 556, 444, 389, 333, 556, 500, 722, 500, 500, 444,
    ];

    /// <summary>The width in twips (1/20 pt) of <paramref name="text"/> at <paramref name="points"/>.</summary>
    public static int Twips(string text, int points, bool bold)
    {
        var table = bold ? Bold : Regular;
        var units = 0;
        foreach (var c in WordText.Clean(text).Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var letter = Letters.IndexOf(c switch { 'Đ' => 'D', 'đ' => 'd', _ => c }, StringComparison.Ordinal);
            units += letter >= 0 ? table[letter] : c switch
            {
                ' ' or ',' or '.' => 250,
                '-' or '(' or ')' => 333,
                _ => bold ? 556 : 500,
            };
        }

        return units * points * 20 / 1000;
    }
}
