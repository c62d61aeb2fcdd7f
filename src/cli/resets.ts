/**
 * `dtbd audit resets`: list, show and restore the fields a 0.1.0 update reset to their create
 * defaults without being asked (ADR 023). The logic runs on an output sink and a confirmation
 * function so that tests drive it on a real database; the command wires them to the terminal.
 */

import { sql } from 'drizzle-orm';
import type { Db } from '../server/db/client';
import { rowsOf } from '../server/db/rows';
import type { Actor } from '../server/lib/actor';
import type { Clock } from '../server/lib/dates';
import { requirePermission } from '../server/lib/scope';
import {
  countResetRows,
  type ResetCandidate,
  type ResetFilter,
  scanResets,
} from '../server/modules/workflows/resets';
import { restorable, restoreResets } from '../server/modules/workflows/resets.restore';
import { CliError, fmt } from './context';

export interface ResetsOptions extends ResetFilter {
  show?: number;
  restore?: boolean;
  yes?: boolean;
}

export interface ResetsIo {
  out(line: string): void;
  confirm(question: string): Promise<boolean>;
  progress(label: string, unit: string): { update(done: number, total: number): void; stop(): void };
}

const STATE = {
  reset: 'còn giá trị bị đặt lại / still reset',
  changed: 'đã sửa sau đó / changed since',
  restored: 'đã khôi phục / restored',
  gone: 'bản ghi đã xóa / record deleted',
} as const;

/** yyyy-mm-dd hh:mm in Vietnam (UTC+7). */
const when = (d: Date) => new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

function stateOf(c: ResetCandidate): string {
  if (c.state === 'restored' && c.later) return `${STATE.restored} (#${c.later.id})`;
  if (c.state === 'changed' && c.later)
    return `${STATE.changed}: #${c.later.id} ${when(c.later.at)} ${c.later.username ?? ''}`.trimEnd();
  if (c.state === 'changed') return `${STATE.changed}: ${show(c.now)}`;
  return STATE[c.state];
}

const COLUMNS = [8, 16, 14, 30, 16, 24];
const line = (cells: string[]) =>
  cells.map((c, i) => (i < COLUMNS.length ? c.padEnd(COLUMNS[i]) : c)).join(' ');

function row(c: ResetCandidate): string {
  const record = `${c.entity} ${c.entityId} ${c.summary ?? ''}`.slice(0, COLUMNS[3]);
  const possible = c.evidence === 'possible' ? ' (có thể đã được yêu cầu / may have been asked)' : '';
  return line([
    `#${c.auditId}`,
    when(c.at),
    (c.username ?? '').slice(0, COLUMNS[2]),
    record,
    c.field,
    `${show(c.old)} -> ${show(c.reset)}`,
    stateOf(c) + possible,
  ]);
}

function checkOptions(o: ResetsOptions) {
  if (o.since && !/^\d{4}-\d{2}-\d{2}$/.test(o.since))
    throw new CliError(`--since phải là ngày yyyy-mm-dd (nhận "${o.since}").`, `--since must be yyyy-mm-dd.`);
  if (o.show !== undefined && !(Number.isInteger(o.show) && o.show > 0))
    throw new CliError('--show cần số của dòng nhật ký.', '--show takes an audit entry number.');
}

/** Every candidate of the filter, a page at a time, with a progress bar over the audit rows read. */
async function* pages(db: Db, actor: Actor, f: ResetFilter, io: ResetsIo, label: string) {
  const total = await countResetRows(db, actor, f);
  const bar = io.progress(label, 'dòng nhật ký');
  bar.update(0, total);
  try {
    for await (const page of scanResets(db, actor, f)) {
      bar.update(page.scanned, total);
      yield page.candidates;
    }
  } finally {
    bar.stop();
  }
}

async function list(db: Db, actor: Actor, o: ResetsOptions, io: ResetsIo) {
  const counts = { reset: 0, changed: 0, restored: 0, gone: 0, hidden: 0 };
  let header = false;
  for await (const candidates of pages(db, actor, { ...o, all: true }, io, 'Đọc nhật ký / scanning')) {
    for (const c of candidates) {
      if (c.evidence === 'possible' && !o.all) {
        counts.hidden += 1;
        continue;
      }
      if (!header) {
        io.out(line(['Nhật ký', 'Thời điểm', 'Người sửa', 'Bản ghi', 'Trường', 'Cũ -> mới', 'Tình trạng']));
        header = true;
      }
      counts[c.state] += 1;
      io.out(row(c));
    }
  }
  if (!header) io.out('Không thấy giá trị nào bị đặt lại / no reset found.');
  io.out(
    `${fmt.format(counts.reset)} còn bị đặt lại, ${fmt.format(counts.changed)} đã sửa sau đó, ${fmt.format(counts.restored)} đã khôi phục / still reset, changed since, restored.`,
  );
  if (counts.hidden)
    io.out(
      `${fmt.format(counts.hidden)} thay đổi về giá trị mặc định là thay đổi duy nhất của lần sửa (có thể đã được yêu cầu): xem bằng --all / changes that were all their update did (maybe asked for): --all lists them.`,
    );
  if (counts.reset)
    io.out('Xem một dòng: --show <số>; khôi phục: --restore / show one: --show <n>; restore: --restore.');
}

async function detail(db: Db, actor: Actor, o: ResetsOptions, io: ResetsIo) {
  const [entry] = rowsOf<Record<string, unknown>>(
    await db.execute(sql`select id, at, username, action, entity, entity_id as "entityId", summary, before, after, request
      from audit_log where id = ${o.show} and (scope_path <@ ${actor.scopePath}::ltree
        or (scope_path is null and nlevel(${actor.scopePath}::ltree) = 1))`),
  );
  if (!entry) throw new CliError(`Không có dòng nhật ký #${o.show}.`, `No audit entry #${o.show}.`);
  const request = entry.request as { fields: string[] } | null;
  io.out(`#${entry.id} ${when(new Date(entry.at as string))} ${entry.username ?? ''} ${entry.action}`);
  io.out(`${entry.entity} ${entry.entityId}: ${entry.summary ?? ''}`);
  io.out(
    request
      ? `Trường được gửi / fields named: ${request.fields.join(', ')}`
      : 'Trường được gửi: không ghi (trước bản 0.2) / fields named: not recorded (before 0.2)',
  );
  const before = (entry.before ?? {}) as Record<string, unknown>;
  for (const [k, v] of Object.entries((entry.after ?? {}) as Record<string, unknown>))
    if (JSON.stringify(before[k]) !== JSON.stringify(v)) io.out(`  ${k}: ${show(before[k])} -> ${show(v)}`);
  const found: ResetCandidate[] = [];
  for await (const page of scanResets(db, actor, { auditId: o.show, all: true }))
    found.push(...page.candidates);
  if (!found.length) {
    io.out('Lần sửa này không đặt lại trường nào về mặc định / this update reset nothing.');
    return;
  }
  io.out('Trường bị đặt lại về mặc định / fields reset to their default:');
  for (const c of found) io.out(`  ${c.field}: ${show(c.old)} -> ${show(c.reset)}, ${stateOf(c)}`);
  if (found.some((c) => c.state === 'reset'))
    io.out(`Khôi phục: --show ${o.show} --restore / restore: --show ${o.show} --restore.`);
}

async function restore(deps: { db: Db; clock: Clock }, actor: Actor, o: ResetsOptions, io: ResetsIo) {
  const f: ResetFilter = { ...o, auditId: o.show ?? o.auditId, all: o.all || o.show !== undefined };
  let fields = 0;
  let records = 0;
  for await (const candidates of pages(deps.db, actor, f, io, 'Đọc nhật ký / scanning'))
    for (const group of restorable(candidates)) {
      records += 1;
      fields += group.length;
      for (const c of group) io.out(row(c));
    }
  if (!records) {
    io.out('Không có giá trị nào cần khôi phục / nothing to restore.');
    return 0;
  }
  const question = `Khôi phục ${fields} giá trị của ${records} lần sửa? / Restore ${fields} values of ${records} updates? [y/N] `;
  if (!o.yes && !(await io.confirm(question))) {
    io.out('Không khôi phục gì / nothing restored.');
    return 0;
  }
  const bar = io.progress('Khôi phục / restoring', 'lần sửa');
  let done = 0;
  const failed: string[] = [];
  for await (const page of scanResets(deps.db, actor, f)) {
    await restoreResets(deps, actor, restorable(page.candidates), (outcome) => {
      done += 1;
      bar.update(done, records);
      if (outcome.error)
        failed.push(
          `#${outcome.auditId} ${outcome.entity} ${outcome.entityId}: ${outcome.error.vi} / ${outcome.error.en}`,
        );
    });
  }
  bar.stop();
  for (const f of failed) io.out(`Bỏ qua / skipped ${f}`);
  io.out(`Đã khôi phục ${done - failed.length} lần sửa, bỏ qua ${failed.length} / restored, skipped.`);
  return failed.length ? 1 : 0;
}

/** Run the command; returns the exit code (1 when a restore was skipped). */
export async function runResets(
  deps: { db: Db; clock: Clock },
  actor: Actor,
  o: ResetsOptions,
  io: ResetsIo,
): Promise<number> {
  checkOptions(o);
  requirePermission(actor, 'audit.read');
  if (o.restore) return restore(deps, actor, o, io);
  if (o.show !== undefined) await detail(deps.db, actor, o, io);
  else await list(deps.db, actor, o, io);
  return 0;
}
