import type { StandardRuleData } from './standard.engine';

/** A standard rule version with where it applies: the owner's path (null = national pack). */
export interface OwnedRule extends StandardRuleData {
  ownerUnitId: number | null;
  ownerPath: string | null;
  builtIn: boolean;
}
