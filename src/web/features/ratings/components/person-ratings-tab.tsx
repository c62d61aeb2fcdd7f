/** Placeholder while the screen is built (replaced in this session). */
export function PersonRatingsTab(_props: { personId: number; canEdit: boolean }) {
  return null;
}
