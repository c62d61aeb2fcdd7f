/**
 * Approve a submitted plan with its decision (ADR 038): the decision's number, date, who signed
 * it and their title, and a comment. Where the province requires four eyes, the server refuses
 * whoever submitted the plan and the message says so.
 */
import { Input } from 'antd';
import { DecisionFormFields, type DecisionValues, decisionOf } from '../../../components/decision-fields';
import { Field } from '../../../kit/field';
import { FormModal } from '../../../kit/form-modal';
import { useT } from '../../../lib/i18n';
import { usePlanAction } from '../api/plans';
import { plansMessages } from '../messages';

interface Values extends DecisionValues {
  comment?: string;
}

export function ApprovePlanModal({ planId, onClose }: { planId: number; onClose: () => void }) {
  const t = useT(plansMessages);
  const act = usePlanAction(planId);
  return (
    <FormModal<Values>
      title={t('approveTitle')}
      okText={t('approve')}
      onClose={onClose}
      success={t('actionDone')}
      width={640}
      submit={(v) =>
        act.mutateAsync({
          action: 'approve',
          comment: v.comment,
          decision: decisionOf(v),
        })
      }
    >
      <DecisionFormFields>
        <Field span={24} name="comment" label={t('comment')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Field>
      </DecisionFormFields>
    </FormModal>
  );
}
