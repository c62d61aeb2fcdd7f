/** Placeholder while the screen is built (replaced in this session). */
export function CampaignPage() {
  return null;
}
