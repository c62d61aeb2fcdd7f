/**
 * A large .xlsx of Vietnamese names and labels for the reader's proof test and bench (ADR 022):
 * every Vietnamese letter with a diacritic, upper and lower case, in NFC and NFD, long cells
 * that cross the inflated chunks' boundaries, shared strings or inline ones (rich text runs),
 * written with exceljs' streaming writer. `expectedRow(i)` is what a reader must give back.
 */
import ExcelJS from 'exceljs';

const VOWELS = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
/** No mark, grave, acute, hook above, tilde, dot below (combining). */
const TONES = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];

/** Every Vietnamese letter with a diacritic (and its plain vowel), lower then upper case, NFC. */
export const VIETNAMESE_LETTERS: string[] = (() => {
  const lower = VOWELS.flatMap((v) => TONES.map((t) => `${v}${t}`.normalize('NFC')));
  lower.push('đ');
  return [...lower, ...lower.map((l) => l.toUpperCase())];
})();
const ALPHABET = VIETNAMESE_LETTERS.join('');

const FAMILY = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
];
const MIDDLE = ['Văn', 'Thị', 'Đức', 'Hữu', 'Thuỳ', 'Quốc', 'Ngọc', 'Xuân', 'Thành', 'Mỹ'];
const GIVEN = [
  'Thử',
  'Ánh',
  'Bảo',
  'Cường',
  'Dũng',
  'Giang',
  'Hưng',
  'Khuê',
  'Lượng',
  'Nhật',
  'Phượng',
  'Quỳnh',
  'Sơn',
  'Tuyết',
  'Ước',
  'Yến',
];
const LABELS = [
  'Không',
  'Có',
  'Cao cấp lý luận chính trị',
  'Đại học',
  'Thạc sĩ',
  'Tiến sĩ',
  'Chuyên viên chính',
  'Phó Giám đốc Sở',
  'Hoàn thành tốt nhiệm vụ',
];

export const VIETNAMESE_HEADERS = [
  'STT',
  'Họ và tên',
  'Họ và tên (NFD)',
  'Nhãn',
  'Chữ cái',
  'Ghi chú dài',
  'Định dạng',
];

/** The cells of row i as written (text may be NFD); a reader gives back their NFC. */
export function writtenRow(i: number): [number, string, string, string, string, string, string] {
  const name = `${FAMILY[i % FAMILY.length]} ${MIDDLE[(i >> 2) % MIDDLE.length]} ${GIVEN[(i >> 4) % GIVEN.length]} ${i}`;
  const start = i % VIETNAMESE_LETTERS.length;
  const letters = ALPHABET.slice(ALPHABET.indexOf(VIETNAMESE_LETTERS[start])) + ALPHABET;
  // Every 500th row a cell longer than an inflated chunk (16 KB); the others ~0.2-1.2 KB.
  const long =
    i % 500 === 0
      ? `${name}: ${ALPHABET.repeat(60)}`
      : `${LABELS[i % LABELS.length]} — ${ALPHABET.slice(0, 40 + (i % 300))}`;
  return [
    i,
    name,
    name.normalize('NFD'),
    LABELS[(i * 7) % LABELS.length],
    (i % 2 ? letters : letters.normalize('NFD')).slice(0, 60 + (i % 90)),
    i % 3 ? long : long.normalize('NFD'),
    `${GIVEN[i % GIVEN.length]} ${FAMILY[(i >> 1) % FAMILY.length]}`,
  ];
}

/** What the reader must return for row i: the NFC of what was written, trimmed. */
export function expectedRow(i: number): (string | number)[] {
  return writtenRow(i).map((c) => (typeof c === 'string' ? c.normalize('NFC').trim() : c));
}

/**
 * Write `rows` rows (after the header) to `file`. `shared`: text as shared strings; otherwise
 * plain text as `t="str"` cells and the last column as an inline rich-text string in two runs.
 */
export async function writeVietnameseSheet(file: string, rows: number, shared: boolean): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useSharedStrings: shared,
    useStyles: true,
  });
  const ws = wb.addWorksheet('Dữ liệu');
  ws.addRow(VIETNAMESE_HEADERS).commit();
  for (let i = 0; i < rows; i++) {
    const r = writtenRow(i);
    const cut = r[6].indexOf(' ');
    const rich = {
      richText: [{ text: r[6].slice(0, cut) }, { text: r[6].slice(cut), font: { bold: true } }],
    };
    ws.addRow([...r.slice(0, 6), shared ? r[6] : rich]).commit();
  }
  ws.commit();
  // The guide sheet after the data, as in the import templates: it must not be read.
  wb.addWorksheet('Hướng dẫn').addRow(['Không phải dữ liệu']).commit();
  await wb.commit();
}
