import { App, Col, Form, Input, Typography } from 'antd';
import { DecisionFormFields, type DecisionValues, decisionOf } from '../../../components/decision-fields';
import { FormModal } from '../../../kit/form-modal';
import { type ProposalDetail, useProposalTransition } from '../api/needs';
import { fmtNumber } from '../needs-logic';
import { useNeedsT } from './needs-tags';

/** The reviewer returns a submitted proposal; the comment tells the unit what to change. */
export function ReturnModal({ proposal: p, onClose }: { proposal: ProposalDetail; onClose: () => void }) {
  const t = useNeedsT();
  const transition = useProposalTransition(p.id);
  const { message } = App.useApp();
  const submit = async ({ comment }: { comment: string }) => {
    await transition.mutateAsync({ action: 'return', comment: comment.trim() });
    message.success(t('returned'));
  };
  return (
    <FormModal<{ comment: string }>
      title={t('returnTitle', { unit: p.unitName })}
      okText={t('returnAction')}
      okButtonProps={{ danger: true }}
      mask={{ closable: false }}
      onClose={onClose}
      submit={submit}
      intro={<Typography.Paragraph type="secondary">{t('returnText')}</Typography.Paragraph>}
    >
      <Form.Item
        name="comment"
        label={t('returnComment')}
        rules={[{ required: true, whitespace: true, message: t('required') }, { max: 2000 }]}
      >
        <Input.TextArea rows={4} placeholder={t('returnPlaceholder')} />
      </Form.Item>
    </FormModal>
  );
}

type AcceptValues = DecisionValues & { comment?: string };

/** The reviewer accepts with its decision (ADR 044): say where the lines go (the reviewer's own proposal, or the root's table). */
export function AcceptModal({ proposal: p, onClose }: { proposal: ProposalDetail; onClose: () => void }) {
  const t = useNeedsT();
  const transition = useProposalTransition(p.id);
  const { message } = App.useApp();
  const intoRoot = p.reviewerUnitId === p.campaign.rootUnitId;
  const vars = {
    lines: fmtNumber(p.totals.lines),
    quantity: fmtNumber(p.totals.quantity),
    reviewer: p.reviewerName ?? '—',
  };
  const submit = async ({ comment, ...decision }: AcceptValues) => {
    await transition.mutateAsync({
      action: 'accept',
      comment: comment?.trim() || undefined,
      decision: decisionOf(decision),
    });
    message.success(t('accepted'));
  };
  return (
    <FormModal<AcceptValues>
      title={t('acceptTitle', { unit: p.unitName })}
      width={640}
      okText={t('accept')}
      mask={{ closable: false }}
      onClose={onClose}
      submit={submit}
      intro={
        <>
          <Typography.Paragraph>
            {intoRoot ? t('acceptIntoRoot', vars) : t('acceptIntoProposal', vars)}
          </Typography.Paragraph>
          <Typography.Paragraph type="secondary">{t('acceptFinal')}</Typography.Paragraph>
        </>
      }
    >
      <DecisionFormFields>
        <Col span={24}>
          <Form.Item name="comment" label={t('acceptComment')} rules={[{ max: 2000 }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </Col>
      </DecisionFormFields>
    </FormModal>
  );
}
