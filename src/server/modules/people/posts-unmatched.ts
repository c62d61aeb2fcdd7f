/**
 * The free-text posts no post code was found for (ADR 043): the backfill codes a post only when
 * its words equal one post's name or alias; the rest stay empty and are listed here, most
 * frequent first, for an office to code by hand or to add as aliases (ADR 028).
 */
import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { rowsOf } from '../../db/rows';

export interface UnmatchedPost {
  post: string;
  people: number;
}

export async function unmatchedPosts(q: Queryable, limit = 100): Promise<UnmatchedPost[]> {
  return rowsOf<UnmatchedPost>(
    await q.execute(sql`select btrim(post) as post, count(*)::int as people from people
      where post_code is null and post is not null and btrim(post) <> ''
      group by btrim(post) order by count(*) desc, btrim(post) limit ${limit}`),
  ).map((r) => ({ post: r.post, people: Number(r.people) }));
}
