import { Tag } from 'antd';
import { CLASS_STATUS_LABELS, type ClassStatus } from '../../../../contracts/classes';
import { NOMINATION_STATUS_LABELS, type NominationStatus } from '../../../../contracts/nominations';
import { JOIN_REQUEST_STATUS_LABELS, type JoinRequestStatus } from '../../../../contracts/self-service';
import { useLang } from '../../../lib/i18n';
import type { MyClass } from '../api/self-service';

const NOMINATION_COLORS: Record<NominationStatus, string> = {
  pending: 'gold',
  approved: 'green',
  waitlisted: 'blue',
  rejected: 'red',
  withdrawn: 'default',
  substituted: 'purple',
};
const CLASS_COLORS: Record<ClassStatus, string> = {
  planned: 'default',
  open_for_nomination: 'cyan',
  running: 'blue',
  finished: 'green',
  closed: 'default',
  cancelled: 'red',
};
const REQUEST_COLORS: Record<JoinRequestStatus, string> = {
  pending: 'gold',
  accepted: 'green',
  declined: 'red',
  cancelled: 'default',
};

/** The learner's nomination status, in the words of the nominations screens. */
export function MyNominationTag({ status }: { status: NominationStatus }) {
  const [lang] = useLang();
  return <Tag color={NOMINATION_COLORS[status]}>{NOMINATION_STATUS_LABELS[status][lang]}</Tag>;
}

export function ClassStatusLabel({ status }: { status: ClassStatus }) {
  const [lang] = useLang();
  return <Tag color={CLASS_COLORS[status]}>{CLASS_STATUS_LABELS[status][lang]}</Tag>;
}

export function JoinRequestTag({ status }: { status: JoinRequestStatus }) {
  const [lang] = useLang();
  return <Tag color={REQUEST_COLORS[status]}>{JOIN_REQUEST_STATUS_LABELS[status][lang]}</Tag>;
}

/** The grade of a result as a tag: green when passed, red when not, marked provisional while live. */
export function GradeTag({ result }: { result: NonNullable<MyClass['result']> }) {
  const [lang] = useLang();
  return <Tag color={result.passed ? 'green' : 'red'}>{result.gradeLabel[lang]}</Tag>;
}
