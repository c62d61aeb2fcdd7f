import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Table, type TableColumnsType, Tag, Tooltip } from 'antd';
import { Link } from 'react-router';
import type { Totals } from '../../../../contracts/plans';
import { ListTable } from '../../../kit/server-table';
import { useCodeLabel } from '../../../lib/codes';
import { useT } from '../../../lib/i18n';
import { levelList } from '../../../lib/levels';
import type { PlanLine } from '../api/plans';
import { money, plansMessages } from '../messages';

interface Props {
  lines: PlanLine[];
  totals: Totals;
  editable: boolean;
  onEdit?: (line: PlanLine) => void;
  onDelete?: (line: PlanLine) => void;
  /** Links to the classes of each line, and to open one (classes.manage). */
  classLinks?: { open: boolean };
}

/** The lines of a plan (working or frozen) with a totals row. */
export function PlanLinesTable({ lines, totals, editable, onEdit, onDelete, classLinks }: Props) {
  const t = useT(plansMessages);
  const label = useCodeLabel();
  const split = (b: Record<string, number>) =>
    Object.entries(b)
      .filter(([, v]) => v)
      .map(([k, v]) => `${label('funding_source', k)}: ${money(v)}`)
      .join('\n');
  const columns: TableColumnsType<PlanLine> = [
    { title: t('stt'), key: 'stt', width: 56, align: 'right', render: (_v, _r, i) => i + 1 },
    { title: t('programmeKind'), key: 'kind', render: (_v, l) => label('programme_kind', l.programmeKind) },
    {
      title: t('targetGroup'),
      key: 'target',
      render: (_v, l) => (l.targetList ? label(l.targetList, l.targetCode) : t('everyone')),
    },
    { title: t('level'), key: 'level', render: (_v, l) => label(levelList(l.programmeKind) ?? '', l.level) },
    { title: t('classes'), dataIndex: 'classes', key: 'classes', align: 'right', width: 80, render: money },
    {
      title: t('trainees'),
      dataIndex: 'trainees',
      key: 'trainees',
      align: 'right',
      width: 100,
      render: money,
    },
    {
      title: t('periods'),
      dataIndex: 'periods',
      key: 'periods',
      align: 'right',
      width: 100,
      render: (v: number | null) => (v == null ? '—' : money(v)),
    },
    {
      title: t('budget'),
      key: 'budget',
      align: 'right',
      width: 160,
      render: (_v, l) =>
        l.budgetTotal ? (
          <Tooltip title={<span style={{ whiteSpace: 'pre-line' }}>{split(l.budget)}</span>}>
            <span className="tabular">{money(l.budgetTotal)}</span>
          </Tooltip>
        ) : (
          '—'
        ),
    },
    {
      title: t('source'),
      key: 'source',
      width: 110,
      render: (_v, l) =>
        l.source === 'needs' ? (
          <Tooltip
            title={t('sourceNeedsHint', {
              campaign: String(l.sourceRef?.campaignId ?? '—'),
              quantity: money(Number(l.sourceRef?.quantity ?? 0)),
              units: money(Number(l.sourceRef?.units ?? 0)),
            })}
          >
            <Tag color="blue">{t('sourceNeeds')}</Tag>
          </Tooltip>
        ) : (
          <Tag>{t('sourceManual')}</Tag>
        ),
    },
    { title: t('note'), dataIndex: 'note', key: 'note', ellipsis: true },
    ...(classLinks
      ? [
          {
            title: t('classesCol'),
            key: 'classes',
            width: 110,
            render: (_v: unknown, l: PlanLine, i: number) => (
              <>
                <div>
                  <Link to={`/classes?planLineId=${l.id}`} aria-label={`${t('viewClasses')} ${i + 1}`}>
                    {t('viewClasses')}
                  </Link>
                </div>
                {classLinks.open ? (
                  <Link to={`/classes?new=1&planLineId=${l.id}`} aria-label={`${t('openClass')} ${i + 1}`}>
                    {t('openClass')}
                  </Link>
                ) : null}
              </>
            ),
          },
        ]
      : []),
    ...(editable
      ? [
          {
            title: t('actions'),
            key: 'actions',
            width: 100,
            render: (_v: unknown, l: PlanLine, i: number) => (
              <>
                <Button
                  size="small"
                  type="text"
                  icon={<EditOutlined />}
                  aria-label={`${t('edit')} ${i + 1}`}
                  onClick={() => onEdit?.(l)}
                />
                <Popconfirm title={t('deleteLineConfirm')} onConfirm={() => onDelete?.(l)}>
                  <Button
                    size="small"
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={`${t('deleteLine')} ${i + 1}`}
                  />
                </Popconfirm>
              </>
            ),
          },
        ]
      : []),
  ];
  return (
    <ListTable<PlanLine>
      columns={columns}
      dataSource={lines}
      locale={{ emptyText: t('noLines') }}
      scroll={{ x: 1000 }}
      summary={() =>
        lines.length ? (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={4}>
              <b>{t('totalRow')}</b>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={4} align="right">
              <b>{money(totals.classes)}</b>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={5} align="right">
              <b>{money(totals.trainees)}</b>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={6} />
            <Table.Summary.Cell index={7} align="right">
              <b>{money(totals.budget)}</b>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={8} colSpan={editable ? 3 : 2} />
          </Table.Summary.Row>
        ) : null
      }
    />
  );
}
