/**
 * Staff categories as a dated code list (issue 16, ADR 043). Each item of list `category` carries
 * `meta.validFrom` / `meta.validTo` (inclusive ISO dates, null = open) and `meta.source`. The law
 * on cadres and civil servants of 2025 (Law 80/2025/QH15, in force 1 July 2025) and the two-level
 * local government end the separate commune-level category: a commune cadre is a cadre, a commune
 * civil servant a civil servant. `CATEGORY_MAPPINGS` says how an old category reads after that
 * date (by post group), for reports whose period straddles it and for the backfill.
 */

/** The day the 2025 law and the two-level local government took effect. */
export const CATEGORY_SWITCH_DATE = '2025-07-01';

export const LAW_CBCC_2008 =
  'Luật Cán bộ, công chức số 22/2008/QH12 (sửa đổi, bổ sung bởi Luật số 52/2019/QH14)';
export const LAW_CBCC_2025 = 'Luật Cán bộ, công chức số 80/2025/QH15 (24/6/2025, hiệu lực từ 01/7/2025)';
export const LAW_VC = 'Luật Viên chức số 58/2010/QH12 (sửa đổi, bổ sung bởi Luật số 52/2019/QH14)';

export interface DatedMeta {
  validFrom?: string | null;
  validTo?: string | null;
  source?: string;
}

/** Whether an item with this dated meta may be used on `date` (ISO). */
export function validAt(meta: DatedMeta | Record<string, unknown> | null | undefined, date: string): boolean {
  const m = (meta ?? {}) as DatedMeta;
  if (typeof m.validFrom === 'string' && date < m.validFrom) return false;
  if (typeof m.validTo === 'string' && date > m.validTo) return false;
  return true;
}

/** The dated meta of the default categories (merged into existing databases' items at start). */
export const CATEGORY_META: Record<string, DatedMeta> = {
  CB: { validFrom: null, validTo: null, source: `${LAW_CBCC_2008}; ${LAW_CBCC_2025}` },
  CC: { validFrom: null, validTo: null, source: `${LAW_CBCC_2008}; ${LAW_CBCC_2025}` },
  VC: { validFrom: null, validTo: null, source: LAW_VC },
  CBX: { validFrom: null, validTo: '2025-06-30', source: LAW_CBCC_2008 },
  KCT: {
    validFrom: null,
    validTo: null,
    source: 'Nghị định 33/2023/NĐ-CP (cán bộ, công chức cấp xã và người hoạt động không chuyên trách)',
  },
  KHAC: { validFrom: null, validTo: null, source: 'Danh mục của hệ thống (không theo văn bản)' },
};

/** One rule of the old -> new mapping: `from` read as `to` from `effectiveFrom` (post group: null = any). */
export interface CategoryMappingSeed {
  fromCode: string;
  postGroup: string | null;
  toCode: string;
  effectiveFrom: string;
  source: string;
}

const CADRE_GROUPS = ['COMMUNE_LEADER', 'FRONT_MASS_HEAD', 'FRONT_MASS_DEPUTY'];

/**
 * Commune cadres (elected or appointed: Party, council, committee, Front and mass organisation
 * leaders) become cadres; everyone else of the old commune category becomes a civil servant.
 */
export const CATEGORY_MAPPINGS: CategoryMappingSeed[] = [
  ...CADRE_GROUPS.map((g) => ({
    fromCode: 'CBX',
    postGroup: g,
    toCode: 'CB',
    effectiveFrom: CATEGORY_SWITCH_DATE,
    source: `${LAW_CBCC_2025} (cán bộ ở cấp xã)`,
  })),
  {
    fromCode: 'CBX',
    postGroup: null,
    toCode: 'CC',
    effectiveFrom: CATEGORY_SWITCH_DATE,
    source: `${LAW_CBCC_2025} (công chức ở cấp xã)`,
  },
];

/** The category `code` reads as on `date` for a person of post group `postGroup` (most specific rule first). */
export function mapCategory(
  mappings: readonly CategoryMappingSeed[],
  code: string,
  postGroup: string | null,
  date: string,
): string {
  const hits = mappings
    .filter((m) => m.fromCode === code && m.effectiveFrom <= date)
    .filter((m) => m.postGroup === null || m.postGroup === postGroup)
    .sort(
      (a, b) =>
        Number(a.postGroup === null) - Number(b.postGroup === null) ||
        b.effectiveFrom.localeCompare(a.effectiveFrom),
    );
  return hits[0]?.toCode ?? code;
}
