import { z } from 'zod';
import { Id, IsoDate, OptionalText, RequiredText } from './common';

export const OrgUnit = z.object({
  id: z.number(),
  parentId: z.number().nullable(),
  path: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  code: z.string().nullable(),
  level: z.string(),
  kind: z.string(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  successorId: z.number().nullable(),
  /** People currently assigned here (not counting sub-units). */
  peopleCount: z.number(),
});
export type OrgUnit = z.infer<typeof OrgUnit>;

export const TreeQuery = z.object({
  /** Show the tree as it stood on this date (default today); dissolved units appear before their end. */
  asOf: IsoDate.optional(),
  /** Include dissolved (historical) units whatever the date. */
  includeHistorical: z.enum(['true', 'false']).default('false'),
});

export const CreateUnitBody = z.object({
  parentId: Id,
  name: RequiredText(200),
  shortName: OptionalText(60),
  code: OptionalText(20),
  level: z.string().min(1).max(30),
  kind: z.string().min(1).max(40),
  validFrom: IsoDate,
});

export const RenameUnitBody = z.object({
  name: RequiredText(200),
  shortName: OptionalText(60),
  code: OptionalText(20),
  effectiveDate: IsoDate,
  note: OptionalText(500),
});

export const MoveUnitBody = z.object({ parentId: Id, effectiveDate: IsoDate, note: OptionalText(500) });

export const MergeUnitsBody = z.object({
  /** Units that cease to exist; their people, sub-units and records follow the target. */
  sourceIds: z.array(Id).min(1).max(50),
  /** An existing unit that absorbs them, or a new one to create. */
  targetId: Id.optional(),
  newUnit: z
    .object({
      parentId: Id,
      name: RequiredText(200),
      code: OptionalText(20),
      level: z.string(),
      kind: z.string(),
    })
    .optional(),
  effectiveDate: IsoDate,
  note: OptionalText(500),
});

export const SplitUnitBody = z.object({
  effectiveDate: IsoDate,
  note: OptionalText(500),
  /** New units; each lists the people (of the split unit) who move to it. Unlisted people go to the first part. */
  parts: z
    .array(
      z.object({
        name: RequiredText(200),
        code: OptionalText(20),
        kind: z.string().optional(),
        personIds: z.array(Id).max(100000).default([]),
      }),
    )
    .min(2)
    .max(20),
});

export const OrgEvent = z.object({
  id: z.number(),
  kind: z.string(),
  effectiveDate: z.string(),
  unitIds: z.array(z.number()),
  detail: z.record(z.string(), z.unknown()),
  note: z.string().nullable(),
  createdAt: z.string(),
});

export const UnitVersion = z.object({
  name: z.string(),
  parentId: z.number().nullable(),
  parentName: z.string().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
});

export const UnitDetail = OrgUnit.extend({
  parentName: z.string().nullable(),
  successorName: z.string().nullable(),
  versions: z.array(UnitVersion),
  events: z.array(OrgEvent),
  /** People in this unit and all its sub-units. */
  subtreePeopleCount: z.number(),
});
