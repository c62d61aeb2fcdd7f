import { Alert, Descriptions, Drawer, Empty, Flex, Statistic, Table, Typography } from 'antd';
import { ASSESSMENT_KIND_LABELS, ATTENDANCE_LABELS } from '../../../../contracts/results';
import { formatDate, formatDateTime } from '../../../lib/dates';
import { useLang, useT } from '../../../lib/i18n';
import type { MyClass } from '../api/self-service';
import { selfServiceMessages } from '../messages';
import { ClassStatusLabel, GradeTag, MyNominationTag } from './status-tags';

type Session = MyClass['attendance']['items'][number];
type Score = MyClass['scores'][number];

function ResultBlock({ result, running }: { result: NonNullable<MyClass['result']>; running: boolean }) {
  const t = useT(selfServiceMessages);
  const [lang] = useLang();
  return (
    <section aria-label={t('resultTitle')}>
      <Typography.Title level={5}>{t('resultTitle')}</Typography.Title>
      <Flex gap={32} wrap style={{ marginBottom: 8 }}>
        <Statistic title={t('grade')} valueRender={() => <GradeTag result={result} />} />
        <Statistic
          title={t('average')}
          value={result.average ?? '—'}
          precision={result.average === null ? undefined : 2}
        />
        <Statistic title={t('attendancePct')} value={result.attendancePct} suffix="%" />
      </Flex>
      <Typography.Paragraph type="secondary">
        {result.stored ? t('resultStored') : running ? t('resultLive') : t('resultComputed')}
      </Typography.Paragraph>
      {result.reasons.length ? (
        <Alert
          type={result.passed ? 'info' : 'warning'}
          showIcon
          title={t('reasons')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {result.reasons.map((r) => (
                <li key={`${r.code}:${r.vi}`}>{r[lang]}</li>
              ))}
            </ul>
          }
        />
      ) : null}
    </section>
  );
}

/** One class of mine: the class, my status, my attendance per session, my scores, my result. */
export function MyClassDrawer({ item, onClose }: { item: MyClass; onClose: () => void }) {
  const t = useT(selfServiceMessages);
  const [lang] = useLang();
  const c = item.class;
  const enrolled = item.status === 'approved';
  return (
    <Drawer open size="large" title={t('detailsOf', { code: c.code })} onClose={onClose} destroyOnHidden>
      <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('class')}>{c.name}</Descriptions.Item>
        <Descriptions.Item label={t('programme')}>{c.programmeName}</Descriptions.Item>
        <Descriptions.Item label={t('dates')}>
          {formatDate(c.startsOn)} – {formatDate(c.endsOn)}
        </Descriptions.Item>
        <Descriptions.Item label={t('institution')}>{c.institutionName ?? t('none')}</Descriptions.Item>
        <Descriptions.Item label={t('organiser')}>{c.organiserUnitName}</Descriptions.Item>
        <Descriptions.Item label={t('venue')}>{c.venue ?? t('none')}</Descriptions.Item>
        <Descriptions.Item label={t('mode')}>
          {t(`mode${c.mode[0].toUpperCase()}${c.mode.slice(1)}` as 'modeOnline')}
        </Descriptions.Item>
        <Descriptions.Item label={t('classStatus')}>
          <ClassStatusLabel status={c.status} />
        </Descriptions.Item>
        <Descriptions.Item label={t('myStatus')}>
          <MyNominationTag status={item.status} />
          {item.waitlistPosition ? t('waitlistPlace', { n: item.waitlistPosition }) : null}
        </Descriptions.Item>
        {item.reason ? <Descriptions.Item label={t('statusReason')}>{item.reason}</Descriptions.Item> : null}
        <Descriptions.Item label={t('nominatedAt')}>{formatDateTime(item.nominatedAt)}</Descriptions.Item>
      </Descriptions>

      {!enrolled ? (
        <Alert type="info" showIcon title={t('notEnrolled')} />
      ) : (
        <>
          {item.result ? <ResultBlock result={item.result} running={c.status === 'running'} /> : null}
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('sessionsTitle')} (
            {t('attendedOf', { a: item.attendance.attended, s: item.attendance.sessions })})
          </Typography.Title>
          <Table<Session>
            aria-label={t('sessionsCaption')}
            rowKey="sessionId"
            size="small"
            pagination={false}
            dataSource={item.attendance.items}
            locale={{ emptyText: <Empty description={t('noSessions')} /> }}
            columns={[
              { title: t('day'), key: 'day', render: (_, s) => formatDate(s.day) },
              { title: t('time'), key: 'time', render: (_, s) => `${s.startsAt}–${s.endsAt}` },
              { title: t('topic'), key: 'topic', render: (_, s) => s.topicName ?? t('none') },
              {
                title: t('mark'),
                key: 'mark',
                render: (_, s) =>
                  s.mark ? (
                    <>
                      {ATTENDANCE_LABELS[s.mark][lang]}
                      {s.reason ? <Typography.Text type="secondary"> ({s.reason})</Typography.Text> : null}
                    </>
                  ) : (
                    <Typography.Text type="secondary">{t('notMarked')}</Typography.Text>
                  ),
              },
            ]}
          />
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('scoresTitle')}
          </Typography.Title>
          <Table<Score>
            aria-label={t('scoresCaption')}
            rowKey="assessmentId"
            size="small"
            pagination={false}
            dataSource={item.scores}
            locale={{ emptyText: <Empty description={t('noAssessments')} /> }}
            columns={[
              { title: t('assessment'), key: 'name', dataIndex: 'name' },
              { title: t('kind'), key: 'kind', render: (_, s) => ASSESSMENT_KIND_LABELS[s.kind][lang] },
              { title: t('weight'), key: 'weight', dataIndex: 'weight', align: 'right' },
              {
                title: t('score'),
                key: 'score',
                align: 'right',
                render: (_, s) =>
                  s.score === null ? (
                    <Typography.Text type="secondary">{t('notScored')}</Typography.Text>
                  ) : (
                    s.score
                  ),
              },
            ]}
          />
        </>
      )}
    </Drawer>
  );
}
