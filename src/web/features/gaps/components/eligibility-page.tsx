/** Placeholder while the screen is built (replaced in this session). */
export function EligibilityPage() {
  return null;
}
