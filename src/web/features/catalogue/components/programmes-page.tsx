import { EyeOutlined } from '@ant-design/icons';
import { Space, type TableColumnsType, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { PROGRAMME_MODE_LABELS, PROGRAMME_MODES, PROGRAMME_SORT_KEYS } from '../../../../contracts/catalogue';
import { CodeSelect } from '../../../components/code-select';
import { FilterBar, FilterField } from '../../../kit/filter-bar';
import { ActiveFilter, ChoiceFilter, SearchFilter } from '../../../kit/filters';
import { ListHeader } from '../../../kit/list-header';
import { RowAction } from '../../../kit/row-action';
import { rowNumberColumn, ServerTable } from '../../../kit/server-table';
import { oneOf, oneOfOr, text } from '../../../kit/url-filters';
import { useUrlFilters } from '../../../kit/use-url-filters';
import { useCan } from '../../../lib/auth';
import { useCodeLabel, useCodes } from '../../../lib/codes';
import { useLang, useT } from '../../../lib/i18n';
import { type Programme, type ProgrammeDetail, useProgrammes } from '../api/programmes';
import { catalogueMessages } from '../messages';
import { OverlapReport } from './overlap-report';
import { ProgrammeDetailDrawer } from './programme-detail-drawer';
import { ProgrammeFormDrawer } from './programme-form-drawer';

const FILTERS = {
  sort: oneOf(PROGRAMME_SORT_KEYS.flatMap((k) => [k, `-${k}`])),
  q: text(),
  kind: text(),
  level: text(),
  mode: text(),
  active: oneOfOr(['true', 'false', 'all'] as const, 'true'),
};

/** "Chương trình đào tạo": the catalogue list with filters, detail, form and the overlap report. */
export function ProgrammesPage() {
  const t = useT(catalogueMessages);
  const [lang] = useLang();
  const can = useCan();
  const label = useCodeLabel();
  const codes = useCodes();
  const { filters, set, paging, offset, params, setParams } = useUrlFilters(FILTERS);
  const tab = params.get('tab') === 'overlaps' ? 'overlaps' : 'catalogue';
  const query = useProgrammes(filters);
  // The open programme lives in the URL (?view=ID), so a detail can be linked and reloaded.
  const viewing = Number(params.get('view')) || null;
  const viewHref = (id: number) => {
    const next = new URLSearchParams(params);
    next.set('view', String(id));
    return `?${next.toString()}`;
  };
  const setViewing = (id: number | null) => {
    const next = new URLSearchParams(params);
    if (id) next.set('view', String(id));
    else next.delete('view');
    setParams(next);
  };
  const [editing, setEditing] = useState<ProgrammeDetail | 'new' | null>(null);

  const levelList =
    filters.kind && codes.data?.[`level_${filters.kind}`]?.length ? `level_${filters.kind}` : null;

  const columns: TableColumnsType<Programme> = [
    rowNumberColumn(t('stt'), offset),
    {
      title: t('code'),
      dataIndex: 'code',
      key: 'code',
      width: 130,
      render: (v) => <Typography.Text code>{v}</Typography.Text>,
    },
    {
      title: t('name'),
      key: 'name',
      width: 340,
      render: (_v, p) => <Link to={viewHref(p.id)}>{lang === 'vi' ? p.nameVi : p.nameEn}</Link>,
    },
    {
      title: t('kind'),
      key: 'kind',
      width: 240,
      render: (_v, p) => (
        <>
          {label('programme_kind', p.kind)}
          {p.level ? (
            <Typography.Text type="secondary"> – {label(`level_${p.kind}`, p.level)}</Typography.Text>
          ) : null}
        </>
      ),
    },
    {
      title: t('periodsShort'),
      dataIndex: 'periods',
      key: 'periods',
      width: 80,
      align: 'right',
      render: (v: number) => <span className="tabular">{v.toLocaleString('vi-VN')}</span>,
    },
    {
      title: t('mode'),
      dataIndex: 'mode',
      width: 100,
      render: (m: Programme['mode']) => PROGRAMME_MODE_LABELS[m][lang],
    },
    {
      title: t('grants'),
      key: 'grants',
      width: 190,
      render: (_v, p) =>
        p.grantsKind && p.grantsLevel ? (
          label(`level_${p.grantsKind}`, p.grantsLevel)
        ) : (
          <Typography.Text type="secondary">{t('none')}</Typography.Text>
        ),
    },
    { title: t('topicCount'), dataIndex: 'topicCount', key: 'topicCount', width: 90, align: 'right' },
    {
      title: t('status'),
      dataIndex: 'active',
      width: 110,
      render: (a: boolean) =>
        a ? <Tag color="green">{t('onlyActive')}</Tag> : <Tag color="red">{t('onlyInactive')}</Tag>,
    },
    {
      title: t('actions'),
      key: 'actions',
      width: 90,
      fixed: 'right',
      render: (_v, p) => (
        <Space size={0}>
          <RowAction
            tip={t('view', { code: p.code })}
            icon={<EyeOutlined />}
            label={t('view', { code: p.code })}
            onClick={() => setViewing(p.id)}
          />
        </Space>
      ),
    },
  ];

  const list = (
    <>
      <FilterBar filters={filters} set={set}>
        <SearchFilter
          xs={24}
          md={12}
          xl={6}
          id="programmes-q"
          label={t('searchLabel')}
          placeholder={t('searchPlaceholder')}
        />
        <FilterField xs={24} md={12} xl={5} label={t('kind')} htmlFor="programmes-kind">
          <CodeSelect
            id="programmes-kind"
            list="programme_kind"
            value={filters.kind}
            placeholder={t('all')}
            onChange={(v) => set({ kind: v ?? undefined, level: undefined })}
          />
        </FilterField>
        <FilterField xs={24} md={8} xl={5} label={t('level')} htmlFor="programmes-level">
          <CodeSelect
            id="programmes-level"
            list={levelList}
            value={filters.level}
            disabled={!levelList}
            placeholder={t('all')}
            onChange={(v) => set({ level: v ?? undefined })}
          />
        </FilterField>
        <ChoiceFilter
          xs={24}
          md={8}
          xl={4}
          id="programmes-mode"
          label={t('mode')}
          placeholder={t('all')}
          field="mode"
          options={PROGRAMME_MODES.map((m) => ({ value: m, label: PROGRAMME_MODE_LABELS[m][lang] }))}
        />
        <ActiveFilter
          xs={24}
          md={8}
          xl={4}
          id="programmes-active"
          label={t('activeFilter')}
          texts={{ active: t('onlyActive'), inactive: t('onlyInactive'), all: t('all') }}
        />
      </FilterBar>
      <ServerTable<Programme>
        aria-label={t('tabCatalogue')}
        columns={columns}
        scroll={{ x: 1440 }}
        locale={{ emptyText: t('noResults') }}
        rowClassName={(p) => (p.active ? '' : 'row-inactive')}
        query={query}
        {...paging}
        sortKeys={PROGRAMME_SORT_KEYS}
        sort={filters.sort}
        onSortChange={(sort) => set({ sort })}
        showTotal={(total) => t('total', { n: total.toLocaleString('vi-VN') })}
      />
    </>
  );

  return (
    <>
      <ListHeader
        title={t('title')}
        subtitle={t('subtitle')}
        exportPath="/programmes/export.xlsx"
        filters={filters}
        add={can('catalogue.write') && { label: t('add'), onClick: () => setEditing('new') }}
      />
      <Tabs
        activeKey={tab}
        onChange={(k) => set({ tab: k === 'overlaps' ? 'overlaps' : undefined })}
        items={[
          { key: 'catalogue', label: t('tabCatalogue'), children: list },
          { key: 'overlaps', label: t('tabOverlaps'), children: <OverlapReport href={viewHref} /> },
        ]}
      />
      {viewing !== null ? (
        <ProgrammeDetailDrawer id={viewing} onClose={() => setViewing(null)} onEdit={(p) => setEditing(p)} />
      ) : null}
      {editing ? (
        <ProgrammeFormDrawer
          programme={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
          onSaved={(saved) => setViewing(saved.id)}
        />
      ) : null}
    </>
  );
}
