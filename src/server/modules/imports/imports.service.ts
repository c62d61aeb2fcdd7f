/**
 * Imports (ADR 018): upload and check (preview), commit in one transaction, history, errors,
 * the original file, progress, undo as a whole. Permission `imports.run`, scope: the actor's
 * subtree (batches of another subtree are 404).
 */
import crypto from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  ImportKind,
  ImportMode,
  ImportProgress,
  ImportSort,
  UploadQuery,
} from '../../../contracts/imports';
import type { DbHandle } from '../../db/client';
import { importBatches, importFiles } from '../../db/schema/index';
import type { Actor } from '../../lib/actor';
import { audit } from '../../lib/audit';
import { type Clock, todayOf } from '../../lib/dates';
import { AppError, fieldError, invalid, notFound } from '../../lib/errors';
import { getUnitInScope, requirePermission } from '../../lib/scope';
import { DEFAULT_SHEET_LIMITS, type SheetLimits } from '../../lib/sheets/limits';
import { openSheet } from '../../lib/sheets/read';
import { BATCH, counts, storeFile, toView, undoBlocked } from './imports.batch';
import { kindForClass } from './imports.classes';
import { rowErrorMessage } from './imports.codes';
import {
  findBatch,
  LEASE_SECONDS,
  listBatches,
  listErrors,
  markInterrupted,
  renewLease,
} from './imports.queries';
import { type Phase, runImport } from './imports.runner';
import { dropStaged, stagedRows } from './imports.staged';
import { KINDS } from './kinds/index';

const progress = new Map<number, { phase: ImportProgress['phase']; done: number; total: number }>();

const kindDef = (kind: ImportKind) => KINDS[kind];

export interface RunHooks {
  onProgress?: (phase: Phase, done: number, total: number) => void;
  /** Skip the preview check (the CLI writes in one pass: the commit checks again anyway). */
  skipCheck?: boolean;
}

export function createImportsService({
  handle,
  clock,
  limits = DEFAULT_SHEET_LIMITS,
}: {
  handle: DbHandle;
  clock: Clock;
  /** How big an uploaded sheet may be (config `importLimits`). */
  limits?: SheetLimits;
}) {
  const db = handle.db;

  async function getBatch(actor: Actor, id: number) {
    requirePermission(actor, 'imports.run');
    await markInterrupted(db, [...progress.keys()]);
    const b = await findBatch(db, id, actor.scopePath);
    if (!b) throw notFound(BATCH);
    return b;
  }

  async function fileOf(batchId: number): Promise<Buffer> {
    const parts = await db
      .select({ content: importFiles.content })
      .from(importFiles)
      .where(eq(importFiles.batchId, batchId))
      .orderBy(importFiles.part);
    // PGlite returns bytea as a Uint8Array, node-postgres as a Buffer.
    return Buffer.concat(parts.map((p) => p.content));
  }

  return {
    /** Store the file and check every row; nothing is written to the data. */
    async upload(actor: Actor, query: z.infer<typeof UploadQuery>, bytes: Buffer, hooks: RunHooks = {}) {
      requirePermission(actor, 'imports.run');
      const unit = await getUnitInScope(db, actor, query.unitId ?? actor.scopeUnitId);
      const def = await kindForClass(db, kindDef(query.kind), query.classId, actor.scopePath);
      if (def.permission) requirePermission(actor, def.permission);
      if (unit.validTo) throw new AppError('UNIT_DISSOLVED');
      if (!bytes.length) throw invalid([fieldError('file', 'tệp rỗng', 'the file is empty')]);
      if (hooks.skipCheck) {
        // Not checked now, but read as far as its first row: a damaged or oversized file is
        // refused here, before any batch exists.
        await (await openSheet(bytes, limits)).close();
      }
      // The batch, its file and the check in one transaction: a file that cannot be read (or
      // passes a limit while read) leaves no batch behind.
      const batch = await handle.transactionWithCopy(async (t) => {
        const [created] = await t.db
          .insert(importBatches)
          .values({
            kind: query.kind,
            unitId: unit.id,
            scopePath: actor.scopePath,
            classId: query.classId ?? null,
            fileName: query.fileName,
            sha256: crypto.createHash('sha256').update(bytes).digest('hex'),
            size: bytes.length,
            userId: actor.userId || null,
            username: actor.username,
          })
          .returning();
        await storeFile(t.db, created.id, bytes);
        if (hooks.skipCheck) return created;
        const r = await runImport(t, {
          def,
          bytes,
          limits,
          write: null,
          staged: 'keep',
          ctx: {
            batchId: created.id,
            scopePath: actor.scopePath,
            unitId: unit.id,
            classId: created.classId,
            userId: actor.userId || null,
            today: todayOf(clock),
            now: clock.now(),
          },
          onProgress: (phase, done) => hooks.onProgress?.(phase, done, 0),
        });
        await t.db.update(importBatches).set(counts(r)).where(eq(importBatches.id, created.id));
        return created;
      });
      return toView((await findBatch(db, batch.id, actor.scopePath))!, actor.lang);
    },

    /**
     * Write the checked file in one transaction. The batch is committed as `running` first; the
     * data transaction sets `committed` with the data, or the batch is `failed` with nothing written.
     */
    async commit(actor: Actor, id: number, mode: ImportMode, hooks: RunHooks = {}) {
      const b = await getBatch(actor, id);
      const def = await kindForClass(db, kindDef(b.kind as ImportKind), b.classId, b.scopePath);
      if (def.permission) requirePermission(actor, def.permission);
      // In the map before the status changes, so this process never marks its own import interrupted.
      progress.set(id, { phase: 'reading', done: 0, total: b.totalRows });
      const [started] = await db
        .update(importBatches)
        .set({
          status: 'running',
          mode,
          startedAt: clock.now(),
          failure: null,
          leaseUntil: sql`now() + make_interval(secs => ${LEASE_SECONDS})`,
        })
        // An interrupted commit wrote nothing: it may run again (ADR 027).
        .where(
          sql`${importBatches.id} = ${id} and ${importBatches.status} in ('previewed', 'failed', 'interrupted')`,
        )
        .returning({ id: importBatches.id });
      if (!started) progress.delete(id);
      if (!started)
        throw new AppError('CONFLICT', {
          message: {
            vi: 'Lần nhập này đã được ghi hoặc đang ghi.',
            en: 'This import was already written or is running.',
          },
        });
      const total = b.totalRows;
      // The heartbeat keeps the lease while this process lives; a killed process stops renewing.
      const heartbeat = setInterval(
        () => {
          renewLease(db, id).catch(() => {});
        },
        (LEASE_SECONDS * 1000) / 3,
      );
      heartbeat.unref();
      // The preview's checked rows are kept (ADR 047): the commit reads the .xlsx only without them.
      const kept = await stagedRows(db, id);
      const bytes = await (kept > 0 ? Promise.resolve(null) : fileOf(id)).catch((err) => {
        clearInterval(heartbeat);
        progress.delete(id);
        throw err;
      });
      const report = (phase: Phase, done: number) => {
        progress.set(id, { phase, done, total });
        hooks.onProgress?.(phase, done, total);
      };
      try {
        await handle.transactionWithCopy(async (t) => {
          await t.db.execute(sql`select id from import_batches where id = ${id} for update`);
          const r = await runImport(t, {
            def,
            bytes,
            limits,
            write: mode,
            staged: bytes ? undefined : 'reuse',
            ctx: {
              batchId: id,
              scopePath: b.scopePath,
              unitId: b.unitId,
              classId: b.classId,
              userId: actor.userId || null,
              today: todayOf(clock),
              now: clock.now(),
            },
            onProgress: report,
          });
          if (!r.refused) await dropStaged(t.db, id);
          const failure = r.refused
            ? {
                vi: `Từ chối: ${r.errorRows} dòng có lỗi (chế độ "tất cả hoặc không"). Không có dữ liệu nào được ghi.`,
                en: `Refused: ${r.errorRows} rows have errors ("all or nothing"). Nothing was written.`,
              }
            : null;
          await t.db
            .update(importBatches)
            .set({
              ...counts(r),
              writtenRows: r.writtenRows,
              status: r.refused ? 'failed' : 'committed',
              failure,
              finishedAt: clock.now(),
            })
            .where(eq(importBatches.id, id));
          if (!r.refused)
            await audit(t.db, actor, {
              action: 'import.commit',
              entity: 'import_batch',
              entityId: id,
              summary: `${b.kind}: ${b.fileName} (${r.writtenRows})`,
              scopePath: b.scopePath,
              after: {
                kind: b.kind,
                mode,
                fileName: b.fileName,
                written: r.writtenRows,
                errorRows: r.errorRows,
              },
            });
        });
      } catch (err) {
        await db
          .update(importBatches)
          .set({
            status: 'failed',
            finishedAt: clock.now(),
            // A file refused while read (a limit lowered since the preview) says why.
            failure:
              err instanceof AppError && err.code.startsWith('FILE_')
                ? err.localized
                : {
                    vi: 'Lỗi khi ghi; không có dữ liệu nào được ghi.',
                    en: 'Writing failed; nothing was written.',
                  },
          })
          .where(eq(importBatches.id, id));
        throw err;
      } finally {
        clearInterval(heartbeat);
        progress.delete(id);
      }
      return toView((await findBatch(db, id, actor.scopePath))!, actor.lang);
    },

    async list(
      actor: Actor,
      query: { kind?: ImportKind; page: number; pageSize: number; sort?: ImportSort },
    ) {
      requirePermission(actor, 'imports.run');
      await markInterrupted(db, [...progress.keys()]);
      const { items, total } = await listBatches(
        db,
        actor.scopePath,
        query.kind,
        query.page,
        query.pageSize,
        query.sort,
      );
      return {
        items: items.map((b) => toView(b, actor.lang)),
        total,
        page: query.page,
        pageSize: query.pageSize,
      };
    },

    async get(actor: Actor, id: number) {
      return toView(await getBatch(actor, id), actor.lang);
    },

    async errors(actor: Actor, id: number, page: number, pageSize: number, severity?: 'error' | 'warning') {
      await getBatch(actor, id);
      const { items, total } = await listErrors(db, id, page, pageSize, severity);
      return {
        items: items.map((e) => ({
          row: e.rowNumber,
          column: e.column,
          value: e.value,
          code: e.code,
          severity: e.severity,
          message: e.message?.[actor.lang] ?? rowErrorMessage(e.code, e.details, actor.lang),
          details: e.details,
        })),
        total,
        page,
        pageSize,
      };
    },

    async file(actor: Actor, id: number) {
      const b = await getBatch(actor, id);
      return { fileName: b.fileName, content: await fileOf(id) };
    },

    async progress(actor: Actor, id: number): Promise<ImportProgress> {
      const b = await getBatch(actor, id);
      const p = progress.get(id);
      if (p) return { status: 'running', ...p };
      return {
        status: b.status as ImportProgress['status'],
        phase: b.status === 'running' ? 'waiting' : 'done',
        done: b.writtenRows,
        total: b.totalRows,
      };
    },

    /** Remove everything the import wrote, in one transaction; refused when later work depends on it. */
    async undo(actor: Actor, id: number, reason: string) {
      await getBatch(actor, id);
      const b = await db.transaction(async (tx) => {
        const batch = await findBatch(tx, id, actor.scopePath, true);
        if (!batch) throw notFound(BATCH);
        if (batch.status !== 'committed')
          throw new AppError('CONFLICT', {
            message: { vi: 'Chỉ hoàn tác được lần nhập đã ghi.', en: 'Only a written import can be undone.' },
          });
        const def = kindDef(batch.kind as ImportKind);
        if (def.permission) requirePermission(actor, def.permission);
        const blockers = await def.undoBlockers(tx, id);
        if (blockers.length) throw undoBlocked(blockers);
        const removed = await def.undo(tx, id).catch((err: { code?: string; cause?: { code?: string } }) => {
          // Any other record pointing at an imported row (a foreign key) also blocks the undo.
          if ((err.code ?? err.cause?.code) === '23503')
            throw undoBlocked([
              { vi: 'dữ liệu khác đã dùng đến các dòng này', en: 'other records refer to these rows' },
            ]);
          throw err;
        });
        await tx
          .update(importBatches)
          .set({ status: 'undone', undoneBy: actor.username, undoneAt: clock.now(), undoneReason: reason })
          .where(eq(importBatches.id, id));
        await audit(tx, actor, {
          action: 'import.undo',
          entity: 'import_batch',
          entityId: id,
          summary: `${batch.kind}: ${batch.fileName} (${removed})`,
          scopePath: batch.scopePath,
          before: { status: 'committed', written: batch.writtenRows },
          after: { status: 'undone', removed, reason },
        });
        return batch;
      });
      return toView((await findBatch(db, b.id, actor.scopePath))!, actor.lang);
    },
  };
}

export type ImportsService = ReturnType<typeof createImportsService>;
