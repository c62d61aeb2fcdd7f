import { List, Space, Typography } from 'antd';
import { Link } from 'react-router';
import { SectionList } from '../../../kit/section-list';
import { formatDate } from '../../../lib/dates';
import { useT } from '../../../lib/i18n';
import { usePersonSponsorships } from '../api/postgraduate';
import { postgradMessages } from '../messages';
import { SponsorshipStatusTag } from './sponsorship-status-tag';

/** The person's sponsored postgraduate study, for the "Đào tạo" tab of the record. */
export function PersonPostgraduatePanel({ personId, linked }: { personId: number; linked: boolean }) {
  const t = useT(postgradMessages);
  const query = usePersonSponsorships(personId);
  return (
    <SectionList
      title={t('personTabTitle')}
      query={query}
      empty={t('noPersonSponsorships')}
      renderItem={(s) => {
        const title = `${t(`level${s.level}`)} · ${s.field}`;
        return (
          <List.Item>
            <Space wrap>
              {linked ? <Link to={`/postgraduate/${s.id}`}>{title}</Link> : <span>{title}</span>}
              <Typography.Text type="secondary">
                {`${s.institutionName} (${s.country}), ${formatDate(s.startsOn)} – ${formatDate(s.actualEndsOn ?? s.expectedEndsOn)}`}
              </Typography.Text>
              <SponsorshipStatusTag status={s.status} />
            </Space>
          </List.Item>
        );
      }}
    />
  );
}
