/**
 * The records whose 0.1.0 update could reset fields to their create defaults (ADR 023): the
 * entity and update action of their audit rows, the defaults (read from the create contract),
 * how to read their current values, and how to put a value back through the entity's own update
 * route schema and service (validated, scoped, audited as `<entity>.restore_reset`).
 */
import { inArray, sql } from 'drizzle-orm';
import { CreatePersonBody, UpdatePersonBody } from '../../../contracts/people';
import { ReportLayoutBody, ReportLayoutUpdate } from '../../../contracts/report-layouts';
import { createDefaults } from '../../../contracts/update';
import type { Db, Queryable } from '../../db/client';
import { rowsOf } from '../../db/rows';
import { people } from '../../db/schema/index';
import type { Actor } from '../../lib/actor';
import type { RestoreOf } from '../../lib/audit';
import type { Clock } from '../../lib/dates';
import { createPeopleService } from '../people/people.service';
import { createLayoutService } from '../reports/layouts/layouts.service';

type Rec = Record<string, unknown>;

export interface ResetSpec {
  /** `audit_log.entity`, and the name `--entity` takes. */
  entity: string;
  /** The audit action of the entity's update. */
  action: string;
  label: { vi: string; en: string };
  /** Field -> the value a create gives it when left out. */
  defaults: Rec;
  /** Current values (and `version`) of the records, by id as text. */
  current(q: Queryable, ids: number[]): Promise<Map<string, Rec>>;
  /** Put `values` back on record `id` read at `version`. */
  restore(
    deps: { db: Db; clock: Clock },
    actor: Actor,
    id: number,
    version: number,
    values: Rec,
    restores: RestoreOf,
  ): Promise<void>;
}

const byId = (rows: Rec[]) => new Map(rows.map((r) => [String(r.id), r]));

export const RESET_SPECS: readonly ResetSpec[] = [
  {
    entity: 'person',
    action: 'person.update',
    label: { vi: 'hồ sơ cán bộ', en: 'person' },
    // 0.1.0: PATCH /people took `PersonInput.partial()`, which kept these defaults.
    defaults: createDefaults(CreatePersonBody),
    async current(q, ids) {
      return byId(await q.select().from(people).where(inArray(people.id, ids)));
    },
    async restore(deps, actor, id, version, values, restores) {
      const body = UpdatePersonBody.parse({ ...values, version });
      await createPeopleService(deps).update(actor, id, body, { restores });
    },
  },
  {
    entity: 'report_layout',
    action: 'report_layout.update',
    label: { vi: 'mẫu báo cáo', en: 'report layout' },
    // 0.1.0: PUT /report-layouts/:id took the whole layout with `effectiveTo` defaulting to null.
    defaults: createDefaults(ReportLayoutBody),
    async current(q, ids) {
      const rows = rowsOf<Rec>(
        await q.execute(sql`select id, version, effective_to::text as "effectiveTo"
          from report_layouts where id = any(${sql.param(ids)}::int[])`),
      );
      return byId(rows.map((r) => ({ ...r, id: Number(r.id), version: Number(r.version) })));
    },
    async restore(deps, actor, id, version, values, restores) {
      const body = ReportLayoutUpdate.parse({ ...values, version });
      await createLayoutService(deps).update(actor, id, body, { restores });
    },
  },
];
