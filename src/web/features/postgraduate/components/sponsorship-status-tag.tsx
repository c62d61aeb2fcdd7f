import { Tag } from 'antd';
import { POSTGRAD_STATUS_LABELS, type PostgradStatus } from '../../../../contracts/postgraduate';
import { useLang } from '../../../lib/i18n';

const COLORS: Record<PostgradStatus, string> = {
  studying: 'blue',
  graduated: 'green',
  no_diploma: 'orange',
  dropped_out: 'red',
};

export function SponsorshipStatusTag({ status }: { status: PostgradStatus }) {
  const [lang] = useLang();
  return <Tag color={COLORS[status]}>{POSTGRAD_STATUS_LABELS[status][lang]}</Tag>;
}
