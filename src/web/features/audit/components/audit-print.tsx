/**
 * The audit log on paper (ADR 041, 052): the filters in words and the entries on screen as a plain
 * table for PrintDocument; actions and records are named in words, never by their keys.
 */
import type { PrintColumn, PrintFilter } from '../../../kit/print/print-document';
import { PrintTable } from '../../../kit/print/print-table';
import { formatDate, formatDateTime } from '../../../lib/dates';
import { useLang, useT } from '../../../lib/i18n';
import { actionChoiceLabel, actionLabel, entityLabel } from '../action-label';
import type { AuditEntry } from '../api/audit';
import { auditMessages } from '../messages';

export interface AuditFilterValues {
  entity?: string;
  entityId?: string;
  action?: string;
  username?: string;
  from?: string;
  to?: string;
}

/** The filters of the log as "label: words" lines, only those set. */
export function useAuditPrintFilters(f: AuditFilterValues): PrintFilter[] {
  const t = useT(auditMessages);
  const [lang] = useLang();
  const out: PrintFilter[] = [];
  const add = (label: string, value: string | undefined) => {
    if (value) out.push({ label, value });
  };
  add(t('entity'), f.entity ? entityLabel(f.entity, lang) : undefined);
  add(t('entityId'), f.entityId);
  add(t('action'), f.action ? actionChoiceLabel(f.action, lang) : undefined);
  add(t('username'), f.username);
  if (f.from || f.to)
    add(t('dateRange'), `${f.from ? formatDate(f.from) : '…'} – ${f.to ? formatDate(f.to) : '…'}`);
  return out;
}

/** The entries on screen as a table for paper, numbered from `offset + 1`. */
export function AuditPrintTable({
  items,
  offset,
  caption,
}: {
  items: readonly AuditEntry[];
  offset: number;
  caption?: string;
}) {
  const t = useT(auditMessages);
  const [lang] = useLang();
  const columns: PrintColumn<AuditEntry>[] = [
    { key: 'stt', title: t('stt'), value: (_r, i) => offset + i + 1, align: 'right' },
    { key: 'at', title: t('at'), value: (r) => formatDateTime(r.at) },
    { key: 'username', title: t('username'), value: (r) => r.username ?? '' },
    { key: 'action', title: t('action'), value: (r) => actionLabel(r.action, lang) },
    { key: 'entity', title: t('entity'), value: (r) => entityLabel(r.entity, lang) },
    { key: 'summary', title: t('summary'), value: (r) => r.summary ?? '' },
  ];
  return <PrintTable columns={columns} rows={items} rowKey={(r) => r.id} caption={caption} />;
}
