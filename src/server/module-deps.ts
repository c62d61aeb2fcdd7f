import type { Config } from './config';
import type { DbHandle } from './db/client';
import type { Clock } from './lib/dates';

export const VERSION = '0.1.0';

/** What every module's routes receive. */
export interface ModuleDeps {
  handle: DbHandle;
  config: Config;
  clock: Clock;
}
