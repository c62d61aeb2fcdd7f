import { Tag } from 'antd';
import { CLASS_STATUS_LABELS, type ClassStatus } from '../../../../contracts/classes';
import { useLang } from '../../../lib/i18n';

const COLORS: Record<ClassStatus, string> = {
  planned: 'default',
  open_for_nomination: 'blue',
  running: 'green',
  finished: 'purple',
  closed: 'default',
  cancelled: 'red',
};

export function ClassStatusTag({ status }: { status: ClassStatus }) {
  const [lang] = useLang();
  return <Tag color={COLORS[status]}>{CLASS_STATUS_LABELS[status][lang]}</Tag>;
}

export function useStatusLabel() {
  const [lang] = useLang();
  return (s: ClassStatus) => CLASS_STATUS_LABELS[s][lang];
}
