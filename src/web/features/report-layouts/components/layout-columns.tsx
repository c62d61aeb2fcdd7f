import { Form, Input, Select } from 'antd';
import { LAYOUT_MEASURE_LABELS, LAYOUT_MEASURES } from '../../../../contracts/report-layouts';
import { CodeSelect } from '../../../components/code-select';
import { Field } from '../../../kit/field';
import { useLang, useT } from '../../../lib/i18n';
import { layoutsMessages } from '../messages';
import { LayoutItems } from './layout-items';

/** The measure's own fields: a qualification kind and level, or a programme kind and level. */
function MeasureFields({ name }: { name: number }) {
  const t = useT(layoutsMessages);
  const measure = Form.useWatch(['columns', name, 'measure', 'measure']);
  const kind = Form.useWatch(['columns', name, 'measure', 'kind']);
  const programmeKind = Form.useWatch(['columns', name, 'measure', 'programmeKind']);
  const required = [{ required: true, message: t('required') }];
  if (measure === 'holds')
    return (
      <>
        <Field xs={12} md={6} name={[name, 'measure', 'kind']} label={t('qualKind')} rules={required}>
          <CodeSelect list="qualification_kind" />
        </Field>
        <Field xs={12} md={6} name={[name, 'measure', 'minLevel']} label={t('minLevel')} rules={required}>
          <CodeSelect list={kind ? `level_${kind}` : null} />
        </Field>
      </>
    );
  if (measure === 'trained')
    return (
      <>
        <Field
          xs={12}
          md={6}
          name={[name, 'measure', 'programmeKind']}
          label={t('programmeKind')}
          rules={required}
        >
          <CodeSelect list="programme_kind" />
        </Field>
        <Field xs={12} md={6} name={[name, 'measure', 'level']} label={t('programmeLevel')}>
          <CodeSelect list={programmeKind ? `level_${programmeKind}` : null} />
        </Field>
      </>
    );
  if (measure === 'rated')
    return (
      <Field xs={12} md={6} name={[name, 'measure', 'minRating']} label={t('minRating')} rules={required}>
        <CodeSelect list="annual_rating" />
      </Field>
    );
  return null;
}

/** The columns of a layout: the group header above and the measure. */
export function LayoutColumnsEditor({ disabled }: { disabled: boolean }) {
  const t = useT(layoutsMessages);
  const [lang] = useLang();
  return (
    <LayoutItems
      name="columns"
      disabled={disabled}
      addLabel={t('addColumn')}
      blank={(n) => ({ key: `cot_${n}`, label: { vi: '', en: '' }, measure: { measure: 'staff' } })}
      fields={(name) => (
        <>
          <Field xs={12} md={6} name={[name, 'group', 'vi']} label={t('groupVi')}>
            <Input maxLength={200} />
          </Field>
          <Field xs={12} md={6} name={[name, 'group', 'en']} label={t('groupEn')}>
            <Input maxLength={200} />
          </Field>
          <Field
            xs={24}
            md={12}
            name={[name, 'measure', 'measure']}
            label={t('measure')}
            rules={[{ required: true }]}
          >
            <Select
              options={LAYOUT_MEASURES.map((m) => ({ value: m, label: LAYOUT_MEASURE_LABELS[m][lang] }))}
            />
          </Field>
          <MeasureFields name={name} />
        </>
      )}
    />
  );
}
