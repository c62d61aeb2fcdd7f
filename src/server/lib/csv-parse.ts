import { restoreCell } from './cell-safety';

/**
 * Reading a sheet saved as CSV by Excel or LibreOffice: UTF-8 with or without BOM, comma,
 * semicolon (Vietnamese Excel) or tab separated (the delimiter of the header line wins), quoted
 * cells with doubled quotes and line breaks, CRLF or LF. Cells are NFC-normalised and trimmed.
 */
export function parseCsv(text: string): string[][] {
  return [...csvRows(text)].map((r) => r.cells);
}

/**
 * The rows of a CSV text one at a time (a 100,000-row sheet is never held as arrays), with the
 * line each row starts on (1-based, as a spreadsheet numbers it). Blank rows are skipped.
 */
export function* csvRows(text: string): Generator<{ line: number; cells: string[] }> {
  const src = text.replace(/^\uFEFF/, '');
  const firstLine = src.slice(0, src.search(/\r?\n|$/));
  const counts = [',', ';', '\t'].map((d) => [d, firstLine.split(d).length - 1] as const);
  const delim = counts.sort((a, b) => b[1] - a[1])[0][1] > 0 ? counts[0][0] : ',';
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  const finish = (r: string[]) => {
    // A cell our own writer neutralised ('=...) reads back as it was.
    const cells = r.map((c) => restoreCell(c.normalize('NFC').trim()));
    return cells.some((c) => c !== '') ? { line: rowLine, cells } : null;
  };
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        cell += ch;
      }
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === delim) {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      row.push(cell);
      const done = finish(row);
      if (done) yield done;
      row = [];
      cell = '';
      line++;
      rowLine = line;
    } else cell += ch;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    const done = finish(row);
    if (done) yield done;
  }
}
