/**
 * The class of a roster or results import (ADR 018): required, in the actor's subtree (organised
 * there or taught by an institution there; else 404), in a status that takes the import (else
 * the whole upload is refused with the reason), and the kind as it reads that class's sheets.
 */
import type { Queryable } from '../../db/client';
import { AppError, fieldError, invalid, notFound } from '../../lib/errors';
import { pathWithin } from '../../lib/scope';
import { CLASS } from '../classes/classes.policy';
import { type ClassRow, findClass } from '../classes/classes.queries';
import type { ImportKindDef } from './kinds/kind';

async function classOf(
  q: Queryable,
  classId: number | null | undefined,
  scopePath: string,
): Promise<ClassRow> {
  if (!classId) throw invalid([fieldError('classId', 'hãy chọn lớp', 'choose a class')]);
  const c = await findClass(q, classId);
  const inScope =
    c &&
    (pathWithin(c.organiserPath, scopePath) ||
      (c.institutionPath !== null && pathWithin(c.institutionPath, scopePath)));
  if (!c || !inScope) throw notFound(CLASS);
  return c;
}

/** The kind for this upload or commit: itself, or the class's reading of it after the class checks. */
export async function kindForClass(
  q: Queryable,
  def: ImportKindDef,
  classId: number | null | undefined,
  scopePath: string,
): Promise<ImportKindDef> {
  if (!def.forClass) return def;
  const c = await classOf(q, classId, scopePath);
  const why = def.forClass.refuse(c);
  if (why) throw new AppError('CONFLICT', { message: why });
  return def.forClass.prepare ? def.forClass.prepare(q, c) : def;
}

/** The template's kind and first rows: a class kind's columns and learners when a class is given. */
export async function templateOf(
  q: Queryable,
  def: ImportKindDef,
  classId: number | undefined,
  scopePath: string,
): Promise<{ def: ImportKindDef; rows: string[][] | null }> {
  if (!def.forClass?.prepare && !classId) return { def, rows: null };
  const c = await classOf(q, classId, scopePath);
  const prepared = def.forClass?.prepare ? await def.forClass.prepare(q, c) : def;
  const rows = def.forClass?.templateRows ? await def.forClass.templateRows(q, c) : null;
  return { def: prepared, rows };
}
