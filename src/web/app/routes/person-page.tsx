import { Card, Tabs } from 'antd';
import { useParams, useSearchParams } from 'react-router';
import { NotFoundResult, PageSpinner, QueryErrorResult } from '../../components/results';
import { PersonCertificates } from '../../features/certificates/components/person-certificates';
import { certificatesMessages } from '../../features/certificates/messages';
import { usePerson } from '../../features/people/api/people';
import { PersonHistoryTab } from '../../features/people/components/person-history-tab';
import {
  PersonGeneralTab,
  PersonHeading,
  PersonWarnings,
} from '../../features/people/components/person-summary';
import { peopleMessages } from '../../features/people/messages';
import { QualificationsPanel } from '../../features/qualifications/components/qualifications-panel';
import { PersonRatingsTab } from '../../features/ratings/components/person-ratings-tab';
import { PersonStandardsTab } from '../../features/standards/components/person-standards-tab';
import { BackCrumb } from '../../kit/back-crumb';
import { useCan } from '../../lib/auth';
import { useT } from '../../lib/i18n';
import { PersonTrainingTab } from './person-training-tab';

const TABS = [
  'general',
  'qualifications',
  'certificates',
  'standards',
  'ratings',
  'training',
  'history',
] as const;
type Tab = (typeof TABS)[number];

/** /people/:id — one record: general information, qualifications, history (composed from two features). */
export function PersonPage() {
  const t = useT(peopleMessages);
  const tc = useT(certificatesMessages);
  const can = useCan();
  const params = useParams();
  const id = Number(params.id);
  const [search, setSearch] = useSearchParams();
  const tab: Tab = (TABS as readonly string[]).includes(search.get('tab') ?? '')
    ? (search.get('tab') as Tab)
    : 'general';
  const { data: person, error, isPending, refetch } = usePerson(id);

  if (!Number.isInteger(id) || id <= 0) return <NotFoundResult />;
  if (error) return <QueryErrorResult error={error} onRetry={() => refetch()} />;
  if (isPending || !person) return <PageSpinner />;

  const canEdit = can('people.write');
  return (
    <>
      <BackCrumb to="/people" label={t('backToList')} current={person.fullName} />
      <PersonHeading person={person} linkUnit />
      <PersonWarnings person={person} />
      <Card size="small">
        <Tabs
          activeKey={tab}
          onChange={(k) => setSearch(k === 'general' ? {} : { tab: k }, { replace: true })}
          items={[
            {
              key: 'general',
              label: t('tabGeneral'),
              children: <PersonGeneralTab person={person} canEdit={canEdit} />,
            },
            {
              key: 'qualifications',
              label: t('tabQualifications'),
              children: <QualificationsPanel personId={person.id} canEdit={canEdit} />,
            },
            {
              key: 'certificates',
              label: tc('tabTitle'),
              children: <PersonCertificates personId={person.id} linkClasses={true} />,
            },
            {
              key: 'standards',
              label: t('tabStandards'),
              children: <PersonStandardsTab personId={person.id} />,
            },
            {
              key: 'ratings',
              label: t('tabRatings'),
              children: <PersonRatingsTab personId={person.id} canEdit={can('ratings.write')} />,
            },
            ...(can('abroad.read') || can('postgrad.read')
              ? [
                  {
                    key: 'training',
                    label: t('tabTraining'),
                    children: <PersonTrainingTab personId={person.id} linked />,
                  },
                ]
              : []),
            { key: 'history', label: t('tabHistory'), children: <PersonHistoryTab personId={person.id} /> },
          ]}
        />
      </Card>
    </>
  );
}
