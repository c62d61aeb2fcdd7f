/**
 * The read replica's own costs (ADR 034), on the pair of scripts/pg-replica.sh: how long a
 * committed write takes to be replayed on the replica (the window in which read-your-writes sends
 * the writer to the primary), and what the routing wrapper adds to a statement. Not pass/fail.
 *   eval "$(bash scripts/pg-replica.sh start)"
 *   npx tsx bench/replica.bench.ts [N=300]
 *   bash scripts/pg-replica.sh stop
 */
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { openPostgres } from '../src/server/db/client';
import { newReadScope, openWithReadReplica, parseLsn, runInReadScope } from '../src/server/db/read-replica';
import { stats } from './bench-db';

const N = Number(process.argv[2] ?? 300);
const primaryUrl = process.env.TEST_PRIMARY_URL;
const replicaUrl = process.env.TEST_REPLICA_URL;
if (!primaryUrl || !replicaUrl)
  throw new Error('set TEST_PRIMARY_URL and TEST_REPLICA_URL (scripts/pg-replica.sh start)');

const primary = new pg.Client({ connectionString: primaryUrl });
const replica = new pg.Client({ connectionString: replicaUrl });
await primary.connect();
await replica.connect();
await primary.query(
  'create table if not exists bench_replica (id serial primary key, at timestamptz default now())',
);

// Replay delay: commit on the primary, then poll the replica's replay position until it passes.
const delays: number[] = [];
for (let i = 0; i < N; i++) {
  const t0 = performance.now();
  await primary.query('insert into bench_replica default values');
  const lsn = parseLsn((await primary.query('select pg_current_wal_lsn()::text as l')).rows[0].l)!;
  for (;;) {
    const r = parseLsn((await replica.query('select pg_last_wal_replay_lsn()::text as l')).rows[0].l);
    if (r !== null && r >= lsn) break;
  }
  delays.push(performance.now() - t0);
}
await primary.query('drop table bench_replica');

// Routing overhead: the same trivial statement through the routed handle (replica side, inside a
// replica-allowed scope) and through a plain Drizzle handle on the replica (same pool and driver).
const handle = await openWithReadReplica(
  primaryUrl,
  { url: replicaUrl, maxLagMs: 5000, checkMs: 1000 },
  { log: () => {} },
);
const time = async (fn: () => Promise<unknown>) => {
  const ms: number[] = [];
  for (let i = 0; i < N * 5; i++) {
    const t0 = performance.now();
    await fn();
    ms.push(performance.now() - t0);
  }
  return ms;
};
const scope = newReadScope();
scope.replicaAllowed = true;
const routed = await runInReadScope(scope, () => time(() => handle.db.execute(sql`select 1`)));
const plain = await openPostgres(replicaUrl);
const direct = await time(() => plain.db.execute(sql`select 1`));
await plain.close();
const micro = (ms: number[]) => {
  const s = [...ms].sort((a, b) => a - b);
  return `median ${(s[Math.floor(s.length / 2)] * 1000).toFixed(0)} µs`;
};

console.log(`commit -> replayed on the replica (${N} single-row inserts):`, stats(delays), 'ms');
console.log(
  `select 1, routed to the replica: ${micro(routed)}; plain handle on the replica: ${micro(direct)}`,
);
await handle.close();
await primary.end();
await replica.end();
