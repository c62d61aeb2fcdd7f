/** Placeholder while the screen is built (replaced in this session). */
export function ProposalPage() {
  return null;
}
