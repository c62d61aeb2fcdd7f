/**
 * What the generator needs to know about each current unit: what kind of staff it has, how big
 * it is relative to the others, its leadership titles, and for communes which old communes it
 * replaced. Works on the demo tree and on any tree users built, from levels, kinds and names.
 */
import { foldText } from '../../contracts/text';
import type { DbHandle } from '../db/client';
import { DEFAULT_ETHNIC_MIX, ETHNIC_MIX } from './ethnic-mix';
import { communeParts } from './org-tree';
import { queryRows } from './sql-util';

export type UnitType =
  | 'commune_area'
  | 'commune_party'
  | 'commune_committee'
  | 'commune_front'
  | 'commune_other'
  | 'department'
  | 'inspectorate'
  | 'people_committee'
  | 'people_council'
  | 'party'
  | 'front'
  | 'hospital'
  | 'school'
  | 'training'
  | 'public_service'
  | 'other';

/** The professional field of a unit, which steers majors and posts. */
export type Field =
  | 'health'
  | 'education'
  | 'finance'
  | 'law'
  | 'construction'
  | 'agriculture'
  | 'science'
  | 'culture'
  | 'trade'
  | 'politics'
  | 'general';

export interface UnitProfile {
  id: number;
  name: string;
  type: UnitType;
  field: Field;
  weight: number;
  /** Within a commune: its id, its word ("xã", "phường", "đặc khu") and the old communes it replaced. */
  communeId: number | null;
  communeWord: string;
  predecessors: number[];
  ethnicMix: [string, number][];
  /** Head and deputy titles for this unit, if it has its own leaders. */
  head: string | null;
  deputy: string | null;
  /** Leadership tier of the head and deputies. */
  headTier: 'SO' | 'PHONG' | 'XA' | null;
  maxDeputies: number;
}

interface RawUnit {
  id: number;
  parent_id: number | null;
  name: string;
  level: string;
  kind: string;
  valid_to: string | null;
  successor_id: number | null;
}

const WEIGHTS: Record<UnitType, number> = {
  commune_area: 0.3,
  commune_party: 0.8,
  commune_committee: 2,
  commune_front: 0.5,
  commune_other: 0.6,
  department: 4,
  inspectorate: 1.5,
  people_committee: 2,
  people_council: 0.6,
  party: 1.5,
  front: 1.2,
  hospital: 10,
  school: 8,
  training: 2.5,
  public_service: 4,
  other: 1.5,
};

function fieldOf(folded: string): Field {
  const rules: [RegExp, Field][] = [
    [/y te|benh vien|trung tam y te|tram y te/, 'health'],
    [/giao duc|truong thpt|truong thcs|truong tieu hoc|mam non|dai hoc|cao dang/, 'education'],
    [/tai chinh|thue|kho bac|ngan hang/, 'finance'],
    [/noi vu|tu phap|thanh tra|kiem tra/, 'law'],
    [/xay dung|giao thong/, 'construction'],
    [/nong nghiep|moi truong|tai nguyen|lam nghiep/, 'agriculture'],
    [/khoa hoc|cong nghe|thong tin/, 'science'],
    [/van hoa|the thao|du lich|tuyen giao/, 'culture'],
    [/cong thuong|ke hoach|dau tu/, 'trade'],
    [/dang|to chuc|chinh tri|mat tran|mttq/, 'politics'],
  ];
  for (const [re, field] of rules) if (re.test(folded)) return field;
  return 'general';
}

function typeOf(u: RawUnit, inCommune: boolean, folded: string): UnitType {
  if (u.level === 'commune') return 'commune_area';
  if (inCommune) {
    if (u.kind === 'PARTY') return 'commune_party';
    if (u.kind === 'PEOPLE_COMMITTEE' || u.kind === 'PEOPLE_COUNCIL') return 'commune_committee';
    if (u.kind === 'FRONT' || u.kind === 'MASS_ORG') return 'commune_front';
    return 'commune_other';
  }
  switch (u.kind) {
    case 'STATE_AGENCY':
      return folded.startsWith('thanh tra') ? 'inspectorate' : 'department';
    case 'PEOPLE_COMMITTEE':
      return 'people_committee';
    case 'PEOPLE_COUNCIL':
      return 'people_council';
    case 'PARTY':
      return 'party';
    case 'FRONT':
    case 'MASS_ORG':
      return 'front';
    case 'TRAINING_INSTITUTION':
      return 'training';
    case 'PUBLIC_SERVICE':
      if (/benh vien|trung tam y te/.test(folded)) return 'hospital';
      if (/^truong /.test(folded)) return 'school';
      return 'public_service';
    default:
      return 'other';
  }
}

function titles(
  type: UnitType,
  name: string,
  folded: string,
  word: string,
): Pick<UnitProfile, 'head' | 'deputy' | 'headTier' | 'maxDeputies'> {
  const t = (head: string, deputy: string, headTier: 'SO' | 'PHONG' | 'XA', maxDeputies: number) => ({
    head,
    deputy,
    headTier,
    maxDeputies,
  });
  switch (type) {
    case 'commune_party':
      return t(`Bí thư Đảng ủy ${word}`, `Phó Bí thư Đảng ủy ${word}`, 'XA', 2);
    case 'commune_committee':
      return t(`Chủ tịch UBND ${word}`, `Phó Chủ tịch UBND ${word}`, 'XA', 3);
    case 'commune_front':
      return t(`Chủ tịch Ủy ban MTTQ ${word}`, `Phó Chủ tịch Ủy ban MTTQ ${word}`, 'XA', 2);
    case 'department':
      return t(`Giám đốc ${name}`, `Phó Giám đốc ${name}`, 'SO', 3);
    case 'inspectorate':
      return t(`Chánh ${name}`, `Phó Chánh ${name}`, 'SO', 3);
    case 'people_committee':
      return t('Chánh Văn phòng UBND tỉnh', 'Phó Chánh Văn phòng UBND tỉnh', 'SO', 3);
    case 'people_council':
      return t(
        'Chánh Văn phòng Đoàn ĐBQH và HĐND tỉnh',
        'Phó Chánh Văn phòng Đoàn ĐBQH và HĐND tỉnh',
        'SO',
        2,
      );
    case 'party':
      if (folded.startsWith('uy ban kiem tra'))
        return t(`Chủ nhiệm ${name}`, `Phó Chủ nhiệm ${name}`, 'SO', 3);
      if (folded.startsWith('ban ')) return t(`Trưởng ${name}`, `Phó Trưởng ${name}`, 'SO', 3);
      if (folded.startsWith('van phong')) return t(`Chánh ${name}`, `Phó Chánh ${name}`, 'SO', 3);
      if (folded.startsWith('tinh uy')) return t('Bí thư Tỉnh ủy', 'Phó Bí thư Tỉnh ủy', 'SO', 2);
      return t('Bí thư', 'Phó Bí thư', 'SO', 2);
    case 'front':
      return t(`Chủ tịch ${name}`, `Phó Chủ tịch ${name}`, 'SO', 3);
    case 'training':
      return t(`Hiệu trưởng ${name}`, `Phó Hiệu trưởng ${name}`, 'SO', 3);
    case 'school':
      return t('Hiệu trưởng', 'Phó Hiệu trưởng', 'PHONG', 2);
    case 'hospital':
      return t(`Giám đốc ${name}`, `Phó Giám đốc ${name}`, 'PHONG', 3);
    case 'public_service':
      return t('Giám đốc', 'Phó Giám đốc', 'PHONG', 2);
    default:
      return { head: null, deputy: null, headTier: null, maxDeputies: 0 };
  }
}

function mixOf(communeName: string): [string, number][] {
  const folded = foldText(communeParts(communeName).place);
  return ETHNIC_MIX[folded] ?? DEFAULT_ETHNIC_MIX;
}

/** Profiles of the current units people can work in (level commune or agency, not dissolved). */
export async function loadUnitProfiles(handle: DbHandle): Promise<UnitProfile[]> {
  const rows = await queryRows<RawUnit>(
    handle.db,
    'SELECT id, parent_id, name, level, kind, valid_to::text AS valid_to, successor_id FROM org_units ORDER BY id',
  );
  const all = rows.map((r) => ({
    ...r,
    id: Number(r.id),
    parent_id: r.parent_id === null ? null : Number(r.parent_id),
    successor_id: r.successor_id === null ? null : Number(r.successor_id),
  }));
  const byId = new Map(all.map((u) => [u.id, u]));
  const active = all.filter((u) => u.valid_to === null);
  const hasActiveChildren = new Set(active.map((u) => u.parent_id).filter((id) => id !== null));
  const predecessors = new Map<number, number[]>();
  for (const u of all) {
    if (u.valid_to !== null && u.level === 'commune' && u.successor_id !== null) {
      predecessors.set(u.successor_id, [...(predecessors.get(u.successor_id) ?? []), u.id]);
    }
  }

  const communeOf = (u: RawUnit): RawUnit | null => {
    for (
      let cur: RawUnit | undefined = u, guard = 0;
      cur && guard < 64;
      cur = byId.get(cur.parent_id ?? -1), guard++
    ) {
      if (cur.level === 'commune') return cur;
      if (cur.level === 'province' || cur.level === 'central') return null;
    }
    return null;
  };

  const profiles: UnitProfile[] = [];
  for (const u of active) {
    if (u.level !== 'commune' && u.level !== 'agency') continue;
    const folded = foldText(u.name);
    const commune = communeOf(u);
    const type = typeOf(u, commune !== null, folded);
    let weight = WEIGHTS[type];
    // A commune with its own party, committee and front units employs people through them.
    if (type === 'commune_area' && !hasActiveChildren.has(u.id)) weight = 3;
    const word = commune ? communeParts(commune.name).type : 'xã';
    profiles.push({
      id: u.id,
      name: u.name,
      type,
      field: commune ? 'general' : fieldOf(folded),
      weight,
      communeId: commune?.id ?? null,
      communeWord: word,
      predecessors: commune ? (predecessors.get(commune.id) ?? []) : [],
      ethnicMix: commune ? mixOf(commune.name) : DEFAULT_ETHNIC_MIX,
      ...titles(type, u.name, folded, word),
    });
  }
  return profiles;
}

export function isCommuneType(type: UnitType): boolean {
  return type.startsWith('commune_');
}

export function isServiceType(type: UnitType): boolean {
  return type === 'hospital' || type === 'school' || type === 'training' || type === 'public_service';
}
