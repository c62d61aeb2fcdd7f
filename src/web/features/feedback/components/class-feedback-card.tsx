import { Card, Col, Empty, List, Row, Table, type TableColumnsType, Tag, Typography } from 'antd';
import type { QuestionStat } from '../../../../contracts/feedback';
import { useLang, useT } from '../../../lib/i18n';
import { type ClassFeedback, useClassFeedback } from '../api/feedback';
import { feedbackMessages } from '../messages';
import { ScoreCell } from './ratings';

type Line = { key: string; label: string; lecturer?: string; stat: QuestionStat };

/**
 * The class page's feedback card, for the class's managers once it has started: averages per
 * question and lecturer, level-3 results and the comments, never who wrote them.
 */
export function ClassFeedbackCard({ classId, show }: { classId: number; show: boolean }) {
  const t = useT(feedbackMessages);
  const [lang] = useLang();
  const { data } = useClassFeedback(classId, show);
  if (!show || !data) return null;
  const label = (code: string) => data.questions.find((q) => q.code === code)?.[lang] ?? code;
  const lines = (stats: QuestionStat[], prefix: string, lecturer?: string): Line[] =>
    stats.map((s) => ({
      key: `${prefix}-${s.questionCode}`,
      label: label(s.questionCode),
      lecturer,
      stat: s,
    }));
  const level1: Line[] = [
    ...lines(data.overall, 'all'),
    ...data.lecturers.flatMap((l) => lines(l.questions, `l${l.lecturerId}`, l.fullName)),
  ];
  const columns: TableColumnsType<Line> = [
    {
      title: t('question'),
      key: 'q',
      render: (_v, r) => (
        <>
          {r.label}
          {r.lecturer ? <Tag style={{ marginInlineStart: 6 }}>{r.lecturer}</Tag> : null}
        </>
      ),
    },
    {
      title: t('average'),
      key: 'avg',
      width: 130,
      align: 'right',
      render: (_v, r) => <ScoreCell stat={r.stat} />,
    },
  ];
  const table = (rows: Line[], caption: string) => (
    <Table<Line>
      aria-label={caption}
      rowKey="key"
      size="small"
      columns={columns}
      dataSource={rows}
      pagination={false}
    />
  );
  const empty = !data.answers && !data.effectivenessAnswers;
  return (
    <Card size="small" title={t('cardTitle')} style={{ marginBottom: 16 }} extra={<Summary f={data} />}>
      {empty ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cardNone')} />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={14}>
            {table(level1, t('cardTitle'))}
            {data.effectiveness.length ? (
              <>
                <Typography.Title level={5} style={{ marginTop: 16 }}>
                  {t('effectivenessTitle')}
                </Typography.Title>
                {table(lines(data.effectiveness, 'l3'), t('effectivenessTitle'))}
              </>
            ) : null}
          </Col>
          <Col xs={24} xl={10}>
            <Typography.Title level={5} style={{ marginTop: 0 }}>
              {t('commentsTitle')}
            </Typography.Title>
            <List
              size="small"
              bordered
              style={{ maxHeight: 480, overflowY: 'auto' }}
              dataSource={data.comments}
              locale={{ emptyText: '—' }}
              renderItem={(c) => (
                <List.Item>
                  <div>
                    <Tag color={c.level === 3 ? 'purple' : 'blue'}>
                      {c.level === 3 ? t('commentLevel3') : t('commentLevel1')}
                    </Tag>
                    {c.text}
                  </div>
                </List.Item>
              )}
            />
            <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8 }}>
              {t('cardAnonymous')}
            </Typography.Paragraph>
          </Col>
        </Row>
      )}
    </Card>
  );
}

function Summary({ f }: { f: ClassFeedback }) {
  const t = useT(feedbackMessages);
  return (
    <Typography.Text type="secondary">
      {t('cardAnswers', { answers: f.answers, enrolled: f.enrolled })}
      {f.effectivenessAnswers ? ` · ${t('cardEffAnswers', { n: f.effectivenessAnswers })}` : ''}
    </Typography.Text>
  );
}
