import type { Lang } from '../../contracts/errors';
import type { Role } from '../../contracts/roles';

/** Who is acting, with the subtree they may touch and the request they act through. */
export interface Actor {
  userId: number;
  username: string;
  role: Role;
  scopeUnitId: number;
  /** ltree path of the scope unit; every query is limited to `path <@ scopePath`. */
  scopePath: string;
  personId: number | null;
  /** The lecturer record a lecturer's login is linked to (ADR 038). */
  lecturerId?: number | null;
  lang: Lang;
  requestId?: string;
  ip?: string;
}

/** The actor used by the CLI and seeding: the whole installation, no request. */
export function systemActor(scopeUnitId: number, scopePath: string): Actor {
  return { userId: 0, username: 'system', role: 'admin', scopeUnitId, scopePath, personId: null, lang: 'vi' };
}
