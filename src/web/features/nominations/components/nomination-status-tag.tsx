import { Tag } from 'antd';
import { NOMINATION_STATUS_LABELS, type NominationStatus } from '../../../../contracts/nominations';
import { useLang } from '../../../lib/i18n';

const COLORS: Record<NominationStatus, string> = {
  pending: 'gold',
  approved: 'green',
  waitlisted: 'blue',
  rejected: 'red',
  withdrawn: 'default',
  substituted: 'purple',
};

export function NominationStatusTag({ status }: { status: NominationStatus }) {
  const [lang] = useLang();
  return <Tag color={COLORS[status]}>{NOMINATION_STATUS_LABELS[status][lang]}</Tag>;
}

/** Label of a status as the events name them (unknown strings show as themselves). */
export function useNominationStatusLabel() {
  const [lang] = useLang();
  return (s: string | null) =>
    s && s in NOMINATION_STATUS_LABELS ? NOMINATION_STATUS_LABELS[s as NominationStatus][lang] : (s ?? '');
}
