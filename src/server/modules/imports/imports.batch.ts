/**
 * The batch as the screens see it, its counts, the stored file and the undo refusal (ADR 018),
 * shared by the import service's steps (imports.service.ts).
 */
import { sql } from 'drizzle-orm';
import type { ImportBatch, ImportKind, ImportMode } from '../../../contracts/imports';
import type { Db } from '../../db/client';
import { importFiles } from '../../db/schema/index';
import { AppError } from '../../lib/errors';
import type { BatchRow } from './imports.queries';
import type { RunResult } from './imports.runner';

export const BATCH = { vi: 'lần nhập', en: 'Import' };

export function toView(b: BatchRow, lang: 'vi' | 'en'): ImportBatch {
  return {
    id: b.id,
    kind: b.kind as ImportKind,
    unitId: b.unitId,
    unitName: b.unitName,
    classId: b.classId,
    fileName: b.fileName,
    size: b.size,
    mode: b.mode as ImportMode | null,
    status: b.status as ImportBatch['status'],
    totalRows: b.totalRows,
    validRows: b.validRows,
    errorRows: b.errorRows,
    writtenRows: b.writtenRows,
    errorCounts: b.errorCounts,
    warningCounts: b.warningCounts,
    sample: b.sample,
    failure: b.failure ? b.failure[lang] : null,
    username: b.username,
    createdAt: b.createdAt.toISOString(),
    finishedAt: b.finishedAt?.toISOString() ?? null,
    undoneBy: b.undoneBy,
    undoneAt: b.undoneAt?.toISOString() ?? null,
    undoneReason: b.undoneReason,
  };
}

export const counts = (r: RunResult) => ({
  totalRows: r.totalRows,
  validRows: r.totalRows - r.errorRows,
  errorRows: r.errorRows,
  errorCounts: r.errorCounts,
  warningCounts: r.warningCounts,
  sample: r.sample,
});

/** Parts of a stored file: a bytea parameter costs PGlite many times its size in memory. */
const FILE_PART = 1024 * 1024;

/** Store the upload in parts of 1 MB, each sent as hex text (bounded memory on both databases). */
export async function storeFile(db: Db, batchId: number, bytes: Buffer) {
  for (let part = 0; part * FILE_PART < bytes.length; part++) {
    const hex = bytes.subarray(part * FILE_PART, (part + 1) * FILE_PART).toString('hex');
    await db.insert(importFiles).values({ batchId, part, content: sql`decode(${hex}, 'hex')` });
  }
}

export function undoBlocked(reasons: { vi: string; en: string }[]) {
  return new AppError('CONFLICT', {
    message: {
      vi: `Không hoàn tác được vì đã có việc dựa trên dữ liệu này: ${reasons.map((r) => r.vi).join('; ')}.`,
      en: `Cannot undo: later work depends on this data: ${reasons.map((r) => r.en).join('; ')}.`,
    },
  });
}
