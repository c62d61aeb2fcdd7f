import { Badge, Card, Tabs } from 'antd';
import { useState } from 'react';
import type { ClassStatus } from '../../../../contracts/classes';
import { LoadFailedAlert } from '../../../components/results';
import { isApiError } from '../../../lib/api-client';
import { useT } from '../../../lib/i18n';
import { useAttendance, useScores } from '../api/results';
import { resultsMessages } from '../messages';
import { AttendanceTab } from './attendance-tab';
import { ResultsTab } from './results-tab';
import { ScoresTab } from './scores-tab';

/** Assessments may be set up before the class runs (ADR 013); scores wait for it. */
const SETTING_UP: ClassStatus[] = ['planned', 'open_for_nomination', 'running', 'finished'];

/**
 * "Sổ lớp" on the class page: attendance, scores and results, for the class's managers and the
 * lecturers of its sessions. Anyone else gets 403 from the API, and then the card is not shown.
 */
export function ResultsCard({ classId, status }: { classId: number; status: ClassStatus }) {
  const t = useT(resultsMessages);
  const attendance = useAttendance(classId);
  const scores = useScores(classId);
  const [tab, setTab] = useState('attendance');
  const [dirty, setDirty] = useState({ attendance: false, scores: false });

  const error = attendance.error ?? scores.error;
  if (isApiError(error) && (error.status === 403 || error.status === 404)) return null;
  if (error)
    return (
      <Card size="small" title={t('cardTitle')} style={{ marginBottom: 16 }}>
        <LoadFailedAlert
          title={t('loadFailed')}
          error={error}
          onRetry={() => {
            attendance.refetch();
            scores.refetch();
          }}
        />
      </Card>
    );
  if (!attendance.data || !scores.data) {
    // Nothing until the API has said whether this actor may see the register at all.
    return attendance.isPending ? null : (
      <Card size="small" title={t('cardTitle')} loading style={{ marginBottom: 16 }} />
    );
  }

  const label = (text: string, isDirty: boolean) =>
    isDirty ? (
      <Badge dot offset={[6, 0]}>
        {text}
      </Badge>
    ) : (
      text
    );

  return (
    <Card size="small" title={t('cardTitle')} style={{ marginBottom: 16 }}>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'attendance',
            label: label(t('tabAttendance'), dirty.attendance),
            children: (
              <AttendanceTab
                sheet={attendance.data}
                onDirty={(d) => setDirty((x) => (x.attendance === d ? x : { ...x, attendance: d }))}
              />
            ),
          },
          {
            key: 'scores',
            label: label(t('tabScores'), dirty.scores),
            children: (
              <ScoresTab
                sheet={scores.data}
                canSetUp={SETTING_UP.includes(status)}
                onDirty={(d) => setDirty((x) => (x.scores === d ? x : { ...x, scores: d }))}
              />
            ),
          },
          {
            key: 'results',
            label: t('tabResults'),
            children: <ResultsTab classId={classId} unsaved={dirty.attendance || dirty.scores} />,
          },
        ]}
      />
    </Card>
  );
}
