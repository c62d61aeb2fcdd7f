/**
 * The daily reminders as set-based statements (ADR 051). Each kind is one candidate select
 * (`cand`: the unit path of whom it is about, params, link, dedupe key) followed by the same tail,
 * which picks the recipients (the nearest active unit officers at or above that unit), inserts the
 * notifications skipping keys already sent, and answers only the count and the rows to mail. No
 * person, proposal or member is read into the process.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { NotificationKind } from '../../../contracts/notifications';
import { policyRowSql } from '../policies/policies';

const dmy = (d: SQL) => sql`to_char(${d}, 'DD/MM/YYYY')`;

/** A reminder's kind and the candidate CTE (`cand as (...)`, no leading `with`). */
export interface ReminderKind {
  kind: NotificationKind;
  cand: (today: string) => SQL;
}

/**
 * `, recipients, ins as (insert ...) select n, mails`: the unit officers of each candidate's unit
 * (the deepest level at or above it that has any, so a commune without its own officer reaches
 * the district's), one notification each unless that key was already sent to them.
 */
export function insertTail(kind: NotificationKind, now: Date): SQL {
  return sql`, ins as (
      insert into notifications (user_id, kind, params, link, dedupe_key, created_at)
      select distinct r.user_id, ${kind}, c.params, c.link, c.dedupe_key, ${now.toISOString()}::timestamptz
      from cand c
      join lateral (
        select f.user_id from (
          select u.id as user_id, rank() over (order by nlevel(o.path) desc) as rk
          from users u join org_units o on o.id = u.scope_unit_id
          where u.active and u.role = 'unit_officer' and o.path @> c.unit_path) f
        where f.rk = 1) r on true
      on conflict (user_id, dedupe_key) where dedupe_key is not null do nothing
      returning id, user_id, params)
    select (select count(*)::int from ins) as n,
      coalesce((select json_agg(json_build_object('id', ins.id, 'params', ins.params, 'email', u.email,
          'locale', u.locale) order by ins.id)
        from ins join users u on u.id = ins.user_id
        where u.email is not null and u.email_notifications), '[]'::json) as mails`;
}

/** A person's requirement whose due date falls within the policy's days (`gaps` from the gap statement). */
export const standardsDueCand = (today: string): SQL => sql`cand as (
    select o.path as unit_path,
      jsonb_build_object('personName', p.full_name, 'unitName', o.name, 'requirement', sr.title_vi,
        'dueOn', ${dmy(sql`g.due_by`)}) as params,
      '/standards/gaps' as link,
      'standard.due:' || g.person_id || ':' || g.rule_code || ':' || g.due_by::text as dedupe_key
    from gaps g join people p on p.id = g.person_id join org_units o on o.id = g.unit_id
    join standard_rules sr on sr.id = g.rule_id
    cross join lateral (${policyRowSql('standards.due_soon_days', sql`${today}::date`, sql`o.path`)}) pol
    where g.status = 'due' and g.due_by <= ${today}::date + (pol.value #>> '{}')::int)`;

/** Proposals of open campaigns still unsent (draft or returned) after the deadline. */
export const needsOverdue: ReminderKind = {
  kind: 'needs.overdue',
  cand: (today) => sql`cand as (
    select u.path as unit_path,
      jsonb_build_object('unitName', u.name, 'campaign', c.title, 'deadline', ${dmy(sql`c.deadline`)}) as params,
      '/needs/proposals/' || p.id as link,
      'needs.overdue:' || p.id || ':' || c.deadline::text as dedupe_key
    from needs_proposals p join needs_campaigns c on c.id = p.campaign_id join org_units u on u.id = p.unit_id
    where c.status = 'open' and p.status in ('draft', 'returned') and c.deadline < ${today}::date)`,
};

/**
 * Members of returned or closed delegations with no report after the days of the policy in force
 * on the return for the organiser (or today's, when none was then: as the overdue page).
 */
export const reportsOverdue: ReminderKind = {
  kind: 'abroad.report_overdue',
  cand: (today) => {
    const days = (date: SQL) =>
      sql`(select (v.value #>> '{}')::int from (${policyRowSql('abroad.report_due_days', date, sql`o.path`)}) v)`;
    return sql`cand as (
    select pu.path as unit_path,
      jsonb_build_object('personName', p.full_name, 'delegation', d.name, 'dueOn', ${dmy(sql`k.due_on`)}) as params,
      '/abroad/overdue' as link,
      'abroad.report_overdue:' || m.id || ':' || k.due_on::text as dedupe_key
    from abroad_members m join abroad_delegations d on d.id = m.delegation_id
    join org_units o on o.id = d.organiser_unit_id
    join people p on p.id = m.person_id join org_units pu on pu.id = p.unit_id
    cross join lateral (select d.returns_on + coalesce(${days(sql`d.returns_on`)}, ${days(sql`${today}::date`)}) as due_on) k
    where d.status in ('returned', 'closed') and m.report_submitted_on is null and k.due_on < ${today}::date)`;
  },
};
