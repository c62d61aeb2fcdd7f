import {
  Alert,
  Card,
  Descriptions,
  Flex,
  Grid,
  Segmented,
  Statistic,
  Table,
  type TableColumnsType,
  Tag,
} from 'antd';
import { useState } from 'react';
import { LoadFailedAlert } from '../../../components/results';
import { useLang, useT } from '../../../lib/i18n';
import { type ClassResults, type LearnerResult, useResults } from '../api/results';
import { resultsMessages } from '../messages';
import { decimal, percent } from '../results-logic';

type Filter = 'all' | 'failed' | 'borderline';

const GRADE_COLOURS: Record<string, string> = {
  XUAT_SAC: 'magenta',
  GIOI: 'green',
  KHA: 'cyan',
  TRUNG_BINH: 'blue',
  HOAN_THANH: 'geekblue',
  KHONG_DAT: 'red',
};
/** Province bands may bring codes of their own: they get a neutral colour. */
const gradeColour = (code: string) => GRADE_COLOURS[code] ?? 'default';

/** The pass rule and bands in force, with their sources. */
function RuleCard({ rule }: { rule: ClassResults['rule'] }) {
  const t = useT(resultsMessages);
  const [lang] = useLang();
  return (
    <Card size="small" type="inner" title={t('ruleTitle')} style={{ marginBottom: 12 }}>
      <Descriptions size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t('minAttendance')}>
          {percent(rule.minAttendancePct, lang)}
        </Descriptions.Item>
        <Descriptions.Item label={t('minScore')}>{decimal(rule.minScore, lang)}/10</Descriptions.Item>
        <Descriptions.Item label={t('rulesRequired')}>
          {rule.rulesKept ? t('required') : t('notRequired')}
        </Descriptions.Item>
        <Descriptions.Item label={t('legalSource')}>{rule.legalSource}</Descriptions.Item>
        <Descriptions.Item label={t('bands')}>
          <Flex wrap gap={4}>
            {rule.bands.map((b) => (
              <Tag key={b.code} color={gradeColour(b.code)}>
                {b[lang]} {t('bandFrom', { n: decimal(b.minAverage, lang) })}
              </Tag>
            ))}
          </Flex>
        </Descriptions.Item>
        <Descriptions.Item label={t('bandsSource')}>{rule.bandsSource}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

/** "Kết quả": each learner's result by the rule in force, live or as stored, with the reasons. */
export function ResultsTab({ classId, unsaved }: { classId: number; unsaved: boolean }) {
  const t = useT(resultsMessages);
  const [lang] = useLang();
  const { data: r, error, isPending, refetch } = useResults(classId);
  const [filter, setFilter] = useState<Filter>('all');
  const compact = !Grid.useBreakpoint().md;

  if (error) return <LoadFailedAlert title={t('loadFailed')} error={error} onRetry={() => refetch()} />;
  if (isPending || !r) return <Card size="small" loading />;

  const items = r.items.filter((i) =>
    filter === 'failed' ? !i.passed : filter === 'borderline' ? i.borderline : true,
  );
  const grade = (i: LearnerResult) => (
    <Flex wrap gap={4}>
      <Tag color={gradeColour(i.grade)} style={{ margin: 0 }}>
        {i.gradeLabel[lang]}
      </Tag>
      {i.borderline ? (
        <Tag color="orange" style={{ margin: 0 }}>
          {t('borderline')}
        </Tag>
      ) : null}
    </Flex>
  );
  const reasons = (i: LearnerResult) =>
    i.reasons.length ? (
      <ul style={{ margin: 0, paddingInlineStart: 16 }}>
        {i.reasons.map((x) => (
          <li key={`${x.code}:${x.vi}`}>{x[lang]}</li>
        ))}
      </ul>
    ) : (
      '—'
    );
  // A phone has no room for seven columns: one block per learner, the reasons included.
  const compactColumns: TableColumnsType<LearnerResult> = [
    {
      title: t('learner'),
      key: 'learner',
      render: (_v, i, n) => (
        <Flex vertical gap={4}>
          <span>
            {n + 1}. <b>{i.fullName}</b>
            <div style={{ fontSize: 12, color: '#8c8c8c' }}>{i.unitName}</div>
          </span>
          {grade(i)}
          <span className="tabular" style={{ fontSize: 13 }}>
            {t('attendancePct')} {percent(i.attendancePct, lang)} · {t('average')} {decimal(i.average, lang)}{' '}
            · {t('minScoreCol')} {decimal(i.minScore, lang)}
          </span>
          {i.reasons.length ? reasons(i) : null}
        </Flex>
      ),
    },
  ];
  const columns: TableColumnsType<LearnerResult> = [
    { title: t('stt'), key: 'stt', width: 52, align: 'right', render: (_v, _r, i) => i + 1 },
    {
      title: t('learner'),
      key: 'name',
      width: 190,
      render: (_v, i) => (
        <>
          <b>{i.fullName}</b>
          <div style={{ fontSize: 12, color: '#8c8c8c' }}>{i.unitName}</div>
        </>
      ),
    },
    {
      title: t('attendancePct'),
      key: 'att',
      width: 100,
      align: 'right',
      className: 'tabular',
      render: (_v, i) => percent(i.attendancePct, lang),
    },
    {
      title: t('average'),
      key: 'avg',
      width: 90,
      align: 'right',
      className: 'tabular',
      render: (_v, i) => decimal(i.average, lang),
    },
    {
      title: t('minScoreCol'),
      key: 'min',
      width: 100,
      align: 'right',
      className: 'tabular',
      render: (_v, i) => decimal(i.minScore, lang),
    },
    {
      title: t('grade'),
      key: 'grade',
      width: 130,
      render: (_v, i) => grade(i),
    },
    {
      title: t('reasons'),
      key: 'reasons',
      render: (_v, i) => reasons(i),
    },
  ];

  return (
    <>
      <Alert
        type={r.stored ? 'success' : 'info'}
        showIcon
        title={r.stored ? t('stored') : t('live')}
        description={unsaved ? t('unsavedNotCounted') : undefined}
        style={{ marginBottom: 12 }}
      />
      <RuleCard rule={r.rule} />
      <Flex wrap gap={24} style={{ marginBottom: 12 }} align="flex-start">
        <Statistic title={t('passed')} value={r.counts.passed} styles={{ content: { color: '#389e0d' } }} />
        <Statistic title={t('failed')} value={r.counts.failed} styles={{ content: { color: '#cf1322' } }} />
        <Statistic
          title={t('borderline')}
          value={r.counts.borderline}
          styles={{ content: { color: '#d46b08' } }}
        />
        <div>
          <div style={{ color: 'rgba(0,0,0,0.45)', marginBottom: 4 }}>{t('byGrade')}</div>
          <Flex wrap gap={4}>
            {r.byGrade.map((g) => (
              <Tag key={g.grade} color={gradeColour(g.grade)}>
                {g.label[lang]}: <b>{g.count}</b>
              </Tag>
            ))}
          </Flex>
        </div>
      </Flex>
      <Segmented<Filter>
        style={{ marginBottom: 8 }}
        value={filter}
        onChange={setFilter}
        options={[
          { value: 'all', label: t('filterAll', { n: r.items.length }) },
          { value: 'failed', label: t('filterFailed', { n: r.counts.failed }) },
          { value: 'borderline', label: t('filterBorderline', { n: r.counts.borderline }) },
        ]}
      />
      <Table<LearnerResult>
        aria-label={t('resultsCaption')}
        rowKey="nominationId"
        size="small"
        columns={compact ? compactColumns : columns}
        dataSource={items}
        pagination={false}
        scroll={compact ? undefined : { x: 900 }}
        locale={{ emptyText: t('noResults') }}
      />
    </>
  );
}
