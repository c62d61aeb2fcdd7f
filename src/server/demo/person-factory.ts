/**
 * One synthetic person at a time: identity, category, rank, post, leadership, party membership,
 * status, qualifications and dated history. Pure and deterministic for a seed and a unit list.
 */
import { foldText, nameSortKey } from '../../contracts/text';
import { buildHistory, moveAcross } from './history';
import { drawName, type Gender } from './names';
import type { HistoryDraft, PersonRecord } from './person-record';
import { PersonalIdSet } from './personal-ids';
import { divisionLeaderPost, planningFor, staffPost } from './posts';
import { draftQualifications, type QualificationDraft, REF_DATE } from './qualifications';
import { REORG_DATE } from './quang-ninh';
import { chance, dayIn, deriveRng, intBetween, isoOf, maxDate, type Rng, Weighted, yearOf } from './random';
import { isCommuneType, isServiceType, type UnitProfile } from './unit-profile';

export type { HistoryDraft, PersonRecord } from './person-record';

export interface GeneratedPerson {
  person: PersonRecord;
  qualifications: QualificationDraft[];
  history: HistoryDraft[];
}

/** Leader posts already filled per unit (head taken, deputies so far). */
export type LeaderSeats = Map<number, { head: boolean; deputies: number }>;

const PROVINCE_PREFIX = '022';
const LANGUAGE_OF: Record<string, string> = {
  TAY: 'Tiếng Tày',
  DAO: 'Tiếng Dao',
  SAN_DIU: 'Tiếng Sán Dìu',
  SAN_CHAY: 'Tiếng Sán Chay',
  HOA: 'Tiếng Hoa',
};

const RANK_VC = new Weighted<string>([
  ['HANG_I', 3],
  ['HANG_II', 22],
  ['HANG_III', 60],
  ['HANG_IV', 15],
]);
const PARTY_SHARE: Record<string, number> = { CB: 0.95, CBX: 0.6, CC: 0.55, VC: 0.36, KCT: 0.4, KHAC: 0.1 };
const RANK_VC_LEADER = new Weighted<string>([
  ['HANG_I', 20],
  ['HANG_II', 60],
  ['HANG_III', 20],
]);

interface Role {
  tier: string;
  post: string | null;
  isHead: boolean;
  isDeputy: boolean;
  /** Head or deputy of the unit itself (not of a division inside it). */
  seat: boolean;
}

export interface FactoryOptions {
  /** Identity numbers taken already (kept in a PersonalIdSet: memory that does not grow with N). */
  usedPersonalIds?: Iterable<string> | PersonalIdSet;
  /** Heads and deputies already in place, per unit. */
  seats?: LeaderSeats;
  heldPosts?: Set<string>;
  /** How many people this run makes: spreads leaders over each unit's staff. */
  expectedPeople?: number;
}

export class PersonFactory {
  private readonly rng: Rng;
  private readonly idRng: Rng;
  private readonly units: Weighted<UnitProfile>;
  private readonly seatChance = new Map<number, number>();
  /** Names repeat a lot: fold and sort key computed once per distinct name. */
  private readonly nameKeys = new Map<string, { searchName: string; sortKey: string }>();

  /** Identity numbers given out (and known taken): never given twice. */
  private readonly usedPersonalIds: PersonalIdSet;
  private readonly seats: LeaderSeats;
  /** Single posts already held, as "unitId|post" (commune mass-organisation heads). */
  private readonly heldPosts: Set<string>;

  constructor(profiles: UnitProfile[], seed: number, opts: FactoryOptions = {}) {
    const used = opts.usedPersonalIds;
    this.usedPersonalIds = used instanceof PersonalIdSet ? used : new PersonalIdSet(used ?? []);
    this.seats = opts.seats ?? new Map();
    this.heldPosts = opts.heldPosts ?? new Set();
    const expectedPeople = opts.expectedPeople ?? 1000;
    if (profiles.length === 0)
      throw new Error('No current unit (level commune or agency) to place people in');
    this.rng = deriveRng(seed, 'people');
    // Personal ids get their own stream: retries on a taken id never shift the other draws.
    this.idRng = deriveRng(seed, 'personal-id');
    this.units = new Weighted(profiles.map((p) => [p, p.weight] as const));
    // Spread heads and deputies over a unit's staff: about 5 draws in a unit's expected size.
    const totalWeight = profiles.reduce((sum, p) => sum + p.weight, 0);
    for (const p of profiles) {
      const expected = Math.max(1, (expectedPeople * p.weight) / totalWeight);
      this.seatChance.set(p.id, Math.min(0.5, 5 / expected));
    }
  }

  next(id: number): GeneratedPerson {
    const rng = this.rng;
    const unit = this.units.draw(rng);
    const role = this.role(unit);
    const leader = role.tier !== 'NONE';

    const femaleShare = leader ? 0.3 : unit.field === 'health' || unit.type === 'school' ? 0.68 : 0.5;
    const gender: Gender = chance(rng, femaleShare) ? 'F' : 'M';
    const [minYear, maxYear] = role.tier === 'SO' ? [1966, 1983] : leader ? [1966, 1990] : [1966, 2002];
    const span = maxYear - minYear;
    const birthYear = leader
      ? intBetween(rng, minYear, maxYear)
      : minYear + Math.min(span, Math.floor(((rng() + rng() + rng()) / 3) * (span + 1)));
    const birthDate = dayIn(rng, birthYear);
    const ethnicity = this.ethnicity(unit);
    const fullName = drawName(rng, gender, ethnicity);

    const category = this.category(unit, role);
    const rank = this.rank(unit, category, role, 2026 - birthYear);
    const post = role.post ?? staffPost(rng, unit, category, rank);

    // Service starts after 22; leaders have served some years before their appointment.
    let serviceYear = Math.min(2025, birthYear + 22 + Math.floor(rng() ** 1.6 * 9));
    let appointedOn: string | null = null;
    if (leader) {
      if (isCommuneType(unit.type)) {
        appointedOn = chance(rng, 0.82) ? REORG_DATE : dayIn(rng, 2025, 8, 12);
        serviceYear = Math.min(serviceYear, 2020);
      } else {
        serviceYear = Math.min(serviceYear, 2019);
        appointedOn = dayIn(rng, intBetween(rng, Math.max(serviceYear + 5, 2016), 2025));
      }
    }
    // Not before the 22nd birthday (29 February born: 1 March).
    const adult = birthDate.endsWith('-02-29')
      ? isoOf(birthYear + 22, 3, 1)
      : `${birthYear + 22}${birthDate.slice(4)}`;
    const serviceStart = maxDate(dayIn(rng, serviceYear), adult);

    const partyMember = chance(rng, leader ? 0.97 : (PARTY_SHARE[category] ?? 0.5));
    const partyJoinYear = partyMember
      ? Math.min(2025, Math.max(birthYear + 20, serviceYear - 2) + Math.floor(rng() * 8))
      : null;
    const partyJoinDate = partyJoinYear ? dayIn(rng, partyJoinYear) : null;

    let managementAuthority = unit.communeId ? 'XA' : 'SO_NGANH';
    if (role.tier === 'SO' || (unit.type === 'commune_party' && role.isHead)) managementAuthority = 'BTV_TU';

    const age = 2026 - birthYear;
    let planningTitle: string | null = null;
    if (
      age < 55 &&
      chance(rng, leader ? (role.seat && role.isHead ? 0 : 0.25) : 0.035) &&
      category !== 'KCT' &&
      category !== 'KHAC'
    )
      planningTitle = planningFor(rng, unit, post, role.seat && role.isDeputy, role.tier);

    // Status: women born before 1969 have mostly retired; a few moved or left.
    let status = 'WORKING';
    let statusDate: string | null = null;
    let reason: string | null = null;
    if (!leader && gender === 'F' && birthYear <= 1968 && chance(rng, 0.6)) {
      status = 'RETIRED';
      statusDate = isoOf(birthYear + 56, intBetween(rng, 1, 12), 1);
      reason = 'Nghỉ hưu theo chế độ';
    } else if (!leader && age >= 50 && chance(rng, 0.08)) {
      // Early retirement during the 2025 reorganisation.
      status = 'RETIRED';
      statusDate = dayIn(rng, 2025, 3, 8);
      reason = 'Nghỉ hưu trước tuổi theo Nghị định 178/2024/NĐ-CP';
    } else if (!leader && chance(rng, 0.025)) {
      status = chance(rng, 0.8) ? 'TRANSFERRED' : 'LEFT';
      statusDate = dayIn(rng, intBetween(rng, Math.max(2022, serviceYear + 1), 2026), 1, 6);
      reason = status === 'TRANSFERRED' ? 'Chuyển công tác ngoài tỉnh' : 'Thôi việc theo nguyện vọng';
    }
    // Staff of merged communes are recorded in the new commune: their change came after the merger.
    if (statusDate && unit.predecessors.length > 0 && statusDate <= REORG_DATE)
      statusDate = dayIn(rng, 2025, 7, 12);
    if (statusDate && statusDate > REF_DATE) statusDate = REF_DATE;

    let keys = this.nameKeys.get(fullName);
    if (!keys) {
      keys = { searchName: foldText(fullName), sortKey: nameSortKey(fullName) };
      if (this.nameKeys.size < 200_000) this.nameKeys.set(fullName, keys);
    }
    const person: PersonRecord = {
      id,
      fullName,
      searchName: keys.searchName,
      sortKey: keys.sortKey,
      birthDate,
      gender,
      ethnicity,
      personalId: this.personalId(gender, birthYear),
      partyMember,
      partyJoinDate,
      category,
      rank,
      post,
      leadershipTier: role.tier,
      appointedOn,
      unitId: unit.id,
      managementAuthority,
      planningTitle,
      status,
      serviceStart,
    };

    const [mainMinority, minorityShare] = unit.ethnicMix[0] ?? ['KINH', 0];
    const localLanguage =
      unit.communeId && ethnicity === 'KINH' && minorityShare >= 0.1 ? LANGUAGE_OF[mainMinority] : null;
    const qualifications = draftQualifications(rng, {
      birthYear,
      category,
      rank,
      tier: role.tier,
      isHead: role.isHead,
      field: unit.field,
      post,
      partyMember,
      partyJoinYear,
      serviceYear,
      appointedYear: appointedOn ? yearOf(appointedOn) : null,
      localLanguage: localLanguage ?? null,
      trainingInstitution: unit.type === 'training',
    });
    // Built as before 1 July 2025, then moved across the 2025 categories (ADR 043).
    const history = moveAcross(person, buildHistory(rng, unit, person, statusDate, reason));
    return { person, qualifications, history };
  }

  /** Head, deputy, division leader or staff; heads and deputies are limited per unit. */
  private role(unit: UnitProfile): Role {
    const rng = this.rng;
    if (unit.head && unit.headTier) {
      let seat = this.seats.get(unit.id);
      if (!seat) {
        seat = { head: false, deputies: 0 };
        this.seats.set(unit.id, seat);
      }
      const p = this.seatChance.get(unit.id) ?? 0.3;
      if (!seat.head && chance(rng, p)) {
        seat.head = true;
        return { tier: unit.headTier, post: unit.head, isHead: true, isDeputy: false, seat: true };
      }
      if (seat.deputies < unit.maxDeputies && chance(rng, p)) {
        seat.deputies++;
        return { tier: unit.headTier, post: unit.deputy, isHead: false, isDeputy: true, seat: true };
      }
    }
    const share = isCommuneType(unit.type) ? 0.13 : 0.16;
    if (chance(rng, share)) {
      const division = divisionLeaderPost(rng, unit);
      // A commune has one head per mass organisation.
      const key = division?.tier === 'XA' ? `${unit.id}|${division.post}` : null;
      if (key && this.heldPosts.has(key))
        return { tier: 'NONE', post: null, isHead: false, isDeputy: false, seat: false };
      if (key) this.heldPosts.add(key);
      if (division)
        return {
          tier: division.tier,
          post: division.post,
          isHead: division.head,
          isDeputy: !division.head,
          seat: false,
        };
    }
    return { tier: 'NONE', post: null, isHead: false, isDeputy: false, seat: false };
  }

  private category(unit: UnitProfile, role: Role): string {
    const rng = this.rng;
    const r = rng();
    if (isCommuneType(unit.type)) {
      if (role.tier !== 'NONE') return 'CBX';
      return r < 0.87 ? 'CBX' : r < 0.97 ? 'KCT' : 'VC';
    }
    if (isServiceType(unit.type)) return r < 0.94 || role.tier !== 'NONE' ? 'VC' : 'KHAC';
    if (unit.type === 'party' || unit.type === 'front') {
      if (role.seat) return 'CB';
      return r < 0.22 ? 'CB' : r < 0.95 ? 'CC' : 'KHAC';
    }
    if (role.tier !== 'NONE') return 'CC';
    return r < 0.92 ? 'CC' : r < 0.96 ? 'VC' : 'KHAC';
  }

  private rank(unit: UnitProfile, category: string, role: Role, age: number): string | null {
    const rng = this.rng;
    const r = rng();
    switch (category) {
      case 'VC':
        if (role.tier !== 'NONE') return RANK_VC_LEADER.draw(rng);
        return age < 32
          ? r < 0.8
            ? 'HANG_III'
            : 'HANG_IV'
          : age < 45 && r < 0.04
            ? 'HANG_II'
            : RANK_VC.draw(rng);
      case 'KCT':
        return null;
      case 'KHAC':
        return r < 0.6 ? 'NV' : null;
      case 'CBX':
        if (role.tier !== 'NONE') return r < 0.35 && age >= 35 ? 'CVC' : 'CV';
        if (age >= 35 && r < 0.12) return 'CVC';
        return r < 0.8 ? 'CV' : r < 0.93 ? 'CS' : 'NV';
      default: {
        // Cadres and civil servants of provincial organs: ~2% senior, ~25% principal specialists.
        if (role.tier === 'SO') return age >= 45 && r < 0.6 ? 'CVCC' : 'CVC';
        if (role.tier !== 'NONE') return age >= 45 && r < 0.1 ? 'CVCC' : age >= 33 && r < 0.65 ? 'CVC' : 'CV';
        if (age >= 45 && r < 0.05) return 'CVCC';
        if (age >= 33 && r < 0.3) return 'CVC';
        if (r > 0.9) return unit.type === 'party' ? 'CV' : 'CS';
        if (r > 0.85) return 'NV';
        return 'CV';
      }
    }
  }

  private ethnicity(unit: UnitProfile): string {
    const r = this.rng();
    let acc = 0;
    for (const [code, share] of unit.ethnicMix) {
      acc += share;
      if (r < acc) return code;
    }
    return 'KINH';
  }

  /** 12 digits: province 022, gender and century, two-digit birth year, six unique digits. */
  private personalId(gender: Gender, birthYear: number): string {
    const g = (gender === 'F' ? 1 : 0) + (birthYear >= 2000 ? 2 : 0);
    const head = `${PROVINCE_PREFIX}${g}${String(birthYear % 100).padStart(2, '0')}`;
    for (;;) {
      const id = head + String(Math.floor(this.idRng() * 1_000_000)).padStart(6, '0');
      if (!this.usedPersonalIds.has(id)) {
        this.usedPersonalIds.add(id);
        return id;
      }
    }
  }

  /** Give a person another identity number (the first one is already in the database). */
  reassignPersonalId(p: PersonRecord): void {
    p.personalId = this.personalId(p.gender, Number(p.birthDate.slice(0, 4)));
  }
}
