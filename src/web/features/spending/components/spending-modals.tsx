import { Form, Input, InputNumber, Row } from 'antd';
import { CodeSelect } from '../../../components/code-select';
import { DateInput } from '../../../components/date-input';
import { Field } from '../../../kit/field';
import { FormModal } from '../../../kit/form-modal';
import { blank } from '../../../kit/form-values';
import { useT } from '../../../lib/i18n';
import { type SpendingLine, useSaveLine, useSettle } from '../api/spending';
import { spendingMessages } from '../messages';

interface LineValues {
  item: string;
  fundingSource: string;
  amount: number;
  spentOn: string;
  note: string | null;
}

const amountInput = (
  <InputNumber<number>
    min={0}
    step={1000}
    style={{ width: '100%' }}
    formatter={(v) => (v == null ? '' : Number(v).toLocaleString('vi-VN'))}
    parser={(v) => Number((v ?? '').replace(/\D/g, ''))}
  />
);

/** Add or change one spending line (item of the dated list, funding source, amount, day). */
export function SpendingLineModal({
  classId,
  editing,
  defaultDay,
  onClose,
}: {
  classId: number;
  editing?: SpendingLine;
  defaultDay: string;
  onClose: () => void;
}) {
  const t = useT(spendingMessages);
  const save = useSaveLine(classId);
  return (
    <FormModal<LineValues>
      title={editing ? t('editTitle') : t('addTitle')}
      onClose={onClose}
      success={t('saved')}
      initialValues={editing ?? { spentOn: defaultDay }}
      submit={(v) =>
        save.mutateAsync({
          lineId: editing?.id ?? null,
          body: { ...v, note: blank(v.note) },
        })
      }
    >
      <Row gutter={12}>
        <Field span={12} name="item" label={t('item')} required={t('required')}>
          <CodeSelect list="spending_item" allowClear={false} />
        </Field>
        <Field span={12} name="fundingSource" label={t('fundingSource')} required={t('required')}>
          <CodeSelect list="funding_source" allowClear={false} />
        </Field>
      </Row>
      <Row gutter={12}>
        <Field span={12} name="amount" label={t('amount')} required={t('required')}>
          {amountInput}
        </Field>
        <Field span={12} name="spentOn" label={t('spentOn')} required={t('required')}>
          <DateInput />
        </Field>
      </Row>
      <Form.Item name="note" label={t('note')}>
        <Input maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}

interface SettleValues {
  number: string;
  settledOn: string;
  settledTotal: number | null;
  note: string | null;
}

/** Settle the class: number, date, settled total (default the actual total); locks the lines. */
export function SettleModal({
  classId,
  actualTotal,
  today,
  onClose,
}: {
  classId: number;
  actualTotal: number;
  today: string;
  onClose: () => void;
}) {
  const t = useT(spendingMessages);
  const settle = useSettle(classId);
  return (
    <FormModal<SettleValues>
      title={t('settleTitle')}
      intro={t('settleHelp')}
      okText={t('settle')}
      onClose={onClose}
      success={t('settledDone')}
      initialValues={{ settledOn: today, settledTotal: actualTotal }}
      submit={(v) =>
        settle.mutateAsync({
          number: v.number,
          settledOn: v.settledOn,
          settledTotal: v.settledTotal ?? undefined,
          note: blank(v.note),
        })
      }
    >
      <Row gutter={12}>
        <Field span={12} name="number" label={t('number')} required={t('required')}>
          <Input maxLength={100} placeholder="15/QT-SNV" />
        </Field>
        <Field span={12} name="settledOn" label={t('settledOn')} required={t('required')}>
          <DateInput />
        </Field>
      </Row>
      <Form.Item name="settledTotal" label={t('settledTotal')}>
        {amountInput}
      </Form.Item>
      <Form.Item name="note" label={t('note')}>
        <Input maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}
