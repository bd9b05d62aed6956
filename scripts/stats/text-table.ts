/**
 * Plain-text tables for a terminal, with Chinese characters counted as two columns so that
 * mixed 中文/English rows still line up.
 */

/** Terminal columns a string occupies: CJK ideographs, kana, Hangul and full-width forms take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const character of text) {
    const code = character.codePointAt(0)!;
    const wide =
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6) ||
      (code >= 0x20000 && code <= 0x3fffd);
    width += wide ? 2 : 1;
  }
  return width;
}

export type Alignment = 'left' | 'right';

export function renderTable(headers: string[], rows: string[][], alignments: Alignment[]): string {
  const widths = headers.map((header, column) =>
    Math.max(displayWidth(header), ...rows.map((row) => displayWidth(row[column] ?? ''))),
  );
  const pad = (text: string, column: number) => {
    const fill = ' '.repeat(widths[column]! - displayWidth(text));
    return alignments[column] === 'right' ? fill + text : text + fill;
  };
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => pad(cell, column))
      .join('  ')
      .trimEnd();
  return [line(headers), widths.map((width) => '─'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}
