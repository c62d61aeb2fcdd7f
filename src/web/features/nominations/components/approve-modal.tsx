/**
 * Approve a nomination: the send-to-study decision (ADR 044), its number, date, signer and title.
 * Optional unless the province's policy requires it; the server checks them and marks the fields.
 */
import { App, Typography } from 'antd';
import { DecisionFormFields, type DecisionValues, decisionOf } from '../../../components/decision-fields';
import { FormModal } from '../../../kit/form-modal';
import { useT } from '../../../lib/i18n';
import { type Nomination, useDecide } from '../api/nominations';
import { nominationsMessages } from '../messages';

export function ApproveModal({
  classId,
  nomination: n,
  onClose,
}: {
  classId: number;
  nomination: Nomination;
  onClose: () => void;
}) {
  const t = useT(nominationsMessages);
  const { message } = App.useApp();
  const decide = useDecide(classId);
  const submit = async (v: DecisionValues) => {
    await decide.mutateAsync({ id: n.id, decision: 'approve', ...decisionOf(v) });
    message.success(t('done'));
  };
  return (
    <FormModal<DecisionValues>
      title={t('approveConfirm', { name: n.personName })}
      okText={t('approve')}
      width={640}
      onClose={onClose}
      submit={submit}
      intro={
        <Typography.Paragraph type="secondary">
          {n.status === 'waitlisted' ? `${t('approveWaitlisted')} ` : ''}
          {t('approveDecisionHelp')}
        </Typography.Paragraph>
      }
    >
      <DecisionFormFields />
    </FormModal>
  );
}
