import { Tag } from 'antd';
import { formatDate } from '../../../lib/dates';
import { useT } from '../../../lib/i18n';
import type { DelegationMember } from '../api/abroad';
import { abroadMessages } from '../messages';

/** Where a member's report stands, as a coloured tag. */
export function ReportState({ report }: { report: DelegationMember['report'] }) {
  const t = useT(abroadMessages);
  switch (report.state) {
    case 'submitted':
      return report.daysLate ? (
        <Tag color="gold">
          {t('reportSubmittedLate', { date: formatDate(report.submittedOn), days: report.daysLate })}
        </Tag>
      ) : (
        <Tag color="green">{t('reportSubmitted', { date: formatDate(report.submittedOn) })}</Tag>
      );
    case 'overdue':
      return <Tag color="red">{t('reportOverdue', { days: report.daysLate ?? 0 })}</Tag>;
    case 'waiting':
      return <Tag color="blue">{t('reportWaiting', { due: formatDate(report.dueOn) })}</Tag>;
    default:
      return <Tag>{t('reportNot_due')}</Tag>;
  }
}
