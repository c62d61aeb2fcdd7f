import { List, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { SectionList } from '../../../kit/section-list';
import { formatDate } from '../../../lib/dates';
import { useT } from '../../../lib/i18n';
import { usePersonDelegations } from '../api/abroad';
import { abroadMessages } from '../messages';
import { DelegationStatusTag } from './delegation-status-tag';

/** The delegations abroad of a person, for the "Đào tạo" tab of the record (training history). */
export function PersonAbroadPanel({ personId, linked }: { personId: number; linked: boolean }) {
  const t = useT(abroadMessages);
  const query = usePersonDelegations(personId);
  return (
    <SectionList
      title={t('personTabTitle')}
      query={query}
      empty={t('noPersonDelegations')}
      renderItem={(d) => {
        const title = `${d.code} · ${d.name}`;
        return (
          <List.Item>
            <Space wrap>
              {linked ? <Link to={`/abroad/${d.delegationId}`}>{title}</Link> : <span>{title}</span>}
              <Typography.Text type="secondary">
                {`${d.partnerName} (${d.country}), ${formatDate(d.departsOn)} – ${formatDate(d.returnsOn)}`}
              </Typography.Text>
              {d.completed === null ? (
                <DelegationStatusTag status={d.status} />
              ) : d.completed ? (
                <Tag color="green">{t('completed')}</Tag>
              ) : (
                <Tag color="red">{t('notCompleted')}</Tag>
              )}
              {d.reportSubmittedOn ? (
                <Tag>{t('reportSubmitted', { date: formatDate(d.reportSubmittedOn) })}</Tag>
              ) : null}
            </Space>
          </List.Item>
        );
      }}
    />
  );
}
