import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Col,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Switch,
  type TableColumnsType,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { foldText } from '../../../../contracts/text';
import { PageHeader } from '../../../components/page-header';
import { QueryErrorResult } from '../../../components/results';
import { FilterBar, FilterField } from '../../../kit/filter-bar';
import { FormModal } from '../../../kit/form-modal';
import { ListTable } from '../../../kit/server-table';
import { text } from '../../../kit/url-filters';
import { useUrlFilters } from '../../../kit/use-url-filters';
import { type CodeItem, filterCodeOption, useCodeLabel, useCodes } from '../../../lib/codes';
import { useT } from '../../../lib/i18n';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { useCreateCodeItem, useUpdateCodeItem } from '../api/codes';
import { codesMessages } from '../messages';
import { AliasesCard } from './aliases-card';

/** The order lists are offered in: staff data first, then units, then qualifications and their levels. */
const LIST_ORDER = [
  'category',
  'rank',
  'leadership_tier',
  'status',
  'management_authority',
  'gender',
  'ethnicity',
  'unit_level',
  'unit_kind',
  'qualification_kind',
  'qualification_source',
];

/** The list shown lives in the URL (`?list=`), so a list can be linked. */
const CODES_URL = { list: text() };

export function CodesPage() {
  const t = useT(codesMessages);
  const label = useCodeLabel();
  const { data, error, isPending, refetch } = useCodes();
  const { filters, set } = useUrlFilters(CODES_URL);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<CodeItem | null>(null);
  const onError = useApiErrorHandler();
  const { message } = App.useApp();

  const listNames = useMemo(() => {
    const rank = (n: string) => {
      const i = LIST_ORDER.indexOf(n);
      return i >= 0 ? i : n.startsWith('level_') ? LIST_ORDER.length + 1 : LIST_ORDER.length;
    };
    return Object.keys(data ?? {}).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  }, [data]);
  const list = filters.list && listNames.includes(filters.list) ? filters.list : (listNames[0] ?? '');
  const update = useUpdateCodeItem(list);

  const listLabel = (name: string) => {
    if (name.startsWith('level_')) return t('levelsOf', { kind: label('qualification_kind', name.slice(6)) });
    const key = `l_${name}` as Parameters<typeof t>[0];
    const s = t(key);
    return s === key ? name : s;
  };
  const listOptions = listNames.map((n) => {
    const l = listLabel(n);
    return { value: n, label: l, search: foldText(`${l} ${n}`) };
  });

  const items = data?.[list] ?? [];

  const columns: TableColumnsType<CodeItem> = [
    { title: t('stt'), key: 'stt', width: 60, align: 'right', render: (_v, _r, i) => i + 1 },
    {
      title: t('code'),
      dataIndex: 'code',
      key: 'code',
      width: 160,
      render: (v) => <Typography.Text code>{v}</Typography.Text>,
    },
    { title: t('labelVi'), dataIndex: 'labelVi', key: 'labelVi' },
    { title: t('labelEn'), dataIndex: 'labelEn', key: 'labelEn' },
    { title: t('sort'), dataIndex: 'sort', key: 'sort', width: 80, align: 'right' },
    {
      title: t('builtIn'),
      dataIndex: 'builtIn',
      key: 'builtIn',
      width: 100,
      render: (b: boolean) => (b ? <Tag>{t('builtIn')}</Tag> : <Tag color="blue">{t('custom')}</Tag>),
    },
    {
      title: t('inUse'),
      dataIndex: 'active',
      key: 'active',
      width: 100,
      render: (active: boolean, it) => (
        <Switch
          size="small"
          checked={active}
          aria-label={t('toggleRow', { code: it.code })}
          loading={update.isPending && update.variables?.code === it.code}
          onChange={(v) =>
            update.mutate(
              { code: it.code, body: { active: v } },
              {
                onSuccess: () =>
                  message.success(
                    v ? t('activated', { code: it.code }) : t('deactivated', { code: it.code }),
                  ),
                onError: (err) => onError(err),
              },
            )
          }
        />
      ),
    },
    {
      title: t('actions'),
      key: 'actions',
      width: 80,
      render: (_v, it) => (
        <Tooltip title={t('edit')}>
          <Button
            type="text"
            icon={<EditOutlined />}
            aria-label={t('editRow', { code: it.code })}
            onClick={() => setEditing(it)}
          />
        </Tooltip>
      ),
    },
  ];

  if (error) return <QueryErrorResult error={error} onRetry={() => refetch()} />;

  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} disabled={!list}>
            {t('addItem')}
          </Button>
        }
      />
      <FilterBar>
        <FilterField xs={24} md={12} xl={8} label={t('list')} htmlFor="codes-list">
          <Select
            id="codes-list"
            value={list || undefined}
            loading={isPending}
            options={listOptions}
            onChange={(v) => set({ list: v })}
            showSearch={{ filterOption: (input, option) => filterCodeOption(input, option) }}
          />
        </FilterField>
      </FilterBar>
      <Card
        size="small"
        styles={{ body: { padding: 0 } }}
        title={list ? `${listLabel(list)} · ${t('count', { n: items.length })}` : undefined}
      >
        <ListTable<CodeItem>
          aria-label={list ? listLabel(list) : t('title')}
          rowKey="code"
          loading={isPending}
          columns={columns}
          dataSource={items}
          scroll={{ x: 900 }}
        />
      </Card>
      {list ? <AliasesCard key={list} list={list} items={items} /> : null}
      {adding ? (
        <CodeItemModal list={list} listLabel={listLabel(list)} onClose={() => setAdding(false)} />
      ) : null}
      {editing ? (
        <CodeItemModal
          list={list}
          listLabel={listLabel(list)}
          item={editing}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </>
  );
}

interface Values {
  code: string;
  labelVi: string;
  labelEn: string;
  sort?: number | null;
  active: boolean;
}

function CodeItemModal({
  list,
  listLabel,
  item,
  onClose,
}: {
  list: string;
  listLabel: string;
  item?: CodeItem;
  onClose: () => void;
}) {
  const t = useT(codesMessages);
  const create = useCreateCodeItem(list);
  const update = useUpdateCodeItem(list);

  const submit = (v: Values) => {
    const sort = typeof v.sort === 'number' ? v.sort : undefined;
    if (item)
      return update.mutateAsync({
        code: item.code,
        body: { labelVi: v.labelVi, labelEn: v.labelEn, sort, active: v.active },
      });
    return create.mutateAsync({ code: v.code.trim(), labelVi: v.labelVi, labelEn: v.labelEn, sort });
  };

  return (
    <FormModal<Values>
      title={item ? t('editTitle', { code: item.code }) : t('addTitle', { list: listLabel })}
      onClose={onClose}
      submit={submit}
      success={item ? t('updated') : t('created')}
      okText={t('save')}
      cancelText={t('cancel')}
      mask={{ closable: false }}
      initialValues={
        item
          ? {
              code: item.code,
              labelVi: item.labelVi,
              labelEn: item.labelEn,
              sort: item.sort,
              active: item.active,
            }
          : { active: true }
      }
    >
      <Form.Item
        name="code"
        label={t('code')}
        extra={item ? undefined : t('codeRule')}
        rules={
          item
            ? []
            : [
                { required: true, message: t('required') },
                { pattern: /^[A-Za-z0-9_.-]{1,40}$/, message: t('codeRule') },
              ]
        }
      >
        <Input disabled={!!item} autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="labelVi"
        label={t('labelVi')}
        rules={[{ required: true, whitespace: true, message: t('required') }, { max: 200 }]}
      >
        <Input />
      </Form.Item>
      <Form.Item
        name="labelEn"
        label={t('labelEn')}
        rules={[{ required: true, whitespace: true, message: t('required') }, { max: 200 }]}
      >
        <Input />
      </Form.Item>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="sort" label={t('sort')}>
            <InputNumber min={0} max={10000} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        {item ? (
          <Col span={12}>
            <Form.Item name="active" label={t('inUse')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
        ) : null}
      </Row>
    </FormModal>
  );
}
