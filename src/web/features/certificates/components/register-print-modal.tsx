import { DatePicker, Flex, Form, Modal, Typography } from 'antd';
import { useState } from 'react';
import { buildQuery } from '../../../lib/api-client';
import { DATE_FORMAT, DATE_INPUT_FORMATS, toIsoDate } from '../../../lib/dates';
import { useT } from '../../../lib/i18n';
import type { Register } from '../api/certificates';
import { certificatesMessages } from '../messages';

/** The printed register of an institution (or unit) for a period: all its classes (ADR 053). */
export const registerPrintUrl = (
  id: number,
  from: string | null,
  to: string | null,
  format: 'pdf' | 'docx',
) =>
  `/api/documents/registers/${id}/print${buildQuery({ from: from ?? undefined, to: to ?? undefined, format })}`;

/** Asks the period (both ends optional) and offers the register as PDF or .docx. */
export function RegisterPrintModal({ register, onClose }: { register: Register; onClose: () => void }) {
  const t = useT(certificatesMessages);
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const wrong = from !== null && to !== null && from > to;
  return (
    <Modal
      open
      title={t('printRegisterTitle', { owner: register.ownerName })}
      onCancel={onClose}
      footer={null}
    >
      <Typography.Paragraph type="secondary">{t('printRegisterHelp')}</Typography.Paragraph>
      <Form layout="vertical">
        <Flex gap={12} wrap>
          <Form.Item label={t('periodFrom')} htmlFor="register-print-from">
            <DatePicker
              id="register-print-from"
              format={[DATE_FORMAT, ...DATE_INPUT_FORMATS]}
              onChange={(d) => setFrom(toIsoDate(d))}
            />
          </Form.Item>
          <Form.Item
            label={t('periodTo')}
            htmlFor="register-print-to"
            validateStatus={wrong ? 'error' : undefined}
            help={wrong ? t('periodWrong') : undefined}
          >
            <DatePicker
              id="register-print-to"
              format={[DATE_FORMAT, ...DATE_INPUT_FORMATS]}
              onChange={(d) => setTo(toIsoDate(d))}
            />
          </Form.Item>
        </Flex>
      </Form>
      {wrong ? null : (
        <Flex gap={16}>
          {(['pdf', 'docx'] as const).map((f) => (
            <a key={f} href={registerPrintUrl(register.id, from, to, f)} target="_blank" rel="noreferrer">
              {f === 'pdf' ? t('printRegisterPdf') : t('printRegisterDocx')}
            </a>
          ))}
        </Flex>
      )}
    </Modal>
  );
}
