import { Tag } from 'antd';
import { DELEGATION_STATUS_LABELS, type DelegationStatus } from '../../../../contracts/abroad';
import { useLang } from '../../../lib/i18n';

const COLORS: Record<DelegationStatus, string> = {
  planned: 'default',
  approved: 'blue',
  travelling: 'green',
  returned: 'purple',
  closed: 'default',
  cancelled: 'red',
};

export function DelegationStatusTag({ status }: { status: DelegationStatus }) {
  const [lang] = useLang();
  return <Tag color={COLORS[status]}>{DELEGATION_STATUS_LABELS[status][lang]}</Tag>;
}
