/** The characters of cp1252 above ASCII's and below Latin-1's: what the PDF's standard fonts can show there. */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/** Letters NFKD does not take apart, seen in names (Vietnamese Đặng, Polish Łukasz). */
const BASE_LETTERS: Record<string, string> = { Đ: 'D', đ: 'd', Ł: 'L', ł: 'l', ı: 'i', Ħ: 'H', ħ: 'h' };

function printable(char: string): boolean {
  const code = char.codePointAt(0)!;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(char);
}

/**
 * Text the PDF's built-in fonts (Helvetica, Courier: WinAnsi only) can draw. Without this, an emoji
 * or a letter outside Latin-1 comes out as garbage bytes ("Ø=Þ" for 😀). Accented letters keep
 * their base letter (ē -> e); marks, joiners and variation selectors vanish; anything else becomes
 * "?", so the line keeps its length and nothing crashes.
 */
export function pdfSafe(text: string): string {
  let out = '';
  for (const char of text) {
    if (printable(char)) out += char;
    else if (/[\p{M}\p{Cf}\p{Cc}]/u.test(char)) continue;
    else {
      const base = BASE_LETTERS[char] ?? char.normalize('NFKD').replace(/\p{M}/gu, '');
      out += base !== '' && [...base].every(printable) ? base : '?';
    }
  }
  return out;
}
