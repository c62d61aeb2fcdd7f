import { WarningOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Form, Table, type TableColumnsType, Typography } from 'antd';
import { UnitTreeSelect } from '../../../components/unit-tree-select';
import { useCodeLabel } from '../../../lib/codes';
import { formatDate } from '../../../lib/dates';
import { useLang, useT } from '../../../lib/i18n';
import { type Suggestion, useSuggestions } from '../api/nominations';
import { nominationsMessages } from '../messages';

interface Props {
  classId: number;
  /** Only people of this unit's subtree (null: the whole of mine). */
  unitId: number | null;
  onUnitId: (unitId: number | null) => void;
  onPick: (s: Suggestion) => void;
}

/** The nomination assistant: people of my subtree whose gaps the class's programme fills. */
export function SuggestionsTable({ classId, unitId, onUnitId, onPick }: Props) {
  const t = useT(nominationsMessages);
  const [lang] = useLang();
  const label = useCodeLabel();
  const { data, error, isPending, isFetching } = useSuggestions(classId, unitId, true);

  const columns: TableColumnsType<Suggestion> = [
    { title: t('stt'), key: 'stt', width: 52, align: 'right', render: (_v, _r, i) => i + 1 },
    {
      title: t('fullName'),
      key: 'name',
      width: 180,
      render: (_v, s) => (
        <>
          <b>{s.fullName}</b>
          {s.birthDate ? (
            <div>
              <Typography.Text type="secondary">{formatDate(s.birthDate)}</Typography.Text>
            </div>
          ) : null}
        </>
      ),
    },
    { title: t('unit'), dataIndex: 'unitName', key: 'unit', width: 160 },
    {
      title: t('postRank'),
      key: 'post',
      width: 170,
      render: (_v, s) => (
        <>
          <div>{label('post', s.postCode)}</div>
          {s.rankCode ? (
            <Typography.Text type="secondary">{label('rank', s.rankCode)}</Typography.Text>
          ) : null}
        </>
      ),
    },
    { title: t('planning'), key: 'planning', width: 130, render: (_v, s) => s.planningTitle ?? '—' },
    {
      title: t('gaps'),
      key: 'gaps',
      render: (_v, s) => (
        <ul style={{ margin: 0, paddingInlineStart: 16 }}>
          {s.gaps.map((g) => (
            <li key={g.ruleCode}>
              {g.title[lang]}{' '}
              <Typography.Text type={g.status === 'due' ? 'warning' : 'danger'}>
                ({g.dueBy ? t('gapDue', { date: formatDate(g.dueBy) }) : t('gapMissing')})
              </Typography.Text>
            </li>
          ))}
        </ul>
      ),
    },
    {
      title: t('clash'),
      key: 'clash',
      width: 150,
      render: (_v, s) =>
        s.clash ? (
          <Typography.Text type="warning">
            <WarningOutlined /> {s.clash[lang]}
          </Typography.Text>
        ) : (
          '—'
        ),
    },
    {
      title: t('actions'),
      key: 'act',
      width: 80,
      fixed: 'right',
      render: (_v, s) => (
        <Button
          size="small"
          type="primary"
          aria-label={t('nominateOf', { name: s.fullName })}
          onClick={() => onPick(s)}
        >
          {t('nominateRow')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <Typography.Paragraph type="secondary">{t('suggestionsHint')}</Typography.Paragraph>
      <Flex gap={12} align="center" wrap style={{ marginBottom: 12 }}>
        <Form.Item
          label={t('unitFilter')}
          htmlFor="nomination-unit-filter"
          style={{ marginBottom: 0, minWidth: 320 }}
        >
          <UnitTreeSelect
            id="nomination-unit-filter"
            value={unitId}
            onChange={(v) => onUnitId((v as number | null) ?? null)}
            placeholder={t('allUnits')}
          />
        </Form.Item>
      </Flex>
      {error ? (
        <Alert type="error" showIcon title={(error as Error).message} style={{ marginBottom: 12 }} />
      ) : null}
      {data && !data.ruleCodes.length ? (
        <Alert type="info" showIcon title={t('noRules')} style={{ marginBottom: 12 }} />
      ) : null}
      <Table<Suggestion>
        aria-label={t('suggestionsCaption')}
        rowKey="personId"
        size="small"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={isPending || isFetching}
        pagination={false}
        scroll={{ x: 1150, y: 460 }}
        locale={{ emptyText: t('noSuggestions') }}
      />
      {data?.more ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {t('more', { n: data.more })}
        </Typography.Paragraph>
      ) : null}
    </>
  );
}
