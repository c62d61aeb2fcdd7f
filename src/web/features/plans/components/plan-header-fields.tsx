import { Form, Input, Select } from 'antd';
import { useT } from '../../../lib/i18n';
import { plansMessages } from '../messages';

/** A plan's title, multi-year programme and note: the fields creating and editing a plan share. */
export function PlanHeaderFields({
  programmes,
  noteRows,
}: {
  programmes: { id: number; code: string; name: string }[] | undefined;
  noteRows: number;
}) {
  const t = useT(plansMessages);
  return (
    <>
      <Form.Item
        name="title"
        label={t('planTitle')}
        rules={[{ required: true, whitespace: true, message: t('required') }]}
      >
        <Input maxLength={400} />
      </Form.Item>
      <Form.Item name="multiyearId" label={t('multiyear')}>
        <Select
          allowClear
          placeholder={t('multiyearNone')}
          showSearch={{ optionFilterProp: 'label' }}
          options={(programmes ?? []).map((m) => ({ value: m.id, label: `${m.code} – ${m.name}` }))}
        />
      </Form.Item>
      <Form.Item name="note" label={t('note')}>
        <Input.TextArea rows={noteRows} maxLength={2000} />
      </Form.Item>
    </>
  );
}
