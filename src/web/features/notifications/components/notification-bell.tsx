import { BellOutlined } from '@ant-design/icons';
import { Badge, Button } from 'antd';
import { Link } from 'react-router';
import { useT } from '../../../lib/i18n';
import { useUnreadCount } from '../api/notifications';
import { notificationsMessages } from '../messages';

/** The bell in the header: the unread count, opening the list. */
export function NotificationBell() {
  const t = useT(notificationsMessages);
  const unread = useUnreadCount().data?.unread ?? 0;
  return (
    <Link to="/notifications" aria-label={t('bell', { n: unread })}>
      <Badge count={unread} size="small" overflowCount={99}>
        <Button
          type="text"
          tabIndex={-1}
          icon={<BellOutlined style={{ fontSize: 18, color: 'inherit' }} />}
        />
      </Badge>
    </Link>
  );
}
