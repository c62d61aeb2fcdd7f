/**
 * Small pieces the sectioned staff reports share (qualification structure, compliance): a
 * section's heading row and the unit rows of a roll-up (the unit's own staff and dissolved
 * children only when they have figures). Shares use `pct` of numbers.ts.
 */
import type { ReportRow } from '../../../contracts/reports';
import { childUnits, type ReportContext } from './framework';

/** A bold row naming a section ("I. Theo đơn vị"). */
export const sectionHeading = (key: string, label: string): ReportRow => ({
  key,
  cells: { label },
  subtotal: true,
});

/** The children of the report's unit; its own staff (first) and dissolved children only when they `has` figures. */
export async function unitSection(ctx: ReportContext, has: (unitId: number) => boolean) {
  return (await childUnits(ctx)).filter((u) => (u.id === ctx.scope.unitId || u.dissolved ? has(u.id) : true));
}
