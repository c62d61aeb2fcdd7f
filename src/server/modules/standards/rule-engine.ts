/**
 * Which rule versions are in force, and where. Pure: shared by the per-person engine and the
 * set-based SQL, so both pick the same versions.
 *
 * A rule is a `code`; its versions carry an owner (null = the national pack). For a place in the
 * tree, the deepest owner on its path that has a version of the code starting on or before the
 * date governs the code there ("takes over from its first date"); that owner's version in force
 * on the date applies, or none (the owner retired the rule there). See docs/adr/006.
 */
import type { RuleSelector } from '../../../contracts/rules';
import { foldText } from '../../../contracts/text';
import { pathWithin } from '../../lib/scope';

export interface Dated {
  effectiveFrom: string;
  effectiveTo: string | null;
}

/** effectiveFrom <= date < effectiveTo (open end when null). */
export function ruleInForce(rule: Dated, date: string): boolean {
  return rule.effectiveFrom <= date && (rule.effectiveTo === null || date < rule.effectiveTo);
}

/** The state of a person on a date, as the selectors see it. */
export interface PersonState {
  category: string;
  rank: string | null;
  post: string | null;
  /** Code of list `post` and its group (ADR 036); null when the post is not coded. */
  postCode: string | null;
  postGroup: string | null;
  leadershipTier: string;
}

/**
 * A post or phrase as whole words: accent-free, lower case, every run of other characters one
 * space, padded so `includes` matches whole words only ("phó" is not in "trưởng phòng").
 */
export function postWords(text: string): string {
  return ` ${foldText(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()} `;
}

/** Every listed field must match; a list matches any of its codes; an empty list matches nobody. */
export function selectorMatches(selector: RuleSelector, person: PersonState, unitLevel: string): boolean {
  if (selector.category && !selector.category.includes(person.category)) return false;
  if (selector.rank && !(person.rank !== null && selector.rank.includes(person.rank))) return false;
  if (selector.leadershipTier && !selector.leadershipTier.includes(person.leadershipTier)) return false;
  if (selector.unitLevel && !selector.unitLevel.includes(unitLevel)) return false;
  if (selector.postCode && !(person.postCode !== null && selector.postCode.includes(person.postCode)))
    return false;
  if (selector.postGroup && !(person.postGroup !== null && selector.postGroup.includes(person.postGroup)))
    return false;
  if (selector.postContains) {
    const post = person.post ? postWords(person.post) : null;
    if (post === null) return false;
    if (!selector.postContains.some((w) => post.includes(postWords(w)))) return false;
  }
  return true;
}

export interface OwnedVersion extends Dated {
  id: number;
  code: string;
  /** ltree path of the owner unit; null for the national pack. */
  ownerPath: string | null;
}

/** One version that applies on a date to the people under `ownerPath` except those under `exclude`. */
export interface Placement<R extends OwnedVersion> {
  rule: R;
  ownerPath: string | null;
  /** Deeper owners that govern the same code in their own subtree on that date. */
  exclude: string[];
}

/**
 * The versions that apply on `date` and the subtrees they apply to. Versions whose owner has
 * taken over the code but retired it (no version in force) yield no placement and still exclude.
 */
export function placeRules<R extends OwnedVersion>(versions: R[], date: string): Placement<R>[] {
  const byCode = new Map<string, R[]>();
  for (const v of versions) {
    if (v.effectiveFrom > date) continue;
    if (!byCode.has(v.code)) byCode.set(v.code, []);
    byCode.get(v.code)!.push(v);
  }
  const out: Placement<R>[] = [];
  for (const list of byCode.values()) {
    const owners = [...new Set(list.map((v) => v.ownerPath))];
    for (const owner of owners) {
      const inForce = list
        .filter((v) => v.ownerPath === owner && ruleInForce(v, date))
        .sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : -1))[0];
      if (!inForce) continue;
      const exclude = owners.filter(
        (o): o is string => o !== null && o !== owner && (owner === null || pathWithin(o, owner)),
      );
      out.push({ rule: inForce, ownerPath: owner, exclude });
    }
  }
  return out.sort((a, b) => a.rule.code.localeCompare(b.rule.code) || a.rule.id - b.rule.id);
}

/** The placements that reach a person whose unit has `unitPath`. */
export function rulesAt<R extends OwnedVersion>(placements: Placement<R>[], unitPath: string): R[] {
  return placements
    .filter(
      (p) =>
        (p.ownerPath === null || pathWithin(unitPath, p.ownerPath)) &&
        !p.exclude.some((e) => pathWithin(unitPath, e)),
    )
    .map((p) => p.rule);
}
