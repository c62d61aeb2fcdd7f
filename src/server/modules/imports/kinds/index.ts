import type { ImportKind } from '../../../../contracts/imports';
import type { ImportKindDef } from './kind';
import { peopleKind } from './people';
import { plansKind } from './plans';
import { qualificationsKind } from './qualifications';
import { ratingsKind } from './ratings';
import { resultsKind } from './results';
import { rosterKind } from './roster';
import { unitsKind } from './units';

/** The kinds this server can import. */
export const KINDS: Record<ImportKind, ImportKindDef> = {
  people: peopleKind,
  qualifications: qualificationsKind,
  ratings: ratingsKind,
  roster: rosterKind,
  results: resultsKind,
  units: unitsKind,
  plans: plansKind,
};
