import { Alert, Card, Tabs } from 'antd';
import { useState } from 'react';
import { PageSpinner, QueryErrorResult } from '../../components/results';
import { useMyPerson } from '../../features/people/api/people';
import { PersonHistoryTab } from '../../features/people/components/person-history-tab';
import { PersonGeneralTab, PersonHeading } from '../../features/people/components/person-summary';
import { peopleMessages } from '../../features/people/messages';
import { QualificationsPanel } from '../../features/qualifications/components/qualifications-panel';
import { PersonRatingsTab } from '../../features/ratings/components/person-ratings-tab';
import { PersonStandardsTab } from '../../features/standards/components/person-standards-tab';
import { useMe } from '../../lib/auth';
import { useT } from '../../lib/i18n';
import { PersonTrainingTab } from './person-training-tab';

/** /me — a learner's own record, read only. */
export function MyRecordPage() {
  const t = useT(peopleMessages);
  const me = useMe();
  const { data: person, error, isPending, refetch } = useMyPerson();
  const [tab, setTab] = useState('general');

  if (me.personId === null) return <Alert type="info" showIcon title={t('noLinkedPerson')} />;
  if (error) return <QueryErrorResult error={error} onRetry={() => refetch()} />;
  if (isPending || !person) return <PageSpinner />;

  return (
    <>
      <PersonHeading person={person} />
      <Alert type="info" showIcon title={t('myRecordHint')} style={{ marginBottom: 16 }} />
      <Card size="small">
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            {
              key: 'general',
              label: t('tabGeneral'),
              children: <PersonGeneralTab person={person} canEdit={false} />,
            },
            {
              key: 'qualifications',
              label: t('tabQualifications'),
              children: <QualificationsPanel personId={person.id} canEdit={false} />,
            },
            {
              key: 'standards',
              label: t('tabStandards'),
              children: <PersonStandardsTab personId={person.id} />,
            },
            {
              key: 'ratings',
              label: t('tabRatings'),
              children: <PersonRatingsTab personId={person.id} canEdit={false} />,
            },
            {
              key: 'training',
              label: t('tabTraining'),
              children: <PersonTrainingTab personId={person.id} linked={false} />,
            },
            { key: 'history', label: t('tabHistory'), children: <PersonHistoryTab personId={person.id} /> },
          ]}
        />
      </Card>
    </>
  );
}
