import { App, Button, Checkbox, Form, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import type { DelegationStatus } from '../../../../contracts/abroad';
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
  const [reason, setReason] = useState('');
  const [done, setDone] = useState<number[]>(() => d.members.map((m) => m.id));

  const go = async (
    to: DelegationStatus,
    extra: { comment?: string; completedMemberIds?: number[] } = {},
  ) => {
    try {
      await move.mutateAsync({ to, ...extra });
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
        <Modal
          open
          title={t('move_cancelled')}
          okText={t('move_cancelled')}
          okButtonProps={{ danger: true, disabled: !reason.trim() }}
          cancelText={t('cancel')}
          onOk={() => go('cancelled', { comment: reason.trim() })}
          onCancel={() => setAsking(null)}
          confirmLoading={move.isPending}
        >
          <Form layout="vertical">
            <Form.Item label={t('cancelReason')} htmlFor="abroad-cancel-reason" required>
              <Input.TextArea
                id="abroad-cancel-reason"
                rows={3}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
              />
            </Form.Item>
          </Form>
        </Modal>
      ) : null}
      {asking === 'closed' ? (
        <Modal
          open
          title={t('closeTitle', { code: d.code })}
          okText={t('move_closed')}
          cancelText={t('cancel')}
          onOk={() => go('closed', { completedMemberIds: done })}
          onCancel={() => setAsking(null)}
          confirmLoading={move.isPending}
        >
          <Typography.Paragraph>
            {t('closeHint', { grants: d.grants ? d.grants.label[lang] : t('grantsNone') })}
          </Typography.Paragraph>
          <Checkbox.Group
            value={done}
            onChange={(v) => setDone(v as number[])}
            style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
            options={d.members.map((m) => ({ value: m.id, label: `${m.fullName} — ${m.unitName}` }))}
          />
        </Modal>
      ) : null}
    </>
  );
}
