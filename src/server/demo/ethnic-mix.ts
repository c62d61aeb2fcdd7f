/** Ethnic make-up of staff in Quảng Ninh's mountain and border communes (approximate). */

/**
 * Ethnic mix of mountain communes (share of staff per people, rest Kinh), keyed by the folded
 * last words of the commune name so it also works on trees typed in by users.
 */
export const ETHNIC_MIX: Record<string, [string, number][]> = {
  'binh lieu': [
    ['TAY', 0.45],
    ['DAO', 0.2],
    ['SAN_CHAY', 0.1],
  ],
  'hoanh mo': [
    ['TAY', 0.4],
    ['DAO', 0.3],
  ],
  'luc hon': [
    ['TAY', 0.35],
    ['DAO', 0.3],
    ['SAN_CHAY', 0.05],
  ],
  'ba che': [
    ['DAO', 0.25],
    ['TAY', 0.15],
    ['SAN_CHAY', 0.1],
  ],
  'ky thuong': [
    ['DAO', 0.45],
    ['TAY', 0.1],
  ],
  'tien yen': [
    ['TAY', 0.2],
    ['DAO', 0.12],
    ['SAN_CHAY', 0.08],
    ['SAN_DIU', 0.05],
  ],
  'dien xa': [
    ['TAY', 0.2],
    ['DAO', 0.15],
    ['SAN_CHAY', 0.1],
  ],
  'hai lang': [
    ['SAN_DIU', 0.15],
    ['TAY', 0.1],
    ['DAO', 0.1],
  ],
  'dam ha': [
    ['DAO', 0.12],
    ['SAN_DIU', 0.1],
    ['TAY', 0.05],
  ],
  'quang tan': [
    ['DAO', 0.15],
    ['SAN_DIU', 0.08],
  ],
  'duong hoa': [
    ['DAO', 0.25],
    ['SAN_CHAY', 0.1],
  ],
  'quang duc': [
    ['DAO', 0.2],
    ['SAN_CHAY', 0.1],
  ],
  'hoanh bo': [
    ['DAO', 0.12],
    ['TAY', 0.08],
    ['SAN_DIU', 0.03],
  ],
  'mong cai 2': [
    ['HOA', 0.05],
    ['DAO', 0.03],
  ],
  'hai son': [
    ['DAO', 0.2],
    ['HOA', 0.03],
  ],
};

/** Used when a commune is not in ETHNIC_MIX: a small minority share, as in most lowland units. */
export const DEFAULT_ETHNIC_MIX: [string, number][] = [
  ['TAY', 0.02],
  ['SAN_DIU', 0.01],
  ['HOA', 0.005],
];
