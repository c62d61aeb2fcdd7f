import { App, Button, Checkbox, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import type { DelegationStatus } from '../../../../contracts/abroad';
import { FormModal } from '../../../kit/form-modal';
import { useLang, useT } from '../../../lib/i18n';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { type DelegationDetail, useMoveDelegation } from '../api/abroad';
import { abroadMessages } from '../messages';

/** The moves the actor may make now; cancelling asks for the reason, closing for who completed. */
export function StatusActions({ d }: { d: DelegationDetail }) {
  const t = useT(abroadMessages);
  const [lang] = useLang();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const move = useMoveDelegation(d.id);
  const [asking, setAsking] = useState<'cancelled' | 'closed' | null>(null);
  const [cancelForm] = Form.useForm<{ comment: string }>();
  const reason = Form.useWatch('comment', cancelForm);

  const go = async (to: DelegationStatus) => {
    try {
      await move.mutateAsync({ to });
      message.success(t('moved'));
      setAsking(null);
    } catch (err) {
      onError(err);
    }
  };

  return (
    <>
      <Space wrap>
        {d.nextStatuses.map((to) => (
          <Button
            key={to}
            danger={to === 'cancelled'}
            type={to === 'cancelled' || to === 'planned' ? 'default' : 'primary'}
            loading={move.isPending}
            onClick={() => (to === 'cancelled' || to === 'closed' ? setAsking(to) : go(to))}
          >
            {t(`move_${to}` as 'move_approved')}
          </Button>
        ))}
      </Space>
      {asking === 'cancelled' ? (
        <FormModal<{ comment: string }>
          title={t('move_cancelled')}
          okText={t('move_cancelled')}
          okButtonProps={{ danger: true, disabled: !reason?.trim() }}
          form={cancelForm}
          onClose={() => setAsking(null)}
          submit={({ comment }) => move.mutateAsync({ to: 'cancelled', comment: (comment ?? '').trim() })}
          success={t('moved')}
        >
          <Form.Item name="comment" label={t('cancelReason')} htmlFor="abroad-cancel-reason" required>
            <Input.TextArea id="abroad-cancel-reason" rows={3} />
          </Form.Item>
        </FormModal>
      ) : null}
      {asking === 'closed' ? (
        <FormModal<{ completedMemberIds: number[] }>
          title={t('closeTitle', { code: d.code })}
          okText={t('move_closed')}
          onClose={() => setAsking(null)}
          initialValues={{ completedMemberIds: d.members.map((m) => m.id) }}
          submit={({ completedMemberIds }) => move.mutateAsync({ to: 'closed', completedMemberIds })}
          success={t('moved')}
          intro={
            <Typography.Paragraph>
              {t('closeHint', { grants: d.grants ? d.grants.label[lang] : t('grantsNone') })}
            </Typography.Paragraph>
          }
        >
          <Form.Item name="completedMemberIds" noStyle>
            <Checkbox.Group
              style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
              options={d.members.map((m) => ({ value: m.id, label: `${m.fullName} — ${m.unitName}` }))}
            />
          </Form.Item>
        </FormModal>
      ) : null}
    </>
  );
}
