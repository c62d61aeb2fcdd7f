/**
 * What to tell an officer before a person is sent (ADR 012): they already hold what the class
 * grants (or a higher level), they covered its topics (a qualification or a completed class
 * before the class starts), or they are already sent to a class at the same time. Warnings,
 * never refusals: the officer confirms and the warnings are kept with the nomination.
 */
import type { NominationWarning } from '../../../contracts/nominations';
import type { Queryable } from '../../db/client';
import { readTogether } from '../../db/together';
import type { Actor } from '../../lib/actor';
import { heldContentOf, programmeForPerson } from '../catalogue/held-content';
import { overlapForPerson } from '../catalogue/overlap';
import { findProgramme } from '../catalogue/programmes.queries';
import { classVisible } from '../classes/classes.policy';
import type { ClassRow } from '../classes/classes.queries';
import { loadCodebook } from '../standards/rules.queries';
import { overlappingNominations } from './nominations.queries';

const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** The learner-clash note of each person: another live nomination whose class dates overlap. */
export async function learnerClashes(
  q: Queryable,
  actor: Actor,
  c: Pick<ClassRow, 'id' | 'startsOn' | 'endsOn'>,
  personIds: number[],
): Promise<Map<number, { vi: string; en: string }>> {
  const out = new Map<number, { vi: string; en: string }>();
  for (const o of await overlappingNominations(q, personIds, c.id, c)) {
    const pid = Number(o.personId);
    if (out.has(pid)) continue;
    const named = classVisible(actor, o);
    const when = `${dmy(o.startsOn)}-${dmy(o.endsOn)}`;
    out.set(
      pid,
      named
        ? {
            vi: `Đã được cử học lớp ${o.code} ${o.name} (${when}) trùng thời gian.`,
            en: `Already sent to class ${o.code} ${o.name} (${when}) at the same time.`,
          }
        : {
            vi: `Đã được cử học một lớp của đơn vị khác trùng thời gian (${when}).`,
            en: `Already sent to another unit's class at the same time (${when}).`,
          },
    );
  }
  return out;
}

export async function warningsFor(
  q: Queryable,
  actor: Actor,
  c: ClassRow,
  personId: number,
): Promise<NominationWarning[]> {
  const book = await loadCodebook(q);
  const [held, programme, clashes] = await readTogether(
    q,
    () => heldContentOf(q, actor, [personId], { before: c.startsOn, excludeClassId: c.id }, book),
    async () => programmeForPerson(q, (await findProgramme(q, c.programmeId))!, book),
    () => learnerClashes(q, actor, c, [personId]),
  );
  const overlap = overlapForPerson(held.get(personId) ?? [], programme);
  const warnings: NominationWarning[] = overlap.reasons.map((r) => ({
    code: r.code as NominationWarning['code'],
    vi: r.vi,
    en: r.en,
  }));
  const clash = clashes.get(personId);
  if (clash) warnings.push({ code: 'LEARNER_CLASH', ...clash });
  return warnings;
}
