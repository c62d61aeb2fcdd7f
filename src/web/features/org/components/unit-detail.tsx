import {
  EditOutlined,
  MergeCellsOutlined,
  PlusOutlined,
  SplitCellsOutlined,
  SwapOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Empty, Flex, Table, Tabs, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { QueryErrorResult } from '../../../components/results';
import { useCodeLabel } from '../../../lib/codes';
import { formatDate } from '../../../lib/dates';
import { useT } from '../../../lib/i18n';
import { useOrgTree } from '../../../lib/org-tree';
import { type OrgEvent, type UnitVersion, useUnitDetail } from '../api/org';
import { orgMessages } from '../messages';
import { MergeUnitsModal } from './merge-units-modal';
import { SplitUnitModal } from './split-unit-modal';
import { CreateUnitModal, MoveUnitModal, RenameUnitModal } from './unit-dialogs';

type Dialog = 'add' | 'rename' | 'move' | 'merge' | 'split' | null;

const EVENT_COLORS: Record<string, string> = {
  create: 'green',
  rename: 'blue',
  move: 'blue',
  merge: 'orange',
  split: 'orange',
  dissolve: 'red',
};

export function UnitDetailPanel({
  unitId,
  canWrite,
  onSelect,
}: {
  unitId: number;
  canWrite: boolean;
  onSelect: (id: number) => void;
}) {
  const t = useT(orgMessages);
  const label = useCodeLabel();
  const { data: unit, error, isPending, refetch } = useUnitDetail(unitId);
  const [dialog, setDialog] = useState<Dialog>(null);
  const tree = useOrgTree({ includeHistorical: true });

  if (error) return <QueryErrorResult error={error} onRetry={() => refetch()} />;
  if (isPending || !unit) return <Card loading />;

  const historical = !!unit.validTo;
  const eventLabel = (kind: string) => {
    const k = kind.toLowerCase();
    const map: Record<string, string> = {
      create: t('eventCreate'),
      rename: t('eventRename'),
      move: t('eventMove'),
      merge: t('eventMerge'),
      split: t('eventSplit'),
      dissolve: t('eventDissolve'),
    };
    return map[k] ?? kind;
  };

  return (
    <Card
      size="small"
      title={
        <Flex vertical style={{ padding: '8px 0' }}>
          <Typography.Title level={2} style={{ fontSize: 18, margin: 0, whiteSpace: 'normal' }}>
            {unit.name}
          </Typography.Title>
          <Flex gap={4} wrap style={{ marginTop: 4 }}>
            <Tag>{label('unit_level', unit.level)}</Tag>
            <Tag color="geekblue">{label('unit_kind', unit.kind)}</Tag>
            {historical ? <Tag color="default">{t('historical')}</Tag> : null}
          </Flex>
        </Flex>
      }
      extra={
        <Link to={`/people?unitId=${unit.id}`}>
          <Button icon={<TeamOutlined />}>{t('seePeople')}</Button>
        </Link>
      }
    >
      {canWrite ? (
        historical ? (
          <Alert type="info" showIcon title={t('historicalNoActions')} style={{ marginBottom: 12 }} />
        ) : (
          <Flex gap={8} wrap style={{ marginBottom: 16 }}>
            <Button icon={<PlusOutlined />} onClick={() => setDialog('add')}>
              {t('actAddChild')}
            </Button>
            <Button icon={<EditOutlined />} onClick={() => setDialog('rename')}>
              {t('actRename')}
            </Button>
            <Button
              icon={<SwapOutlined />}
              onClick={() => setDialog('move')}
              disabled={unit.parentId === null}
            >
              {t('actMove')}
            </Button>
            <Button
              icon={<MergeCellsOutlined />}
              onClick={() => setDialog('merge')}
              disabled={unit.parentId === null}
            >
              {t('actMerge')}
            </Button>
            <Button
              icon={<SplitCellsOutlined />}
              onClick={() => setDialog('split')}
              disabled={unit.parentId === null}
            >
              {t('actSplit')}
            </Button>
          </Flex>
        )
      ) : null}
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, sm: 1, md: 2 }}
        items={[
          { key: 'code', label: t('code'), children: unit.code ?? '—' },
          { key: 'short', label: t('shortName'), children: unit.shortName ?? '—' },
          { key: 'level', label: t('level'), children: label('unit_level', unit.level) },
          { key: 'kind', label: t('kind'), children: label('unit_kind', unit.kind) },
          {
            key: 'parent',
            label: t('parent'),
            children:
              unit.parentId !== null ? (
                <Typography.Link onClick={() => onSelect(unit.parentId!)}>
                  {unit.parentName ?? `#${unit.parentId}`}
                </Typography.Link>
              ) : (
                '—'
              ),
          },
          {
            key: 'validity',
            label: t('validity'),
            children: `${formatDate(unit.validFrom)} – ${unit.validTo ? formatDate(unit.validTo) : t('present')}`,
          },
          ...(historical
            ? [
                {
                  key: 'successor',
                  label: t('successor'),
                  children:
                    unit.successorId !== null ? (
                      <Typography.Link onClick={() => onSelect(unit.successorId!)}>
                        {unit.successorName ?? `#${unit.successorId}`}
                      </Typography.Link>
                    ) : (
                      '—'
                    ),
                },
              ]
            : []),
          {
            key: 'people',
            label: t('peopleCount'),
            children: <span className="tabular">{unit.peopleCount.toLocaleString('vi-VN')}</span>,
          },
          {
            key: 'subtree',
            label: t('subtreePeopleCount'),
            children: <span className="tabular">{unit.subtreePeopleCount.toLocaleString('vi-VN')}</span>,
          },
        ]}
      />
      <Tabs
        style={{ marginTop: 12 }}
        items={[
          {
            key: 'events',
            label: t('events'),
            children: (
              <EventsTimeline
                unitId={unit.id}
                events={unit.events}
                eventLabel={eventLabel}
                unitName={(id) => tree.data?.units.find((u) => u.id === id)?.name}
              />
            ),
          },
          { key: 'versions', label: t('nameHistory'), children: <VersionsTable versions={unit.versions} /> },
        ]}
      />
      {dialog === 'add' ? (
        <CreateUnitModal parent={unit} onClose={() => setDialog(null)} onDone={onSelect} />
      ) : null}
      {dialog === 'rename' ? <RenameUnitModal unit={unit} onClose={() => setDialog(null)} /> : null}
      {dialog === 'move' ? <MoveUnitModal unit={unit} onClose={() => setDialog(null)} /> : null}
      {dialog === 'merge' ? (
        <MergeUnitsModal unit={unit} onClose={() => setDialog(null)} onDone={onSelect} />
      ) : null}
      {dialog === 'split' ? (
        <SplitUnitModal unit={unit} onClose={() => setDialog(null)} onDone={onSelect} />
      ) : null}
    </Card>
  );
}

function EventsTimeline({
  unitId,
  events,
  eventLabel,
  unitName,
}: {
  unitId: number;
  events: OrgEvent[];
  eventLabel: (k: string) => string;
  unitName: (id: number) => string | undefined;
}) {
  const t = useT(orgMessages);
  if (!events.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('noEvents')} />;
  const sorted = [...events].sort((a, b) => b.effectiveDate.localeCompare(a.effectiveDate) || b.id - a.id);
  return (
    <Timeline
      style={{ marginTop: 12 }}
      items={sorted.map((e) => {
        const detail = describeEvent(e, unitId, unitName, t);
        // The event happened to another unit (a sub-unit created or moved here).
        const aboutOther =
          e.unitIds.length > 0 && e.unitIds[0] !== unitId && (e.kind === 'create' || e.kind === 'move');
        const title =
          aboutOther && e.kind === 'create' && e.detail?.name ? t('eventChildCreated') : eventLabel(e.kind);
        return {
          key: e.id,
          color: EVENT_COLORS[e.kind.toLowerCase()] ?? 'gray',
          content: (
            <div>
              <Typography.Text type="secondary" className="tabular">
                {formatDate(e.effectiveDate)}
              </Typography.Text>
              {' · '}
              <Typography.Text strong>{title}</Typography.Text>
              {detail ? <div>{detail}</div> : null}
              {e.note ? (
                <div>
                  <Typography.Text type="secondary">{e.note}</Typography.Text>
                </div>
              ) : null}
            </div>
          ),
        };
      })}
    />
  );
}

type OrgT = ReturnType<typeof useT<typeof orgMessages.vi>>;

/** A short line from the event detail the server records (names of units, people moved). */
function describeEvent(
  e: OrgEvent,
  unitId: number,
  unitName: (id: number) => string | undefined,
  t: OrgT,
): string | null {
  const d = e.detail ?? {};
  const str = (v: unknown) => (typeof v === 'string' && v ? v : null);
  const named = (v: unknown) => (v && typeof v === 'object' ? str((v as { name?: unknown }).name) : null);
  const moved = typeof d.movedPeople === 'number' ? t('movedPeople', { n: d.movedPeople }) : null;
  switch (e.kind.toLowerCase()) {
    case 'create':
      return str(d.name);
    case 'rename':
      return str(d.from) && str(d.to) ? `${d.from} → ${d.to}` : null;
    case 'move': {
      const from =
        typeof d.fromParentId === 'number' ? (unitName(d.fromParentId) ?? `#${d.fromParentId}`) : '—';
      const to = typeof d.toParentId === 'number' ? (unitName(d.toParentId) ?? `#${d.toParentId}`) : '—';
      const moved =
        e.unitIds[0] !== undefined && e.unitIds[0] !== unitId ? unitName(e.unitIds[0]) : undefined;
      return `${moved ? `${moved}: ` : ''}${from} → ${to}`;
    }
    case 'merge': {
      const sources = Array.isArray(d.sources) ? d.sources.map(named).filter(Boolean).join(', ') : '';
      return [sources && `${sources} → ${named(d.target) ?? ''}`, moved].filter(Boolean).join(' · ') || null;
    }
    case 'split': {
      const parts = Array.isArray(d.parts) ? d.parts.map(named).filter(Boolean).join(', ') : '';
      return [parts && `${named(d.source) ?? ''} → ${parts}`, moved].filter(Boolean).join(' · ') || null;
    }
    default:
      return null;
  }
}

function VersionsTable({ versions }: { versions: UnitVersion[] }) {
  const t = useT(orgMessages);
  const rows = [...versions].sort((a, b) => b.validFrom.localeCompare(a.validFrom));
  return (
    <Table<UnitVersion>
      size="small"
      rowKey={(v) => `${v.validFrom}-${v.name}-${v.parentId}`}
      pagination={false}
      dataSource={rows}
      columns={[
        { title: t('name'), dataIndex: 'name', key: 'name' },
        { title: t('parent'), dataIndex: 'parentName', key: 'parentName', render: (v) => v ?? '—' },
        {
          title: t('validFrom'),
          dataIndex: 'validFrom',
          key: 'validFrom',
          width: 110,
          render: (d) => formatDate(d),
        },
        {
          title: t('validTo'),
          dataIndex: 'validTo',
          key: 'validTo',
          width: 110,
          render: (d) => (d ? formatDate(d) : t('present')),
        },
      ]}
    />
  );
}
