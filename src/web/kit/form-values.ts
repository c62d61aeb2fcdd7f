/** What an optional text field sends: trimmed, or null when empty or only spaces. */
export function blank(v: string | null | undefined): string | null {
  return v?.trim() ? v.trim() : null;
}
