/**
 * Builds the demo province tree (Quảng Ninh after 1 July 2025) with its abolished districts and
 * old communes kept for history. Ids are chosen here, paths are the ltree of ids from the root.
 * Only plain INSERTs and setval: the same SQL runs on PGlite and PostgreSQL.
 */
import { foldText } from '../../contracts/text';
import type { DbHandle } from '../db/client';
import { orgEvents, orgUnits, orgUnitVersions } from '../db/schema/index';
import { AGENCIES, COMMUNES, DISTRICTS, PROVINCE, REORG_DATE } from './quang-ninh';
import { maxId, syncIdentity } from './sql-util';

/** A unit of the demo tree as planned: the table's row without what the insert derives or stamps. */
type UnitRow = Omit<typeof orgUnits.$inferSelect, 'searchName' | 'importId' | 'createdAt' | 'updatedAt'>;

export interface DemoTree {
  rootId: number;
  unitCount: number;
  /** Ids of the current communes by name ("Xã Đầm Hà"). */
  communes: Map<string, number>;
  /** Ids of the provincial organs by key ("SNV", "TCT"...). */
  agencies: Map<string, number>;
}

/** "Xã Đầm Hà" -> ["xã", "Đầm Hà"]; wards and special zones alike. */
export function communeParts(name: string): { type: string; place: string } {
  for (const prefix of ['Đặc khu', 'Phường', 'Xã', 'Thị trấn']) {
    if (name.startsWith(`${prefix} `))
      return { type: prefix.toLowerCase(), place: name.slice(prefix.length + 1) };
  }
  return { type: 'xã', place: name };
}

/** The rows of the demo tree, ids from `firstId` on, parents before children. */
export function planDemoTree(firstId: number): UnitRow[] {
  const rows: UnitRow[] = [];
  let next = firstId;
  const add = (r: Omit<UnitRow, 'id' | 'path'>, parent: UnitRow | null): UnitRow => {
    const id = next++;
    const row: UnitRow = {
      ...r,
      id,
      parentId: parent?.id ?? null,
      path: parent ? `${parent.path}.${id}` : String(id),
    };
    rows.push(row);
    return row;
  };
  const base = { shortName: null, validTo: null, successorId: null };

  const root = add(
    {
      ...base,
      parentId: null,
      name: PROVINCE.name,
      shortName: PROVINCE.shortName,
      code: PROVINCE.code,
      level: 'province',
      kind: 'ADMIN_AREA',
      validFrom: PROVINCE.validFrom,
    },
    null,
  );

  const agencies = new Map<string, UnitRow>();
  for (const a of AGENCIES) {
    const parent = a.parent ? agencies.get(a.parent)! : root;
    const row = add(
      {
        ...base,
        parentId: parent.id,
        name: a.name,
        shortName: a.shortName,
        code: a.code,
        level: 'agency',
        kind: a.kind,
        validFrom: a.validFrom ?? '2000-01-01',
      },
      parent,
    );
    agencies.set(a.key, row);
  }

  const communes = new Map<string, UnitRow>();
  for (const [name, code] of COMMUNES) {
    const commune = add(
      { ...base, parentId: root.id, name, code, level: 'commune', kind: 'ADMIN_AREA', validFrom: REORG_DATE },
      root,
    );
    communes.set(name, commune);
    const { type, place } = communeParts(name);
    const subUnits: [string, string, string, string][] = [
      [`Đảng ủy ${type} ${place}`, 'Đảng ủy', 'DU', 'PARTY'],
      [`Ủy ban nhân dân ${type} ${place}`, `UBND ${type}`, 'UB', 'PEOPLE_COMMITTEE'],
      [`Ủy ban MTTQ Việt Nam ${type} ${place}`, 'UB MTTQ', 'MT', 'FRONT'],
    ];
    for (const [subName, shortName, suffix, kind] of subUnits) {
      add(
        {
          ...base,
          parentId: commune.id,
          name: subName,
          shortName,
          code: `${code}.${suffix}`,
          level: 'agency',
          kind,
          validFrom: REORG_DATE,
        },
        commune,
      );
    }
  }

  for (const d of DISTRICTS) {
    const successor = communes.get(d.successor);
    if (!successor) throw new Error(`Demo tree: unknown successor ${d.successor}`);
    const district = add(
      {
        ...base,
        parentId: root.id,
        name: d.name,
        code: d.code,
        level: 'district',
        kind: 'ADMIN_AREA',
        validFrom: '2000-01-01',
        validTo: REORG_DATE,
        successorId: successor.id,
      },
      root,
    );
    for (const [name, code, successorName] of d.communes) {
      const next = communes.get(successorName);
      if (!next) throw new Error(`Demo tree: unknown successor ${successorName}`);
      add(
        {
          ...base,
          parentId: district.id,
          name,
          code,
          level: 'commune',
          kind: 'ADMIN_AREA',
          validFrom: '2000-01-01',
          validTo: REORG_DATE,
          successorId: next.id,
        },
        district,
      );
    }
  }
  return rows;
}

/** Insert the demo province. Call on a database without an org tree. */
export async function buildDemoOrgTree(handle: DbHandle): Promise<DemoTree> {
  const rows = planDemoTree((await maxId(handle.db, 'org_units')) + 1);
  const root = rows[0];
  await handle.db.transaction(async (tx) => {
    await tx.insert(orgUnits).values(rows.map((r) => ({ ...r, searchName: foldText(r.name) })));
    await tx.insert(orgUnitVersions).values(
      rows.map((r) => ({
        unitId: r.id,
        name: r.name,
        parentId: r.parentId,
        validFrom: r.validFrom,
        validTo: r.validTo,
      })),
    );
    await tx.insert(orgEvents).values({
      kind: 'create',
      effectiveDate: REORG_DATE,
      unitIds: rows.map((r) => r.id),
      detail: { source: 'demo', province: PROVINCE.name, units: rows.length },
      note: 'Dữ liệu mẫu: cây tổ chức tỉnh Quảng Ninh sau sắp xếp ngày 01/7/2025',
    });
    // One merge event per new commune that took over old communes, one dissolve per district.
    const predecessors = new Map<number, number[]>();
    for (const r of rows) {
      if (r.level === 'commune' && r.successorId) {
        predecessors.set(r.successorId, [...(predecessors.get(r.successorId) ?? []), r.id]);
      }
    }
    const events: (typeof orgEvents.$inferInsert)[] = [...predecessors].map(([into, from]) => ({
      kind: 'merge',
      effectiveDate: REORG_DATE,
      unitIds: [into, ...from],
      detail: { into, from },
      note: 'Sắp xếp đơn vị hành chính cấp xã (Nghị quyết của UBTVQH, hiệu lực 01/7/2025)',
    }));
    for (const r of rows) {
      if (r.level === 'district' && r.successorId) {
        events.push({
          kind: 'dissolve',
          effectiveDate: REORG_DATE,
          unitIds: [r.id, r.successorId],
          detail: { unit: r.id, successor: r.successorId },
          note: 'Kết thúc hoạt động của đơn vị hành chính cấp huyện',
        });
      }
    }
    if (events.length) await tx.insert(orgEvents).values(events);
  });
  await syncIdentity(handle, 'org_units');

  const communes = new Map<string, number>();
  const agencies = new Map<string, number>();
  for (const r of rows) {
    if (r.level === 'commune' && !r.validTo) communes.set(r.name, r.id);
  }
  const byCode = new Map(rows.filter((r) => !r.validTo && r.code).map((r) => [r.code!, r.id]));
  for (const a of AGENCIES) agencies.set(a.key, byCode.get(a.code)!);
  return { rootId: root.id, unitCount: rows.length, communes, agencies };
}
