/** What a class actually spent, by item and funding source, and its settlement (ADR 039). */
import { z } from 'zod';
import { Id, IsoDate, OptionalText, RequiredText } from './common';

const Code = z.string().min(1).max(40);
/** VND. */
const Money = z.number().int().min(0).max(10_000_000_000_000);

export const SpendingBody = z.object({
  /** Code of list `spending_item`, in force on `spentOn`. */
  item: Code,
  /** Code of list `funding_source`. */
  fundingSource: Code,
  amount: Money,
  spentOn: IsoDate,
  note: OptionalText(1000),
});
export const UpdateSpendingBody = SpendingBody.partial();

export const SpendingParams = z.object({ id: Id, lineId: Id });

export const SettlementBody = z.object({
  /** The settlement decision's (or record's) number. */
  number: RequiredText(100),
  settledOn: IsoDate,
  /** Default: the sum of the spending lines. */
  settledTotal: Money.optional(),
  note: OptionalText(1000),
});

export const SpendingLine = z.object({
  id: z.number(),
  item: z.string(),
  fundingSource: z.string(),
  amount: z.number(),
  spentOn: z.string(),
  note: z.string().nullable(),
});

export const Settlement = z.object({
  number: z.string(),
  settledOn: z.string(),
  settledTotal: z.number(),
  note: z.string().nullable(),
});

export const ClassSpending = z.object({
  classId: z.number(),
  /** The estimate recorded on the class, by funding source, and its total. */
  estimate: z.record(z.string(), z.number()),
  estimateTotal: z.number(),
  lines: z.array(SpendingLine),
  actualTotal: z.number(),
  byItem: z.record(z.string(), z.number()),
  bySource: z.record(z.string(), z.number()),
  settlement: Settlement.nullable(),
  /** True while the actor may change lines (manages the class, not settled, not cancelled). */
  canEdit: z.boolean(),
  /** True when the actor may settle now (manages it, finished or closed, not yet settled). */
  canSettle: z.boolean(),
  /** True when the actor may undo the settlement. */
  canReopen: z.boolean(),
});
