/** The shapes of a synthetic person and one dated history row (shared by person-factory and history). */
import type { Gender } from './names';

export interface PersonRecord {
  id: number;
  fullName: string;
  searchName: string;
  sortKey: string;
  birthDate: string;
  gender: Gender;
  ethnicity: string;
  personalId: string;
  partyMember: boolean;
  partyJoinDate: string | null;
  category: string;
  rank: string | null;
  post: string | null;
  leadershipTier: string;
  appointedOn: string | null;
  unitId: number;
  managementAuthority: string | null;
  planningTitle: string | null;
  status: string;
  serviceStart: string;
}

export interface HistoryDraft {
  validFrom: string;
  validTo: string | null;
  category: string;
  rank: string | null;
  post: string | null;
  leadershipTier: string;
  unitId: number;
  managementAuthority: string | null;
  planningTitle: string | null;
  status: string;
  reason: string | null;
}
