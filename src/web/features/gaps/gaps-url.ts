/** The filters of the gaps and eligibility screens as they live in the URL, so a link can be shared. */

export const GROUP_BYS = ['unit', 'rule', 'category'] as const;
export type GroupBy = (typeof GROUP_BYS)[number];
export type GapStatus = 'missing' | 'due';

export const PAGE_SIZES = [20, 50, 100, 200];
const DEFAULT_PAGE_SIZE = 50;

/** The people behind one number of the summary (all of them when every field is empty). */
export interface GapSelection {
  groupUnitId?: number;
  ruleCode?: string;
  category?: string;
  status?: GapStatus;
}

export interface GapsFilters {
  /** Default: the user's scope unit. */
  unitId?: number;
  /** ISO date; default: today on the server. */
  asOf?: string;
  /** A post group (list `post_group`): only people whose post is in it (ADR 048). */
  postGroup?: string;
  by: GroupBy;
  /** The list of people shown beside the summary, if open. */
  list: (GapSelection & { page: number; pageSize: number }) | null;
}

export interface EligibilityFilters {
  purpose?: string;
  unitId?: number;
  asOf?: string;
  /** A post group (list `post_group`): only people whose post on the date is in it (ADR 048). */
  postGroup?: string;
  page: number;
  pageSize: number;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const CODE = /^[A-Z][A-Z0-9_]{0,59}$/;

function positiveInt(sp: URLSearchParams, key: string): number | undefined {
  const n = Number(sp.get(key));
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

function isoDate(sp: URLSearchParams, key: string): string | undefined {
  const v = sp.get(key);
  return v && ISO_DATE.test(v) ? v : undefined;
}

function code(sp: URLSearchParams, key: string): string | undefined {
  const v = sp.get(key);
  return v && CODE.test(v) ? v : undefined;
}

function paging(sp: URLSearchParams): { page: number; pageSize: number } {
  const size = positiveInt(sp, 'pageSize');
  return {
    page: positiveInt(sp, 'page') ?? 1,
    pageSize: size && PAGE_SIZES.includes(size) ? size : DEFAULT_PAGE_SIZE,
  };
}

function setPaging(sp: URLSearchParams, p: { page: number; pageSize: number }): void {
  if (p.page > 1) sp.set('page', String(p.page));
  if (p.pageSize !== DEFAULT_PAGE_SIZE) sp.set('pageSize', String(p.pageSize));
}

/** Unknown or malformed values are dropped rather than sent to the server. */
export function readGapsFilters(sp: URLSearchParams): GapsFilters {
  const by = sp.get('by');
  const status = sp.get('status');
  return {
    unitId: positiveInt(sp, 'unitId'),
    asOf: isoDate(sp, 'asOf'),
    postGroup: code(sp, 'postGroup'),
    by: (GROUP_BYS as readonly string[]).includes(by ?? '') ? (by as GroupBy) : 'unit',
    list:
      sp.get('list') === '1'
        ? {
            groupUnitId: positiveInt(sp, 'groupUnitId'),
            ruleCode: code(sp, 'ruleCode'),
            category: code(sp, 'category'),
            status: status === 'missing' || status === 'due' ? status : undefined,
            ...paging(sp),
          }
        : null,
  };
}

export function writeGapsFilters(f: GapsFilters): URLSearchParams {
  const sp = new URLSearchParams();
  if (f.unitId) sp.set('unitId', String(f.unitId));
  if (f.asOf) sp.set('asOf', f.asOf);
  if (f.postGroup) sp.set('postGroup', f.postGroup);
  if (f.by !== 'unit') sp.set('by', f.by);
  if (f.list) {
    sp.set('list', '1');
    if (f.list.groupUnitId) sp.set('groupUnitId', String(f.list.groupUnitId));
    if (f.list.ruleCode) sp.set('ruleCode', f.list.ruleCode);
    if (f.list.category) sp.set('category', f.list.category);
    if (f.list.status) sp.set('status', f.list.status);
    setPaging(sp, f.list);
  }
  return sp;
}

export function readEligibilityFilters(sp: URLSearchParams): EligibilityFilters {
  return {
    purpose: code(sp, 'purpose'),
    unitId: positiveInt(sp, 'unitId'),
    asOf: isoDate(sp, 'asOf'),
    postGroup: code(sp, 'postGroup'),
    ...paging(sp),
  };
}

export function writeEligibilityFilters(f: EligibilityFilters): URLSearchParams {
  const sp = new URLSearchParams();
  if (f.purpose) sp.set('purpose', f.purpose);
  if (f.unitId) sp.set('unitId', String(f.unitId));
  if (f.asOf) sp.set('asOf', f.asOf);
  if (f.postGroup) sp.set('postGroup', f.postGroup);
  setPaging(sp, f);
  return sp;
}
