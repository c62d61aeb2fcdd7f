import { EyeOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Form, Row, Select, Table, type TableColumnsType, Tag, Tooltip } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { LECTURER_KIND_LABELS, LECTURER_KINDS } from '../../../../contracts/institutions';
import { DebouncedInput } from '../../../components/debounced-input';
import { ExportButton } from '../../../components/export-button';
import { PageHeader } from '../../../components/page-header';
import { QueryErrorResult } from '../../../components/results';
import { useCan } from '../../../lib/auth';
import { useCodeLabel } from '../../../lib/codes';
import { useLang, useT } from '../../../lib/i18n';
import {
  type Lecturer,
  type LecturerDetail,
  type LecturerFilters,
  useInstitutionOptions,
  useLecturers,
} from '../api/institutions';
import { institutionsMessages } from '../messages';
import { LecturerDrawer, LecturerFormModal } from './lecturer-dialogs';

/** "Giảng viên": lecturers with search (name, workplace, subjects), kind and institution filters. */
export function LecturersPage() {
  const t = useT(institutionsMessages);
  const [lang] = useLang();
  const can = useCan();
  const label = useCodeLabel();
  const institutions = useInstitutionOptions();
  const [params, setParams] = useSearchParams();
  const kindParam = params.get('kind');
  const filters: LecturerFilters = useMemo(
    () => ({
      q: params.get('q') || undefined,
      kind: kindParam === 'internal' || kindParam === 'invited' ? kindParam : undefined,
      institutionId: Number(params.get('institutionId')) || undefined,
      page: Math.max(1, Number(params.get('page')) || 1),
      pageSize: 50,
    }),
    [params, kindParam],
  );
  const { data, error, isPending, isFetching, refetch } = useLecturers(filters);
  const [viewing, setViewing] = useState<number | null>(null);
  const [editing, setEditing] = useState<LecturerDetail | 'new' | null>(null);
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
  const offset = (filters.page - 1) * filters.pageSize;
  const year = new Date().getFullYear();

  const columns: TableColumnsType<Lecturer> = [
    { title: t('stt'), key: 'stt', width: 60, align: 'right', render: (_v, _r, i) => offset + i + 1 },
    {
      title: t('fullName'),
      key: 'name',
      width: 230,
      render: (_v, l) => (
        <Button
          type="link"
          style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
          onClick={() => setViewing(l.id)}
        >
          {l.academicTitle ? `${label('academic_title', l.academicTitle)} ` : ''}
          {l.fullName}
        </Button>
      ),
    },
    {
      title: t('lecturerKind'),
      dataIndex: 'kind',
      width: 200,
      render: (k: Lecturer['kind']) => (
        <Tag color={k === 'internal' ? 'blue' : 'default'}>{LECTURER_KIND_LABELS[k][lang]}</Tag>
      ),
    },
    {
      title: t('degree'),
      dataIndex: 'degree',
      width: 110,
      render: (d: string | null) => label('level_EDUCATION', d),
    },
    { title: t('workplace'), dataIndex: 'workplace', width: 260 },
    {
      title: t('subjects'),
      dataIndex: 'subjects',
      render: (s: string[]) => s.map((x) => <Tag key={x}>{x}</Tag>),
    },
    {
      title: t('periodsThisYear', { year }),
      dataIndex: 'periodsThisYear',
      width: 120,
      align: 'right',
      render: (v: number) => <span className="tabular">{v.toLocaleString('vi-VN')}</span>,
    },
    {
      title: t('actions'),
      key: 'actions',
      width: 80,
      fixed: 'right',
      render: (_v, l) => (
        <Tooltip title={t('view', { name: l.fullName })}>
          <Button
            type="text"
            icon={<EyeOutlined />}
            aria-label={t('view', { name: l.fullName })}
            onClick={() => setViewing(l.id)}
          />
        </Tooltip>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('lecturersTitle')}
        subtitle={t('lecturersSubtitle')}
        extra={
          <>
            <ExportButton path="/lecturers/export.xlsx" filters={filters} />
            {can('lecturers.write') ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
                {t('addLecturer')}
              </Button>
            ) : null}
          </>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form layout="vertical" component="div" role="search">
          <Row gutter={12}>
            <Col xs={24} md={12} xl={8}>
              <Form.Item label={t('lecturerSearch')} htmlFor="lecturers-q" style={{ marginBottom: 0 }}>
                <DebouncedInput
                  id="lecturers-q"
                  value={filters.q ?? ''}
                  onCommit={commitQ}
                  placeholder={t('lecturerSearchPlaceholder')}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={6} xl={5}>
              <Form.Item label={t('lecturerKind')} htmlFor="lecturers-kind" style={{ marginBottom: 0 }}>
                <Select
                  id="lecturers-kind"
                  allowClear
                  placeholder={t('all')}
                  value={filters.kind}
                  onChange={(v) => set({ kind: v })}
                  options={LECTURER_KINDS.map((k) => ({ value: k, label: LECTURER_KIND_LABELS[k][lang] }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={6} xl={7}>
              <Form.Item
                label={t('institutions')}
                htmlFor="lecturers-institution"
                style={{ marginBottom: 0 }}
              >
                <Select
                  id="lecturers-institution"
                  allowClear
                  placeholder={t('all')}
                  value={filters.institutionId}
                  onChange={(v) => set({ institutionId: v ? String(v) : undefined })}
                  options={(institutions.data ?? []).map((i) => ({ value: i.id, label: i.name }))}
                  showSearch={{ optionFilterProp: 'label' }}
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
          <Table<Lecturer>
            aria-label={t('lecturersTitle')}
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={data?.items ?? []}
            loading={isPending || isFetching}
            scroll={{ x: 1300 }}
            locale={{ emptyText: t('noLecturers') }}
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
      {viewing !== null ? (
        <LecturerDrawer id={viewing} onClose={() => setViewing(null)} onEdit={(l) => setEditing(l)} />
      ) : null}
      {editing ? (
        <LecturerFormModal
          lecturer={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </>
  );
}
