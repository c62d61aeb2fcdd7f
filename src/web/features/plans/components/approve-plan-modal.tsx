/**
 * Approve a submitted plan with its decision (ADR 038): the decision's number, date, who signed
 * it and their title, and a comment. Where the province requires four eyes, the server refuses
 * whoever submitted the plan and the message says so.
 */
import { Input, Row } from 'antd';
import { DateInput } from '../../../components/date-input';
import { Field } from '../../../kit/field';
import { FormModal } from '../../../kit/form-modal';
import { useT } from '../../../lib/i18n';
import { usePlanAction } from '../api/plans';
import { plansMessages } from '../messages';

interface Values {
  decisionNo?: string;
  decisionDate?: string | null;
  signerName?: string;
  signerTitle?: string;
  comment?: string;
}

export function ApprovePlanModal({ planId, onClose }: { planId: number; onClose: () => void }) {
  const t = useT(plansMessages);
  const act = usePlanAction(planId);
  const blank = (s?: string) => (s?.trim() ? s.trim() : undefined);
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
          decision: {
            decisionNo: blank(v.decisionNo),
            decisionDate: v.decisionDate ?? undefined,
            signerName: blank(v.signerName),
            signerTitle: blank(v.signerTitle),
          },
        })
      }
    >
      <Row gutter={16}>
        <Field xs={24} sm={12} name="decisionNo" label={t('decisionNo')} extra={t('decisionNoHelp')}>
          <Input maxLength={60} />
        </Field>
        <Field xs={24} sm={12} name="decisionDate" label={t('decisionDate')}>
          <DateInput />
        </Field>
        <Field xs={24} sm={12} name="signerName" label={t('signerName')}>
          <Input maxLength={120} />
        </Field>
        <Field xs={24} sm={12} name="signerTitle" label={t('signerTitle')}>
          <Input maxLength={120} placeholder={t('signerTitlePlaceholder')} />
        </Field>
        <Field span={24} name="comment" label={t('comment')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Field>
      </Row>
    </FormModal>
  );
}
