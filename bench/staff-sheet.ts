/**
 * The staff-list sheet of the import benchmarks: N people in the template's columns (names,
 * real Excel dates, codes, the demo tree's unit codes), written by exceljs' streaming writer.
 */
import ExcelJS from 'exceljs';
import { PEOPLE_COLUMNS } from '../src/server/modules/people/people.columns';

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ'];
const MIDDLE = ['Văn', 'Thị', 'Đức', 'Minh', 'Thu', 'Quang', 'Ngọc'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dũng', 'Hà', 'Hùng', 'Lan', 'Mai', 'Nam', 'Phương', 'Sơn', 'Tâm'];

/**
 * Write N staff rows to `file` (.xlsx), spread over `unitCodes`; `shared`: text as shared strings
 * (as Excel saves a workbook) rather than inline.
 */
export async function writeStaffSheet(file: string, N: number, unitCodes: string[], shared = false) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useStyles: true,
    useSharedStrings: shared,
  });
  const ws = wb.addWorksheet('Dữ liệu');
  ws.addRow(PEOPLE_COLUMNS.map((c) => c.vi)).commit();
  for (let i = 0; i < N; i++) {
    const name = `${FAMILY[i % 10]} ${MIDDLE[(i >> 3) % 7]} ${GIVEN[(i >> 5) % 12]}`;
    const birth = new Date(Date.UTC(1965 + (i % 35), i % 12, 1 + (i % 28)));
    const values: Record<string, unknown> = {
      full_name: name,
      birth_date: birth,
      gender: i % 2 ? 'F' : 'M',
      ethnicity: 'KINH',
      pid: String(10_000_000_000 + i).padStart(12, '0'),
      party_member: i % 3 ? 'Không' : 'Có',
      category: 'CC',
      rank: 'CV',
      post_code: 'CHUYEN_VIEN',
      post: 'Chuyên viên',
      leadership_tier: 'NONE',
      unit_code: unitCodes[i % unitCodes.length],
      status: 'WORKING',
      service_start: new Date(Date.UTC(2000 + (i % 20), 0, 15)),
    };
    // By key, in the template's column order: a column added to the template moves nothing here.
    ws.addRow(PEOPLE_COLUMNS.map((c) => values[c.key] ?? null)).commit();
  }
  ws.commit();
  await wb.commit();
}
