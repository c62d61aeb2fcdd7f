/**
 * What a worksheet needs from the rest of an .xlsx, read before the sheet whatever their order in
 * the zip: which part is the first worksheet (in the workbook's tab order, skipping hidden
 * ones), the 1900 or 1904 date system, which cell styles are dates (built-in and custom number
 * formats) and the shared strings (rich text runs joined, phonetic runs left out).
 */
import { overLimit, type SheetLimits, unreadable } from './limits';
import { parseXml, prefixedAttr, unescapeOoxml } from './xml';
import type { ZipParts } from './zip';

export interface WorkbookInfo {
  /** The zip path of the sheet to read. */
  sheetPath: string;
  date1904: boolean;
  /** By cell style index (`s`): whether numbers in that style are dates. */
  dateStyles: boolean[];
  sharedStrings: string[];
}

interface Relationship {
  type: string;
  target: string;
}

/** The part a relationship points to: relative to the source part's folder, or absolute. */
function resolvePart(from: string, target: string): string {
  const parts = target.startsWith('/') ? [] : from.split('/').slice(0, -1);
  for (const seg of target.replace(/^\/+/, '').split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

/** The relationships of `part` (`xl/workbook.xml` -> `xl/_rels/workbook.xml.rels`) by id. */
async function relationshipsOf(zip: ZipParts, part: string): Promise<Map<string, Relationship>> {
  const slash = part.lastIndexOf('/');
  const relsPath = `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
  const rels = new Map<string, Relationship>();
  if (!zip.has(relsPath)) return rels;
  await parseXml(relsPath, zip.text(relsPath), {
    open(name, a) {
      if (name === 'Relationship' && a.Id && a.Target && a.TargetMode !== 'External')
        rels.set(a.Id, { type: a.Type ?? '', target: resolvePart(part, a.Target) });
    },
    close() {},
  });
  return rels;
}

const ofType = (rels: Map<string, Relationship>, type: string) =>
  [...rels.values()].find((r) => r.type.endsWith(`/${type}`))?.target;

/** Built-in number formats that are dates or times (ECMA-376 18.8.30, and the East Asian ones). */
const BUILT_IN_DATES = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54,
  55, 56, 57, 58,
]);

/**
 * Whether a custom number format shows a date or a time: a d, m, y, h or s outside quoted text,
 * escapes and brackets (colours, conditions, locales), or an elapsed-time bracket ([h], [mm]).
 */
export function isDateFormat(code: string): boolean {
  const s = code.replace(/"[^"]*"/g, '').replace(/[\\_*]./g, '');
  if (/\[(h+|m+|s+)\]/i.test(s)) return true;
  const first = s
    .replace(/\[[^\]]*\]/g, '')
    .replace(/general/gi, '')
    .split(';')[0];
  return /[dmyhs]/i.test(first);
}

async function readDateStyles(zip: ZipParts, path: string | undefined): Promise<boolean[]> {
  if (!path || !zip.has(path)) return [];
  const custom = new Map<number, string>();
  const xfFormats: number[] = [];
  let inCellXfs = false;
  await parseXml(path, zip.text(path), {
    open(name, a) {
      if (name === 'numFmt') custom.set(Number(a.numFmtId), a.formatCode ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) xfFormats.push(Number(a.numFmtId ?? 0));
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return xfFormats.map((id) => {
    const code = custom.get(id);
    return code === undefined ? BUILT_IN_DATES.has(id) : isDateFormat(code);
  });
}

async function readSharedStrings(zip: ZipParts, path: string | undefined): Promise<string[]> {
  if (!path || !zip.has(path)) return [];
  const strings: string[] = [];
  let current = '';
  let depthPhonetic = 0;
  let inText = false;
  await parseXml(path, zip.text(path), {
    open(name) {
      if (name === 'si') current = '';
      else if (name === 'rPh') depthPhonetic++;
      else if (name === 't' && depthPhonetic === 0) inText = true;
    },
    close(name) {
      if (name === 'si') strings.push(unescapeOoxml(current));
      else if (name === 'rPh') depthPhonetic--;
      else if (name === 't') inText = false;
    },
    capturing: () => inText,
    text(t) {
      current += t;
    },
  });
  return strings;
}

/** Read the workbook's structure and what the first worksheet refers to. */
export async function readWorkbook(zip: ZipParts, limits: SheetLimits): Promise<WorkbookInfo> {
  const root = await relationshipsOf(zip, '');
  const workbookPath = ofType(root, 'officeDocument') ?? 'xl/workbook.xml';
  if (!zip.has(workbookPath))
    throw unreadable(
      'đây không phải tệp Excel .xlsx (không có workbook)',
      'this is not an Excel .xlsx (no workbook)',
    );
  const sheets: { rid: string; hidden: boolean }[] = [];
  let date1904 = false;
  await parseXml(workbookPath, zip.text(workbookPath), {
    open(name, a) {
      if (name === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
      else if (name === 'sheet') {
        sheets.push({ rid: prefixedAttr(a, 'id') ?? '', hidden: !!a.state && a.state !== 'visible' });
        if (sheets.length > limits.maxSheets) throw overLimit('maxSheets', limits.maxSheets);
      }
    },
    close() {},
  });
  const rels = await relationshipsOf(zip, workbookPath);
  const worksheets = sheets
    .map((s) => ({ ...s, rel: rels.get(s.rid) }))
    .filter((s) => s.rel?.type.endsWith('/worksheet') && zip.has(s.rel.target));
  const first = worksheets.find((s) => !s.hidden) ?? worksheets[0];
  if (!first) throw unreadable('tệp không có trang tính nào', 'the workbook has no worksheet');
  return {
    sheetPath: first.rel!.target,
    date1904,
    dateStyles: await readDateStyles(zip, ofType(rels, 'styles')),
    sharedStrings: await readSharedStrings(zip, ofType(rels, 'sharedStrings')),
  };
}
