/**
 * Attendance and scores in and out of a sheet (ADR 013), pure. The template lists the enrolled
 * learners (STT, name, birth date, personal ID) and one column per session ("dd/mm/yyyy HH:MM")
 * or per assessment (its name); the office fills it in Excel and uploads it back as CSV. Each
 * row is matched by personal ID, else by name and birth date; every problem is named with its
 * row, column, value and why, in Vietnamese and English; nothing is written unless asked.
 */
import { ATTENDANCE_LABELS, type AttendanceStatus } from '../../../contracts/results';
import { foldText } from '../../../contracts/text';
import { BOM, csvLine } from '../../lib/csv-write';
import type { LearnerRow } from './results.queries';

type Msg = { vi: string; en: string };
export interface SheetError {
  row: number;
  column: string;
  value: string;
  message: Msg;
}

const dmy = (iso: string | null) => (iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : '');
const sessionHeader = (s: { day: string; startsAt: string }) => `${dmy(s.day)} ${s.startsAt}`;
const H = { stt: 'STT', name: 'Họ và tên', birth: 'Ngày sinh', pid: 'Số định danh' };

function head(learnerCells: string[][], extra: string[]): string {
  return (
    BOM + csvLine([H.stt, H.name, H.birth, H.pid, ...extra]) + learnerCells.map((r) => csvLine(r)).join('')
  );
}

export function attendanceTemplate(
  sessions: { day: string; startsAt: string }[],
  learners: LearnerRow[],
  marks: Map<string, AttendanceStatus>,
  sessionIds: number[],
): string {
  return head(
    learners.map((l, i) => [
      String(i + 1),
      l.fullName,
      dmy(l.birthDate),
      l.personalId ?? '',
      ...sessionIds.map((sid) => {
        const m = marks.get(`${sid}:${l.nominationId}`);
        return m ? ATTENDANCE_LABELS[m].short : '';
      }),
    ]),
    sessions.map(sessionHeader),
  );
}

export function scoresTemplate(
  assessments: { id: number; name: string }[],
  learners: LearnerRow[],
  scores: Map<string, number>,
): string {
  return head(
    learners.map((l, i) => [
      String(i + 1),
      l.fullName,
      dmy(l.birthDate),
      l.personalId ?? '',
      ...assessments.map((a) => {
        const s = scores.get(`${a.id}:${l.nominationId}`);
        return s === undefined ? '' : String(s).replace('.', ',');
      }),
    ]),
    assessments.map((a) => a.name),
  );
}

interface Matched {
  byColumn: Map<number, number>;
  rows: { row: number; nominationId: number; cells: string[] }[];
  errors: SheetError[];
}

/** Match the header's data columns to `keys` and each row to a learner. */
function matchSheet(
  rows: string[][],
  keys: { id: number; header: string }[],
  learners: LearnerRow[],
): Matched {
  const errors: SheetError[] = [];
  const header = rows[0] ?? [];
  const col = (name: string) => header.findIndex((h) => foldText(h) === foldText(name));
  const [nameCol, birthCol, pidCol] = [col(H.name), col(H.birth), col(H.pid)];
  if (nameCol < 0 && pidCol < 0)
    errors.push({
      row: 1,
      column: H.name,
      value: '',
      message: {
        vi: 'Thiếu cột "Họ và tên" hoặc "Số định danh".',
        en: 'A "Họ và tên" or "Số định danh" column is needed.',
      },
    });
  const byColumn = new Map<number, number>();
  const known = new Set([H.stt, H.name, H.birth, H.pid].map(foldText));
  header.forEach((h, i) => {
    if (known.has(foldText(h)) || h === '') return;
    const key = keys.find((k) => foldText(k.header) === foldText(h));
    if (key) byColumn.set(i, key.id);
    else
      errors.push({
        row: 1,
        column: h,
        value: h,
        message: {
          vi: 'Cột không khớp buổi học hoặc bài đánh giá nào của lớp.',
          en: 'The column matches no session or assessment of the class.',
        },
      });
  });
  const out: Matched['rows'] = [];
  const seen = new Set<number>();
  rows.slice(1).forEach((cells, i) => {
    const row = i + 2;
    const pid = pidCol >= 0 ? cells[pidCol] : '';
    const name = nameCol >= 0 ? cells[nameCol] : '';
    const birth = birthCol >= 0 ? cells[birthCol] : '';
    const found = pid
      ? learners.filter((l) => l.personalId === pid)
      : learners.filter(
          (l) => foldText(l.fullName) === foldText(name) && (!birth || dmy(l.birthDate) === birth),
        );
    const who = pid || name;
    if (found.length !== 1) {
      errors.push({
        row,
        column: pid ? H.pid : H.name,
        value: who,
        message:
          found.length === 0
            ? { vi: 'Không có học viên này trong lớp.', en: 'No such learner in the class.' }
            : {
                vi: 'Trùng tên: hãy ghi ngày sinh hoặc số định danh.',
                en: 'Several learners match: add the birth date or personal ID.',
              },
      });
      return;
    }
    if (seen.has(found[0].nominationId)) {
      errors.push({
        row,
        column: H.name,
        value: who,
        message: { vi: 'Học viên có hai dòng.', en: 'The learner appears twice.' },
      });
      return;
    }
    seen.add(found[0].nominationId);
    out.push({ row, nominationId: found[0].nominationId, cells });
  });
  return { byColumn, rows: out, errors };
}

const STATUS_BY_WORD = new Map<string, AttendanceStatus>(
  Object.entries(ATTENDANCE_LABELS).flatMap(([status, l]) =>
    [l.short, l.vi, l.en].map((w) => [foldText(w), status as AttendanceStatus] as const),
  ),
);

/** Why a session or assessment takes no value yet (ADR 025), by its id: a filled cell is an error. */
export type NotYetById = Map<number, { vi: string; en: string }>;

export function readAttendanceSheet(
  rows: string[][],
  sessions: { id: number; day: string; startsAt: string }[],
  learners: LearnerRow[],
  notYet: NotYetById = new Map(),
) {
  const m = matchSheet(
    rows,
    sessions.map((s) => ({ id: s.id, header: sessionHeader(s) })),
    learners,
  );
  const marks: { sessionId: number; nominationId: number; status: AttendanceStatus }[] = [];
  for (const r of m.rows)
    for (const [i, sessionId] of m.byColumn) {
      const v = r.cells[i] ?? '';
      if (!v) continue;
      const why = notYet.get(sessionId);
      if (why) {
        m.errors.push({ row: r.row, column: rows[0][i], value: v, message: why });
        continue;
      }
      const status = STATUS_BY_WORD.get(foldText(v));
      if (status) marks.push({ sessionId, nominationId: r.nominationId, status });
      else
        m.errors.push({
          row: r.row,
          column: rows[0][i],
          value: v,
          message: {
            vi: 'Ghi C (có mặt), M (muộn), P (vắng có phép) hoặc K (vắng không phép).',
            en: 'Use C (present), M (late), P (absent with leave) or K (absent).',
          },
        });
    }
  return { rows: rows.length - 1, marks, errors: m.errors };
}

/** A score as written in a sheet: 0 to 10, comma or dot, two decimals at most; null when not one. */
export function parseScore(v: string): number | null {
  const n = /^\d{1,2}([.,]\d{1,2})?$/.test(v.trim()) ? Number(v.trim().replace(',', '.')) : Number.NaN;
  return n >= 0 && n <= 10 ? n : null;
}

export function readScoresSheet(
  rows: string[][],
  assessments: { id: number; name: string }[],
  learners: LearnerRow[],
  notYet: NotYetById = new Map(),
) {
  const m = matchSheet(
    rows,
    assessments.map((a) => ({ id: a.id, header: a.name })),
    learners,
  );
  const scores: { assessmentId: number; nominationId: number; score: number }[] = [];
  for (const r of m.rows)
    for (const [i, assessmentId] of m.byColumn) {
      const v = r.cells[i] ?? '';
      if (!v) continue;
      const why = notYet.get(assessmentId);
      if (why) {
        m.errors.push({ row: r.row, column: rows[0][i], value: v, message: why });
        continue;
      }
      const n = parseScore(v);
      if (n !== null) scores.push({ assessmentId, nominationId: r.nominationId, score: n });
      else
        m.errors.push({
          row: r.row,
          column: rows[0][i],
          value: v,
          message: {
            vi: 'Điểm phải từ 0 đến 10, tối đa hai chữ số thập phân.',
            en: 'A score is 0 to 10 with two decimals at most.',
          },
        });
    }
  return { rows: rows.length - 1, scores, errors: m.errors };
}
