/**
 * What the engine needs from the code lists: qualification level ranks (`meta.rank` of
 * `level_<KIND>`) and the labels used in explanations. Built from code_items rows; pure.
 */
import type { Lang } from '../../../contracts/errors';

export type Label = Record<Lang, string>;

export interface Codebook {
  /** kind -> level -> rank (higher is more). */
  ranks: Map<string, Map<string, number>>;
  /** `${list}\u0000${code}` -> label. */
  labels: Map<string, Label>;
}

export interface CodeItemLike {
  list: string;
  code: string;
  labelVi: string;
  labelEn: string;
  meta: Record<string, unknown>;
}

export function buildCodebook(items: CodeItemLike[]): Codebook {
  const ranks = new Map<string, Map<string, number>>();
  const labels = new Map<string, Label>();
  for (const it of items) {
    labels.set(`${it.list}\u0000${it.code}`, { vi: it.labelVi, en: it.labelEn });
    if (it.list.startsWith('level_') && typeof it.meta?.rank === 'number') {
      const kind = it.list.slice('level_'.length);
      if (!ranks.has(kind)) ranks.set(kind, new Map());
      ranks.get(kind)!.set(it.code, it.meta.rank);
    }
  }
  return { ranks, labels };
}

/** Label of a code, or the code itself when the list does not know it. */
export function labelOf(book: Codebook, list: string, code: string): Label {
  return book.labels.get(`${list}\u0000${code}`) ?? { vi: code, en: code };
}

export function rankOf(book: Codebook, kind: string, level: string): number | undefined {
  return book.ranks.get(kind)?.get(level);
}

/** Every level of `kind` ranked at least as high as `minLevel` ("higher levels satisfy lower ones"). */
export function levelsAtLeast(book: Codebook, kind: string, minLevel: string): string[] {
  const levels = book.ranks.get(kind);
  const min = levels?.get(minLevel);
  if (!levels || min === undefined) return [minLevel];
  return [...levels.entries()].filter(([, r]) => r >= min).map(([code]) => code);
}
