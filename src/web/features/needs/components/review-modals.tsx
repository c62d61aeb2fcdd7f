import { App, Form, Input, Modal, Typography } from 'antd';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { type ProposalDetail, useProposalTransition } from '../api/needs';
import { fmtNumber } from '../needs-logic';
import { useNeedsT } from './needs-tags';

/** The reviewer returns a submitted proposal; the comment tells the unit what to change. */
export function ReturnModal({ proposal: p, onClose }: { proposal: ProposalDetail; onClose: () => void }) {
  const t = useNeedsT();
  const [form] = Form.useForm<{ comment: string }>();
  const transition = useProposalTransition(p.id);
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  const submit = async () => {
    const { comment } = await form.validateFields();
    transition.mutate(
      { action: 'return', comment: comment.trim() },
      {
        onSuccess: () => {
          message.success(t('returned'));
          onClose();
        },
        onError: (err) => onError(err, { form }),
      },
    );
  };
  return (
    <Modal
      open
      title={t('returnTitle', { unit: p.unitName })}
      onCancel={onClose}
      onOk={submit}
      okText={t('returnAction')}
      okButtonProps={{ danger: true }}
      cancelText={t('cancel')}
      confirmLoading={transition.isPending}
      destroyOnHidden
      mask={{ closable: false }}
    >
      <Typography.Paragraph type="secondary">{t('returnText')}</Typography.Paragraph>
      <Form form={form} layout="vertical">
        <Form.Item
          name="comment"
          label={t('returnComment')}
          rules={[{ required: true, whitespace: true, message: t('required') }, { max: 2000 }]}
        >
          <Input.TextArea rows={4} placeholder={t('returnPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The reviewer accepts: say where the lines go (the reviewer's own proposal, or the root's table). */
export function AcceptModal({ proposal: p, onClose }: { proposal: ProposalDetail; onClose: () => void }) {
  const t = useNeedsT();
  const [form] = Form.useForm<{ comment?: string }>();
  const transition = useProposalTransition(p.id);
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  const intoRoot = p.reviewerUnitId === p.campaign.rootUnitId;
  const vars = {
    lines: fmtNumber(p.totals.lines),
    quantity: fmtNumber(p.totals.quantity),
    reviewer: p.reviewerName ?? '—',
  };
  const submit = async () => {
    const { comment } = await form.validateFields();
    transition.mutate(
      { action: 'accept', comment: comment?.trim() || undefined },
      {
        onSuccess: () => {
          message.success(t('accepted'));
          onClose();
        },
        onError: (err) => onError(err, { form }),
      },
    );
  };
  return (
    <Modal
      open
      title={t('acceptTitle', { unit: p.unitName })}
      onCancel={onClose}
      onOk={submit}
      okText={t('accept')}
      cancelText={t('cancel')}
      confirmLoading={transition.isPending}
      destroyOnHidden
      mask={{ closable: false }}
    >
      <Typography.Paragraph>
        {intoRoot ? t('acceptIntoRoot', vars) : t('acceptIntoProposal', vars)}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('acceptFinal')}</Typography.Paragraph>
      <Form form={form} layout="vertical">
        <Form.Item name="comment" label={t('acceptComment')} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
