import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Form,
  Input,
  Popconfirm,
  Select,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import type { CodeAlias } from '../../../../contracts/code-aliases';
import { foldText } from '../../../../contracts/text';
import { QueryErrorResult } from '../../../components/results';
import { type CodeItem, filterCodeOption } from '../../../lib/codes';
import { useLang, useT } from '../../../lib/i18n';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { aliasesMessages } from '../aliases.messages';
import { useAddCodeAlias, useCodeAliases, useDeleteCodeAlias } from '../api/aliases';

interface Values {
  alias: string;
  code: string;
}

/** The import aliases of a list (ADR 028): table, add form, delete with confirmation. */
export function AliasesCard({ list, items }: { list: string; items: CodeItem[] }) {
  const t = useT(aliasesMessages);
  const [lang] = useLang();
  const { data, error, isPending, refetch } = useCodeAliases(list);
  const add = useAddCodeAlias(list);
  const remove = useDeleteCodeAlias(list);
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();

  const labelOf = (code: string) => {
    const it = items.find((i) => i.code === code);
    return it ? (lang === 'en' ? it.labelEn : it.labelVi) : code;
  };
  const codeOptions = items
    .filter((i) => i.active)
    .map((i) => {
      const l = `${lang === 'en' ? i.labelEn : i.labelVi} (${i.code})`;
      return { value: i.code, label: l, search: foldText(`${l} ${i.labelVi}`) };
    });

  const submit = async () => {
    const v = await form.validateFields();
    add.mutate(v, {
      onSuccess: (a) => {
        message.success(t('added', { alias: a.alias }));
        form.resetFields();
      },
      onError: (err) => onError(err, { form }),
    });
  };

  const columns: TableColumnsType<CodeAlias> = [
    { title: t('alias'), dataIndex: 'alias', key: 'alias' },
    {
      title: t('code'),
      dataIndex: 'code',
      key: 'code',
      render: (code: string) => (
        <>
          {labelOf(code)} <Typography.Text code>{code}</Typography.Text>
        </>
      ),
    },
    {
      title: t('origin'),
      dataIndex: 'builtIn',
      key: 'builtIn',
      width: 110,
      render: (b: boolean) => (b ? <Tag>{t('builtIn')}</Tag> : <Tag color="blue">{t('custom')}</Tag>),
    },
    { title: t('createdBy'), dataIndex: 'createdBy', key: 'createdBy', width: 140 },
    {
      title: t('actions'),
      key: 'actions',
      width: 80,
      render: (_v, a) => (
        <Popconfirm
          title={t('deleteConfirm', { alias: a.alias })}
          okText={t('delete')}
          cancelText={t('cancel')}
          onConfirm={() =>
            remove.mutateAsync(a.id).then(
              () => message.success(t('deleted', { alias: a.alias })),
              (err) => onError(err),
            )
          }
        >
          <Button
            type="text"
            danger
            icon={<DeleteOutlined />}
            aria-label={t('deleteRow', { alias: a.alias })}
          />
        </Popconfirm>
      ),
    },
  ];

  return (
    <Card size="small" title={t('title')} style={{ marginTop: 16 }} styles={{ body: { paddingTop: 8 } }}>
      <Typography.Paragraph type="secondary">{t('help')}</Typography.Paragraph>
      <Form<Values> form={form} layout="inline" onFinish={submit} style={{ marginBottom: 12, rowGap: 8 }}>
        <Form.Item
          name="alias"
          label={t('alias')}
          rules={[{ required: true, whitespace: true, message: t('required') }, { max: 120 }]}
        >
          <Input placeholder={t('aliasPlaceholder')} autoComplete="off" style={{ width: 220 }} />
        </Form.Item>
        <Form.Item name="code" label={t('code')} rules={[{ required: true, message: t('required') }]}>
          <Select
            placeholder={t('codePlaceholder')}
            options={codeOptions}
            style={{ width: 260 }}
            showSearch={{ filterOption: (input, option) => filterCodeOption(input, option) }}
          />
        </Form.Item>
        <Form.Item>
          <Button htmlType="submit" icon={<PlusOutlined />} loading={add.isPending}>
            {t('add')}
          </Button>
        </Form.Item>
      </Form>
      {error ? (
        <QueryErrorResult error={error} onRetry={() => refetch()} />
      ) : (
        <Table<CodeAlias>
          aria-label={t('title')}
          rowKey="id"
          size="small"
          loading={isPending}
          columns={columns}
          dataSource={data?.items ?? []}
          pagination={false}
          locale={{ emptyText: t('empty') }}
        />
      )}
    </Card>
  );
}
