/** Placeholder while the screen is built (replaced in this session). */
export function PersonStandardsTab(_props: { personId: number }) {
  return null;
}
