/**
 * The approving decision in a form (ADR 038, 044): number, date, signer and title, used by the
 * plan approval, the needs proposal acceptance and the nomination approval. The server checks
 * them (a digit in the number, a date not after today) and requires them where the province's
 * policy approvals.decision_required says so; `decisionOf` turns the form's values into the body.
 */
import { Input, Row } from 'antd';
import type { ReactNode } from 'react';
import { Field } from '../kit/field';
import { formatDate } from '../lib/dates';
import { defineMessages, useT } from '../lib/i18n';
import { DateInput } from './date-input';

const messages = defineMessages(
  {
    decisionNo: 'Số quyết định',
    decisionNoHelp: 'Ví dụ: 245/QĐ-UBND',
    decisionDate: 'Ngày quyết định',
    signerName: 'Người ký',
    signerTitle: 'Chức vụ người ký',
    signerTitlePlaceholder: 'Ví dụ: Chủ tịch UBND xã',
    decisionText: 'Quyết định số {no} ngày {date}, {signer} ký',
  },
  {
    decisionNo: 'Decision number',
    decisionNoHelp: 'For example 245/QĐ-UBND',
    decisionDate: 'Decision date',
    signerName: 'Signed by',
    signerTitle: "Signer's title",
    signerTitlePlaceholder: "For example Chair of the commune People's Committee",
    decisionText: 'Decision no. {no} of {date}, signed by {signer}',
  },
);

export interface DecisionValues {
  decisionNo?: string;
  decisionDate?: string | null;
  signerName?: string;
  signerTitle?: string;
}

const blank = (s?: string) => (s?.trim() ? s.trim() : undefined);

/** The request fields of the decision typed in the form (empty ones left out). */
export function decisionOf(v: DecisionValues) {
  return {
    decisionNo: blank(v.decisionNo),
    decisionDate: v.decisionDate ?? undefined,
    signerName: blank(v.signerName),
    signerTitle: blank(v.signerTitle),
  };
}

/** The four fields in a row of two columns; `children` adds more fields to the row. */
export function DecisionFormFields({ children }: { children?: ReactNode }) {
  const t = useT(messages);
  return (
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
      {children}
    </Row>
  );
}

/** "Quyết định số 245/QĐ-UBND ngày 18/11/2026, Chủ tịch UBND xã Nguyễn Văn Ký ký"; null when none. */
export function DecisionText({
  d,
}: {
  d: {
    decisionNo: string | null;
    decisionDate: string | null;
    signerName: string | null;
    signerTitle: string | null;
  };
}) {
  const t = useT(messages);
  if (!d.decisionNo && !d.signerName) return null;
  return (
    <>
      {t('decisionText', {
        no: d.decisionNo ?? '—',
        date: d.decisionDate ? formatDate(d.decisionDate) : '—',
        signer: [d.signerTitle, d.signerName].filter(Boolean).join(' ') || '—',
      })}
    </>
  );
}
