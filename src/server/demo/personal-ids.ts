/**
 * The identity numbers a generation run has given out or found taken, in memory that does not
 * grow with the number of people: a 12-digit number is a 6-digit head (province, gender and
 * century, year of birth) and a 6-digit serial, kept as one bit of a 125 KB bitmap per head
 * (a few dozen heads: a few MB for any N). Anything else (typed in by hand) goes to a plain set.
 * A Set<string> of 2.5 million numbers held ~150 MB.
 */
const SERIALS = 1_000_000;

export class PersonalIdSet {
  private readonly heads = new Map<string, Uint8Array>();
  private readonly others = new Set<string>();

  constructor(ids: Iterable<string> = []) {
    for (const id of ids) this.add(id);
  }

  has(id: string): boolean {
    if (!/^\d{12}$/.test(id)) return this.others.has(id);
    const bits = this.heads.get(id.slice(0, 6));
    if (!bits) return false;
    const n = Number(id.slice(6));
    return (bits[n >> 3] & (1 << (n & 7))) !== 0;
  }

  add(id: string): void {
    if (!/^\d{12}$/.test(id)) {
      this.others.add(id);
      return;
    }
    const head = id.slice(0, 6);
    let bits = this.heads.get(head);
    if (!bits) {
      bits = new Uint8Array(SERIALS / 8);
      this.heads.set(head, bits);
    }
    const n = Number(id.slice(6));
    bits[n >> 3] |= 1 << (n & 7);
  }
}
