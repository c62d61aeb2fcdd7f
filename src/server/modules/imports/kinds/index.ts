import type { ImportKind } from '../../../../contracts/imports';
import type { ImportKindDef } from './kind';
import { peopleKind } from './people';
import { qualificationsKind } from './qualifications';
import { ratingsKind } from './ratings';

/** The kinds this server can import (roster and results are not built yet). */
export const KINDS: Partial<Record<ImportKind, ImportKindDef>> = {
  people: peopleKind,
  qualifications: qualificationsKind,
  ratings: ratingsKind,
};
