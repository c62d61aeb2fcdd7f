import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Col,
  Form,
  Input,
  Modal,
  Row,
  Select,
  Switch,
  Table,
  type TableColumnsType,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { CodeSelect } from '../../../components/code-select';
import { DebouncedInput } from '../../../components/debounced-input';
import { ExportButton } from '../../../components/export-button';
import { PageHeader } from '../../../components/page-header';
import { QueryErrorResult } from '../../../components/results';
import { UnitTreeSelect } from '../../../components/unit-tree-select';
import { useCan } from '../../../lib/auth';
import { useCodeLabel } from '../../../lib/codes';
import { useT } from '../../../lib/i18n';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { RatingsButton } from '../../feedback/components/ratings';
import {
  type Institution,
  type InstitutionFilters,
  useInstitutions,
  useSaveInstitution,
} from '../api/institutions';
import { institutionsMessages } from '../messages';

/** "Cơ sở đào tạo": institutions with search, kind and status filters, and their form. */
export function InstitutionsPage() {
  const t = useT(institutionsMessages);
  const can = useCan();
  const label = useCodeLabel();
  const [params, setParams] = useSearchParams();
  const activeParam = params.get('active');
  const filters: InstitutionFilters = useMemo(
    () => ({
      q: params.get('q') || undefined,
      kind: params.get('kind') || undefined,
      active: activeParam === 'all' || activeParam === 'false' ? activeParam : 'true',
      page: Math.max(1, Number(params.get('page')) || 1),
      pageSize: 50,
    }),
    [params, activeParam],
  );
  const { data, error, isPending, isFetching, refetch } = useInstitutions(filters);
  const [editing, setEditing] = useState<Institution | 'new' | null>(null);
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

  const columns: TableColumnsType<Institution> = [
    { title: t('stt'), key: 'stt', width: 60, align: 'right', render: (_v, _r, i) => offset + i + 1 },
    {
      title: t('name'),
      key: 'name',
      render: (_v, r) => (
        <>
          <Typography.Text strong>{r.name}</Typography.Text>
          {r.shortName ? <Typography.Text type="secondary"> ({r.shortName})</Typography.Text> : null}
          {r.orgUnitName ? (
            <div>
              <Tag color="blue">{r.orgUnitName}</Tag>
            </div>
          ) : null}
        </>
      ),
    },
    { title: t('kind'), dataIndex: 'kind', width: 220, render: (k: string) => label('institution_kind', k) },
    { title: t('address'), dataIndex: 'address', width: 260 },
    { title: t('phone'), dataIndex: 'phone', width: 140 },
    { title: t('lecturerCount'), dataIndex: 'lecturerCount', width: 110, align: 'right' },
    {
      title: t('status'),
      dataIndex: 'active',
      width: 130,
      render: (a: boolean) =>
        a ? <Tag color="green">{t('onlyActive')}</Tag> : <Tag color="red">{t('onlyInactive')}</Tag>,
    },
    {
      title: t('actions'),
      key: 'actions',
      width: 96,
      fixed: 'right',
      render: (_v, r) => (
        <>
          <RatingsButton of="institutions" id={r.id} name={r.name} />
          {r.editable ? (
            <Tooltip title={t('editRow', { name: r.name })}>
              <Button
                type="text"
                icon={<EditOutlined />}
                aria-label={t('editRow', { name: r.name })}
                onClick={() => setEditing(r)}
              />
            </Tooltip>
          ) : null}
        </>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        extra={
          <>
            <ExportButton path="/institutions/export.xlsx" filters={filters} />
            {can('catalogue.write') ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
                {t('add')}
              </Button>
            ) : null}
          </>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form layout="vertical" component="div" role="search">
          <Row gutter={12}>
            <Col xs={24} md={12} xl={8}>
              <Form.Item label={t('searchLabel')} htmlFor="institutions-q" style={{ marginBottom: 0 }}>
                <DebouncedInput
                  id="institutions-q"
                  value={filters.q ?? ''}
                  onCommit={commitQ}
                  placeholder={t('searchPlaceholder')}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={6} xl={6}>
              <Form.Item label={t('kind')} htmlFor="institutions-kind" style={{ marginBottom: 0 }}>
                <CodeSelect
                  id="institutions-kind"
                  list="institution_kind"
                  value={filters.kind}
                  placeholder={t('all')}
                  onChange={(v) => set({ kind: v ?? undefined })}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={6} xl={4}>
              <Form.Item label={t('activeFilter')} htmlFor="institutions-active" style={{ marginBottom: 0 }}>
                <Select
                  id="institutions-active"
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
          <Table<Institution>
            aria-label={t('title')}
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={data?.items ?? []}
            loading={isPending || isFetching}
            scroll={{ x: 1100 }}
            locale={{ emptyText: t('noResults') }}
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
      {editing ? (
        <InstitutionFormModal
          institution={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </>
  );
}

interface Values {
  kind: string;
  name: string;
  shortName: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  contactPerson: string | null;
  orgUnitId: number | null;
  active: boolean;
}

function InstitutionFormModal({ institution, onClose }: { institution?: Institution; onClose: () => void }) {
  const t = useT(institutionsMessages);
  const [form] = Form.useForm<Values>();
  const save = useSaveInstitution();
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  const submit = async () => {
    const v = await form.validateFields();
    save.mutate(
      { id: institution?.id, body: { ...v, orgUnitId: v.orgUnitId ?? null } },
      {
        onSuccess: () => {
          message.success(institution ? t('updated') : t('created'));
          onClose();
        },
        onError: (err) => onError(err, { form }),
      },
    );
  };
  const half = { xs: 24, sm: 12 };
  return (
    <Modal
      open
      title={institution ? t('editTitle', { name: institution.name }) : t('createTitle')}
      onCancel={onClose}
      onOk={submit}
      okText={t('save')}
      cancelText={t('cancel')}
      confirmLoading={save.isPending}
      width={720}
      mask={{ closable: false }}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={institution ?? { active: true, orgUnitId: null }}
      >
        <Row gutter={16}>
          <Col span={24}>
            <Form.Item
              name="name"
              label={t('name')}
              rules={[{ required: true, whitespace: true, message: t('required') }, { max: 300 }]}
            >
              <Input autoComplete="off" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="shortName" label={t('shortName')} rules={[{ max: 60 }]}>
              <Input autoComplete="off" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="kind" label={t('kind')} rules={[{ required: true, message: t('required') }]}>
              <CodeSelect list="institution_kind" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="address" label={t('address')} rules={[{ max: 500 }]}>
              <Input autoComplete="off" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="phone" label={t('phone')} rules={[{ max: 40 }]}>
              <Input autoComplete="off" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="email" label={t('email')} rules={[{ type: 'email' }]}>
              <Input autoComplete="off" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="website" label={t('website')} rules={[{ max: 300 }]}>
              <Input autoComplete="off" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="contactPerson" label={t('contactPerson')} rules={[{ max: 200 }]}>
              <Input autoComplete="off" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="orgUnitId" label={t('orgUnit')} extra={t('orgUnitHelp')}>
              <UnitTreeSelect />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="active" label={t('activeLabel')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
