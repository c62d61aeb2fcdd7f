import { Alert, App, Flex, Form, Input, Modal, Spin, Typography } from 'antd';
import { useState } from 'react';
import type { NominationWarning } from '../../../../contracts/nominations';
import { FormModal } from '../../../kit/form-modal';
import { isApiError } from '../../../lib/api-client';
import { useLang, useT } from '../../../lib/i18n';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import {
  type JoinRequest,
  useAcceptJoinRequest,
  useDeclineJoinRequest,
  useJoinCheck,
} from '../api/self-service';
import { selfServiceMessages } from '../messages';

function RequestSummary({ r }: { r: JoinRequest }) {
  return (
    <Typography.Paragraph>
      <b>{r.person.fullName}</b> ({r.person.unitName}) · <b>{r.class.code}</b> {r.class.name}
      {r.note ? (
        <>
          <br />
          <Typography.Text type="secondary">“{r.note}”</Typography.Text>
        </>
      ) : null}
    </Typography.Paragraph>
  );
}

/**
 * Accept: read the nominations check first (seat or waitlist, warnings), then send. Warnings that
 * appear only on sending (409 NEEDS_CONFIRMATION) are shown and need a second, explicit click.
 */
export function AcceptModal({ request, onClose }: { request: JoinRequest; onClose: () => void }) {
  const t = useT(selfServiceMessages);
  const [lang] = useLang();
  const check = useJoinCheck(request);
  const accept = useAcceptJoinRequest();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const [late, setLate] = useState<NominationWarning[] | null>(null);
  const warnings = late ?? check.data?.warnings ?? [];
  const vars = { name: request.person.fullName, code: request.class.code };

  const submit = async () => {
    try {
      await accept.mutateAsync({ id: request.id, confirm: warnings.length > 0 });
      message.success(t('accepted', vars));
      onClose();
    } catch (err) {
      const details = isApiError(err, 'NEEDS_CONFIRMATION')
        ? (err.details as { warnings?: NominationWarning[] })
        : null;
      if (details?.warnings) setLate(details.warnings);
      else onError(err);
    }
  };

  // Not a form (no field to fill): a confirm that shows the nominations check, so it stays a Modal.
  return (
    <Modal
      open
      title={t('acceptTitle', vars)}
      okText={warnings.length ? t('acceptAnyway') : t('accept')}
      cancelText={t('cancel')}
      onOk={submit}
      onCancel={onClose}
      okButtonProps={{ disabled: check.isFetching || !!check.error }}
      confirmLoading={accept.isPending}
      destroyOnHidden
    >
      <RequestSummary r={request} />
      {check.isFetching ? (
        <Flex gap={8} align="center" style={{ marginBottom: 12 }}>
          <Spin size="small" /> {t('checking')}
        </Flex>
      ) : check.error ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={isApiError(check.error) ? check.error.message : String(check.error)}
        />
      ) : check.data ? (
        <Alert
          type={check.data.outcome === 'seat' ? 'success' : 'info'}
          showIcon
          style={{ marginBottom: 12 }}
          title={check.data.outcome === 'seat' ? t('outcomeSeat') : t('outcomeWaitlist')}
        />
      ) : null}
      {warnings.length ? (
        <Alert
          type="warning"
          showIcon
          title={t('warningsTitle')}
          description={
            <>
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {warnings.map((w) => (
                  <li key={`${w.code}:${w.vi}`}>{w[lang]}</li>
                ))}
              </ul>
              <Typography.Text type="secondary">{t('warningsHint')}</Typography.Text>
            </>
          }
        />
      ) : null}
    </Modal>
  );
}

/** Decline with the reason the learner will read. */
export function DeclineModal({ request, onClose }: { request: JoinRequest; onClose: () => void }) {
  const t = useT(selfServiceMessages);
  const decline = useDeclineJoinRequest();
  const { message } = App.useApp();

  const submit = async ({ reason }: { reason: string }) => {
    await decline.mutateAsync({ id: request.id, reason: reason.trim() });
    message.success(t('declined'));
  };

  return (
    <FormModal<{ reason: string }>
      title={t('declineTitle', { name: request.person.fullName, code: request.class.code })}
      okText={t('decline')}
      okButtonProps={{ danger: true }}
      onClose={onClose}
      submit={submit}
      intro={<RequestSummary r={request} />}
    >
      <Form.Item
        name="reason"
        label={t('declineReason')}
        rules={[{ required: true, whitespace: true, message: t('reasonRequired') }, { max: 1000 }]}
      >
        <Input.TextArea rows={3} maxLength={1000} autoFocus />
      </Form.Item>
    </FormModal>
  );
}
