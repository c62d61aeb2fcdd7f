/**
 * Zip files and minimal .xlsx workbooks made by hand for the reader's tests: parts in any order,
 * any XML, and sizes that can lie (a central directory that declares less than the entry holds).
 */
import zlib from 'node:zlib';

export interface ZipEntry {
  name: string;
  content: string | Buffer;
  /** Store instead of deflate. */
  store?: boolean;
  /** Declare this uncompressed size in the headers instead of the real one. */
  declaredSize?: number;
}

/** A zip of the entries, in the order given. */
export function zipOf(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const data = Buffer.isBuffer(e.content) ? e.content : Buffer.from(e.content, 'utf8');
    const packed = e.store ? data : zlib.deflateRawSync(data);
    const name = Buffer.from(e.name, 'utf8');
    const size = e.declaredSize ?? data.length;
    const crc = zlib.crc32(data);
    const method = e.store ? 0 : 8;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, packed);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const R_NS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export interface HandSheet {
  name: string;
  /** The <sheetData> content. */
  rows: string;
  hidden?: boolean;
}

/**
 * The parts of a workbook: sheets in tab order (stored as sheet1.xml, sheet2.xml, ... in that
 * order unless `reverseFiles`), optional shared strings and styles (`numFmts`, `cellXfs` XML).
 */
export function workbookParts(o: {
  sheets: HandSheet[];
  shared?: string[];
  /** Raw <si> contents instead of plain strings. */
  sharedXml?: string[];
  styles?: string;
  date1904?: boolean;
  reverseFiles?: boolean;
}): ZipEntry[] {
  const n = o.sheets.length;
  const file = (i: number) => `xl/worksheets/sheet${o.reverseFiles ? n - i : i + 1}.xml`;
  const rels = o.sheets.map(
    (_, i) =>
      `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/${file(i).slice(14)}"/>`,
  );
  const si = o.sharedXml ?? o.shared?.map((s) => `<t xml:space="preserve">${escapeXml(s)}</t>`);
  if (si) rels.push(`<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
  if (o.styles) rels.push(`<Relationship Id="rIdT" Type="${REL}/styles" Target="/xl/styles.xml"/>`);
  const parts: ZipEntry[] = [
    {
      name: '_rels/.rels',
      content: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      content: `<?xml version="1.0" encoding="UTF-8"?><workbook ${NS} ${R_NS}>${o.date1904 ? '<workbookPr date1904="1"/>' : '<workbookPr/>'}<sheets>${o.sheets
        .map(
          (s, i) =>
            `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}"${s.hidden ? ' state="hidden"' : ''} r:id="rId${i + 1}"/>`,
        )
        .join('')}</sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      content: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`,
    },
  ];
  const sheetParts = o.sheets.map((s, i) => ({
    name: file(i),
    content: `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}><sheetData>${s.rows}</sheetData></worksheet>`,
  }));
  parts.push(...(o.reverseFiles ? sheetParts.reverse() : sheetParts));
  // Shared strings and styles after the sheets, as exceljs' streaming writer puts them.
  if (o.styles)
    parts.push({
      name: 'xl/styles.xml',
      content: `<?xml version="1.0" encoding="UTF-8"?><styleSheet ${NS}>${o.styles}</styleSheet>`,
    });
  if (si)
    parts.push({
      name: 'xl/sharedStrings.xml',
      content: `<?xml version="1.0" encoding="UTF-8"?><sst ${NS} count="${si.length}" uniqueCount="${si.length}">${si.map((x) => `<si>${x}</si>`).join('')}</sst>`,
    });
  return parts;
}

export const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A one-sheet workbook of inline-string rows (for limits and HTTP tests). */
export function inlineXlsx(rows: string[][]): Buffer {
  const xml = rows
    .map(
      (r, i) =>
        `<row r="${i + 1}">${r.map((c) => `<c t="inlineStr"><is><t>${escapeXml(c)}</t></is></c>`).join('')}</row>`,
    )
    .join('');
  return zipOf(workbookParts({ sheets: [{ name: 'Dữ liệu', rows: xml }] }));
}
