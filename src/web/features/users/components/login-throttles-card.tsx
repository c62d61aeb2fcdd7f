import { App, Button, Card, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { formatDateTime } from '../../../lib/dates';
import { defineMessages, useT } from '../../../lib/i18n';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { type LoginThrottle, useLiftThrottle, useLoginThrottles } from '../api/users';

const messages = defineMessages(
  {
    title: 'Đăng nhập đang bị làm chậm',
    help: 'Sau nhiều lần sai mật khẩu, mỗi lần thử phải chờ lâu gấp đôi (tối đa 15 phút); mật khẩu đúng sau khi chờ vẫn đăng nhập được.',
    kind: 'Loại',
    user: 'Tài khoản',
    client: 'Địa chỉ máy',
    subject: 'Tài khoản / địa chỉ',
    failures: 'Số lần thử',
    lastAt: 'Lần thử cuối',
    wait: 'Phải chờ',
    now: 'Có thể thử ngay',
    seconds: '{n} giây',
    lift: 'Bỏ chặn',
    lifted: 'Đã bỏ chặn đăng nhập của {name}.',
    empty: 'Không có tài khoản nào bị làm chậm.',
  },
  {
    title: 'Logins being slowed down',
    help: 'After several wrong passwords each attempt waits twice as long (up to 15 minutes); the right password after the wait still logs in.',
    kind: 'Kind',
    user: 'Account',
    client: 'Client address',
    subject: 'Account / address',
    failures: 'Attempts',
    lastAt: 'Last attempt',
    wait: 'Waits',
    now: 'May try now',
    seconds: '{n} s',
    lift: 'Lift',
    lifted: 'Login slow-down of {name} lifted.',
    empty: 'No logins are being slowed down.',
  },
);

/** The admin's view of current login slow-downs (own subtree), on the users screen. */
export function LoginThrottlesCard() {
  const t = useT(messages);
  const { data, isPending } = useLoginThrottles();
  const lift = useLiftThrottle();
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  const items = data?.items ?? [];
  const columns: TableColumnsType<LoginThrottle> = [
    {
      title: t('kind'),
      dataIndex: 'kind',
      key: 'kind',
      width: 130,
      render: (k: LoginThrottle['kind']) => <Tag>{k === 'user' ? t('user') : t('client')}</Tag>,
    },
    {
      title: t('subject'),
      dataIndex: 'subject',
      key: 'subject',
      render: (v) => <Typography.Text code>{v}</Typography.Text>,
    },
    { title: t('failures'), dataIndex: 'failures', key: 'failures', width: 110, align: 'right' },
    { title: t('lastAt'), dataIndex: 'lastAt', key: 'lastAt', width: 160, render: (v) => formatDateTime(v) },
    {
      title: t('wait'),
      dataIndex: 'retryAfterSeconds',
      key: 'wait',
      width: 130,
      render: (n: number) => (n > 0 ? <Tag color="orange">{t('seconds', { n })}</Tag> : t('now')),
    },
    {
      title: '',
      key: 'actions',
      width: 110,
      render: (_v, r) =>
        r.kind === 'user' ? (
          <Button
            size="small"
            loading={lift.isPending && lift.variables === r.subject}
            onClick={() =>
              lift
                .mutateAsync(r.subject)
                .then(() => message.success(t('lifted', { name: r.subject })))
                .catch((err) => onError(err))
            }
          >
            {t('lift')}
          </Button>
        ) : null,
    },
  ];
  if (!isPending && items.length === 0) return null;
  return (
    <Card size="small" title={t('title')} style={{ marginTop: 16 }}>
      <Typography.Paragraph type="secondary">{t('help')}</Typography.Paragraph>
      <Table<LoginThrottle>
        aria-label={t('title')}
        rowKey={(r) => `${r.kind}:${r.subject}`}
        size="small"
        columns={columns}
        dataSource={items}
        loading={isPending}
        pagination={false}
        locale={{ emptyText: t('empty') }}
      />
    </Card>
  );
}
