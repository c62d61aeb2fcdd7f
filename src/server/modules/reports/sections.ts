/**
 * Small pieces the sectioned reports share (qualification structure, compliance): the share of a
 * count in one decimal, a section's heading row, and the unit rows of a roll-up (the unit's own
 * staff only when it has some).
 */
import type { ReportRow } from '../../../contracts/reports';
import { childUnits, type ReportContext } from './framework';

/** `n` of `total` in percent with one decimal (null when there is nobody to share). */
export const share = (n: number, total: number) => (total ? Math.round((n * 1000) / total) / 10 : null);

/** A bold row naming a section ("I. Theo đơn vị"). */
export const sectionHeading = (key: string, label: string): ReportRow => ({
  key,
  cells: { label },
  subtotal: true,
});

/** The children of the report's unit, and the unit's own staff first when `has` it. */
export async function unitSection(ctx: ReportContext, has: (unitId: number) => boolean) {
  return (await childUnits(ctx)).filter((u) => u.id !== ctx.scope.unitId || has(u.id));
}
