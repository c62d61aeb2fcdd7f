/** Placeholder while the screen is built (replaced in this session). */
export function CampaignsPage() {
  return null;
}
