/**
 * The people list on paper (ADR 041): the filters in words and the rows of the page on screen
 * as a plain table, for PrintDocument. Codes are turned into their labels.
 */
import type { PrintColumn, PrintFilter } from '../../../kit/print/print-document';
import { PrintTable } from '../../../kit/print/print-table';
import { useCodeLabel } from '../../../lib/codes';
import { formatDate } from '../../../lib/dates';
import { useT } from '../../../lib/i18n';
import { useOrgTree } from '../../../lib/org-tree';
import type { PeopleFilters, PersonListItem } from '../api/people';
import { peopleMessages } from '../messages';

/** The filters of the list as "label: words" lines, only those set. */
export function usePeoplePrintFilters(f: PeopleFilters): PrintFilter[] {
  const t = useT(peopleMessages);
  const label = useCodeLabel();
  const tree = useOrgTree();
  const unitName = f.unitId ? tree.data?.units.find((u) => u.id === f.unitId)?.name : undefined;
  const out: PrintFilter[] = [];
  const add = (l: string, v: string | undefined | null) => {
    if (v) out.push({ label: l, value: v });
  };
  add(t('searchLabel'), f.q);
  if (f.unitId)
    add(
      t('unit'),
      `${unitName ?? ''}${f.subtree === false ? '' : ` (${t('includeSubunits').toLocaleLowerCase('vi-VN')})`}`,
    );
  add(t('postNote'), f.post);
  add(t('postGroup'), f.postGroup ? label('post_group', f.postGroup) : undefined);
  add(t('category'), f.category ? label('category', f.category) : undefined);
  add(t('rank'), f.rank ? label('rank', f.rank) : undefined);
  add(t('leadershipTier'), f.leadershipTier ? label('leadership_tier', f.leadershipTier) : undefined);
  add(t('status'), f.status ? label('status', f.status) : undefined);
  return out;
}

/** The rows on screen as a table for paper, numbered from `offset + 1`. */
export function PeoplePrintTable({
  items,
  offset,
  caption,
}: {
  items: readonly PersonListItem[];
  offset: number;
  caption?: string;
}) {
  const t = useT(peopleMessages);
  const label = useCodeLabel();
  const columns: PrintColumn<PersonListItem>[] = [
    { key: 'stt', title: t('stt'), value: (_r, i) => offset + i + 1, align: 'right' },
    { key: 'fullName', title: t('fullName'), value: (r) => r.fullName },
    { key: 'birthDate', title: t('birthDate'), value: (r) => formatDate(r.birthDate, '') },
    { key: 'gender', title: t('gender'), value: (r) => label('gender', r.gender) },
    { key: 'category', title: t('category'), value: (r) => label('category', r.category) },
    { key: 'rank', title: t('rank'), value: (r) => label('rank', r.rank) },
    {
      key: 'post',
      title: t('post'),
      value: (r) => (r.postCode ? label('post', r.postCode) : r.post || ''),
    },
    { key: 'unitName', title: t('unit'), value: (r) => r.unitName },
    { key: 'status', title: t('status'), value: (r) => label('status', r.status) },
  ];
  return <PrintTable columns={columns} rows={items} rowKey={(r) => r.id} caption={caption} />;
}
