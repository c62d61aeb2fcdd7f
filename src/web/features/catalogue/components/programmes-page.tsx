import { EyeOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Col,
  Form,
  Row,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tabs,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { PROGRAMME_MODE_LABELS, PROGRAMME_MODES } from '../../../../contracts/catalogue';
import { CodeSelect } from '../../../components/code-select';
import { DebouncedInput } from '../../../components/debounced-input';
import { ExportButton } from '../../../components/export-button';
import { PageHeader } from '../../../components/page-header';
import { QueryErrorResult } from '../../../components/results';
import { useCan } from '../../../lib/auth';
import { useCodeLabel, useCodes } from '../../../lib/codes';
import { useLang, useT } from '../../../lib/i18n';
import {
  type Programme,
  type ProgrammeDetail,
  type ProgrammeFilters,
  useProgrammes,
} from '../api/programmes';
import { catalogueMessages } from '../messages';
import { OverlapReport } from './overlap-report';
import { ProgrammeDetailDrawer } from './programme-detail-drawer';
import { ProgrammeFormDrawer } from './programme-form-drawer';

/** "Chương trình đào tạo": the catalogue list with filters, detail, form and the overlap report. */
export function ProgrammesPage() {
  const t = useT(catalogueMessages);
  const [lang] = useLang();
  const can = useCan();
  const label = useCodeLabel();
  const codes = useCodes();
  const [params, setParams] = useSearchParams();
  const activeParam = params.get('active');
  const filters: ProgrammeFilters = useMemo(
    () => ({
      q: params.get('q') || undefined,
      kind: params.get('kind') || undefined,
      level: params.get('level') || undefined,
      mode: params.get('mode') || undefined,
      active: activeParam === 'all' || activeParam === 'false' ? activeParam : 'true',
      page: Math.max(1, Number(params.get('page')) || 1),
      pageSize: 50,
    }),
    [params, activeParam],
  );
  const tab = params.get('tab') === 'overlaps' ? 'overlaps' : 'catalogue';
  const { data, error, isPending, isFetching, refetch } = useProgrammes(filters);
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

  const set = useCallback(
    (patch: Record<string, string | undefined>, replace = false) => {
      const next = new URLSearchParams(params);
      next.delete('page');
      for (const [k, v] of Object.entries(patch)) {
        if (v) next.set(k, v);
        else next.delete(k);
      }
      setParams(next, { replace });
    },
    [params, setParams],
  );
  const commitQ = useCallback((q: string) => set({ q }, true), [set]);
  const levelList =
    filters.kind && codes.data?.[`level_${filters.kind}`]?.length ? `level_${filters.kind}` : null;

  const offset = (filters.page - 1) * filters.pageSize;
  const columns: TableColumnsType<Programme> = [
    { title: t('stt'), key: 'stt', width: 60, align: 'right', render: (_v, _r, i) => offset + i + 1 },
    {
      title: t('code'),
      dataIndex: 'code',
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
    { title: t('topicCount'), dataIndex: 'topicCount', width: 90, align: 'right' },
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
          <Tooltip title={t('view', { code: p.code })}>
            <Button
              type="text"
              icon={<EyeOutlined />}
              aria-label={t('view', { code: p.code })}
              onClick={() => setViewing(p.id)}
            />
          </Tooltip>
        </Space>
      ),
    },
  ];

  const list = (
    <>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form layout="vertical" component="div" role="search">
          <Row gutter={12}>
            <Col xs={24} md={12} xl={6}>
              <Form.Item label={t('searchLabel')} htmlFor="programmes-q" style={{ marginBottom: 0 }}>
                <DebouncedInput
                  id="programmes-q"
                  value={filters.q ?? ''}
                  onCommit={commitQ}
                  placeholder={t('searchPlaceholder')}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={5}>
              <Form.Item label={t('kind')} htmlFor="programmes-kind" style={{ marginBottom: 0 }}>
                <CodeSelect
                  id="programmes-kind"
                  list="programme_kind"
                  value={filters.kind}
                  placeholder={t('all')}
                  onChange={(v) => set({ kind: v ?? undefined, level: undefined })}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8} xl={5}>
              <Form.Item label={t('level')} htmlFor="programmes-level" style={{ marginBottom: 0 }}>
                <CodeSelect
                  id="programmes-level"
                  list={levelList}
                  value={filters.level}
                  disabled={!levelList}
                  placeholder={t('all')}
                  onChange={(v) => set({ level: v ?? undefined })}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8} xl={4}>
              <Form.Item label={t('mode')} htmlFor="programmes-mode" style={{ marginBottom: 0 }}>
                <Select
                  id="programmes-mode"
                  allowClear
                  placeholder={t('all')}
                  value={filters.mode}
                  onChange={(v) => set({ mode: v })}
                  options={PROGRAMME_MODES.map((m) => ({ value: m, label: PROGRAMME_MODE_LABELS[m][lang] }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8} xl={4}>
              <Form.Item label={t('activeFilter')} htmlFor="programmes-active" style={{ marginBottom: 0 }}>
                <Select
                  id="programmes-active"
                  value={filters.active}
                  onChange={(v) => set({ active: v === 'true' ? undefined : v })}
                  options={[
                    { value: 'true', label: t('onlyActive') },
                    { value: 'false', label: t('onlyInactive') },
                    { value: 'all', label: t('all') },
                  ]}
                />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Card>
      {error && !data ? (
        <QueryErrorResult error={error} onRetry={() => refetch()} />
      ) : (
        <Card size="small" styles={{ body: { padding: 0 } }}>
          <Table<Programme>
            aria-label={t('tabCatalogue')}
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={data?.items ?? []}
            loading={isPending || isFetching}
            scroll={{ x: 1440 }}
            locale={{ emptyText: t('noResults') }}
            rowClassName={(p) => (p.active ? '' : 'row-inactive')}
            pagination={{
              current: filters.page,
              pageSize: filters.pageSize,
              total: data?.total ?? 0,
              showSizeChanger: false,
              showTotal: (total) => t('total', { n: total.toLocaleString('vi-VN') }),
              onChange: (page) => {
                const next = new URLSearchParams(params);
                next.set('page', String(page));
                setParams(next);
              },
              style: { padding: '0 12px' },
            }}
          />
        </Card>
      )}
    </>
  );

  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        extra={
          <>
            <ExportButton path="/programmes/export.xlsx" filters={filters} />
            {can('catalogue.write') ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
                {t('add')}
              </Button>
            ) : null}
          </>
        }
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
