import { StarOutlined } from '@ant-design/icons';
import {
  Button,
  Divider,
  Empty,
  Flex,
  Modal,
  Spin,
  Table,
  type TableColumnsType,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useState } from 'react';
import type { QuestionStat, RollupPeriod } from '../../../../contracts/feedback';
import { type Lang, useLang, useT } from '../../../lib/i18n';
import { type Rollup, useRatings } from '../api/feedback';
import { feedbackMessages } from '../messages';

/** 4.67 as "4,67" in Vietnamese. */
export function formatScore(n: number, lang: Lang): string {
  return n.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
}

/** "4,67 (3)": the average and how many scores it is made of. */
export function ScoreCell({ stat }: { stat?: QuestionStat }) {
  const [lang] = useLang();
  if (!stat) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <span className="tabular">
      <Typography.Text strong>{formatScore(stat.average, lang)}</Typography.Text>{' '}
      <Typography.Text type="secondary">({stat.count})</Typography.Text>
    </span>
  );
}

type Row = Rollup['questions'][number];

/** Questions down, periods across (all years first, then each year, latest first). */
export function RollupTable({ rollup, caption }: { rollup: Rollup; caption: string }) {
  const t = useT(feedbackMessages);
  const [lang] = useLang();
  const periods: RollupPeriod[] = [rollup.total, ...rollup.years];
  const levels = new Set(rollup.questions.map((q) => q.level));
  const statOf = (p: RollupPeriod, q: Row) =>
    p.questions.find((s) => s.questionCode === q.code && s.level === q.level);
  const title = (p: RollupPeriod) => (
    <>
      {p.year === null ? t('ratingsAll') : t('ratingsYear', { year: p.year })}
      <div style={{ fontWeight: 'normal', fontSize: 12 }}>
        {t('ratingsAnswers', { n: p.answers })}
        {p.effectivenessAnswers ? ` · ${t('ratingsEffAnswers', { n: p.effectivenessAnswers })}` : ''}
      </div>
    </>
  );
  const columns: TableColumnsType<Row> = [
    {
      title: t('question'),
      key: 'question',
      render: (_v, q) => (
        <>
          {levels.size > 1 ? (
            <Tooltip title={q.level === 3 ? t('levelLabel3') : t('levelLabel1')}>
              <Tag color={q.level === 3 ? 'purple' : 'blue'}>{q.level === 3 ? 3 : 1}</Tag>
            </Tooltip>
          ) : null}
          {q[lang]}
        </>
      ),
    },
    ...periods.map((p) => ({
      title: title(p),
      key: String(p.year),
      width: 130,
      align: 'right' as const,
      render: (_v: unknown, q: Row) => <ScoreCell stat={statOf(p, q)} />,
    })),
  ];
  return (
    <Table<Row>
      aria-label={caption}
      rowKey={(q) => `${q.level}-${q.code}`}
      size="small"
      columns={columns}
      dataSource={rollup.questions}
      pagination={false}
      scroll={{ x: 300 + periods.length * 130 }}
    />
  );
}

/** The ratings of a lecturer or an institution, loaded on demand. */
export function RatingsPanel({
  of,
  id,
  caption,
}: {
  of: 'lecturers' | 'institutions';
  id: number;
  caption: string;
}) {
  const t = useT(feedbackMessages);
  const { data, isPending, error } = useRatings(of, id);
  if (error) return <Typography.Text type="danger">{String((error as Error).message)}</Typography.Text>;
  if (isPending || !data)
    return (
      <Flex justify="center" style={{ padding: 24 }}>
        <Spin />
      </Flex>
    );
  if (!data.total.answers && !data.total.effectivenessAnswers)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ratingsNone')} />;
  return (
    <>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('ratingsHint')}
      </Typography.Paragraph>
      <RollupTable rollup={data} caption={caption} />
    </>
  );
}

/** A button opening an institution's (or a lecturer's) ratings in a dialog. */
export function RatingsButton({
  of,
  id,
  name,
}: {
  of: 'lecturers' | 'institutions';
  id: number;
  name: string;
}) {
  const t = useT(feedbackMessages);
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        type="text"
        icon={<StarOutlined />}
        aria-label={`${t('ratingsButton')}: ${name}`}
        title={t('ratingsButton')}
        onClick={() => setOpen(true)}
      />
      {open ? (
        // A viewer (a table of scores, nothing to save): a plain Modal, not a FormModal.
        <Modal
          open
          title={t('ratingsOf', { name })}
          onCancel={() => setOpen(false)}
          footer={null}
          width={900}
        >
          <RatingsPanel of={of} id={id} caption={t('ratingsOf', { name })} />
        </Modal>
      ) : null}
    </>
  );
}

/** A titled section of ratings, for a detail drawer (the lecturer's). */
export function RatingsSection({ of, id }: { of: 'lecturers' | 'institutions'; id: number }) {
  const t = useT(feedbackMessages);
  return (
    <>
      <Divider titlePlacement="start">{t('ratingsTitle')}</Divider>
      <RatingsPanel of={of} id={id} caption={t('ratingsTitle')} />
    </>
  );
}
