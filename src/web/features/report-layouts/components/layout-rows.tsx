import { InputNumber, Select } from 'antd';
import { ORG_LEVEL_LABELS, ORG_LEVELS } from '../../../../contracts/reports';
import { DateInput } from '../../../components/date-input';
import { Field } from '../../../kit/field';
import { useLang, useT } from '../../../lib/i18n';
import { layoutsMessages } from '../messages';
import { CodeMultiSelect } from './code-multi-select';
import { LayoutItems } from './layout-items';

/** The rows of a layout: indent, the selector (empty lists = any) and the days the row is on the form. */
export function LayoutRowsEditor({ disabled }: { disabled: boolean }) {
  const t = useT(layoutsMessages);
  const [lang] = useLang();
  return (
    <LayoutItems
      name="rows"
      disabled={disabled}
      addLabel={t('addRow')}
      blank={(n) => ({ key: `dong_${n}`, depth: 0, label: { vi: '', en: '' }, selector: {} })}
      fields={(name) => (
        <>
          <Field xs={12} md={4} name={[name, 'depth']} label={t('depth')}>
            <InputNumber min={0} max={2} style={{ width: '100%' }} />
          </Field>
          <Field xs={24} md={5} name={[name, 'selector', 'category']} label={t('category')}>
            <CodeMultiSelect list="category" placeholder={t('any')} />
          </Field>
          <Field xs={24} md={5} name={[name, 'selector', 'level']} label={t('level')}>
            <Select
              mode="multiple"
              allowClear
              placeholder={t('any')}
              options={ORG_LEVELS.map((l) => ({ value: l, label: ORG_LEVEL_LABELS[l][lang] }))}
            />
          </Field>
          <Field xs={24} md={5} name={[name, 'selector', 'rank']} label={t('rank')}>
            <CodeMultiSelect list="rank" placeholder={t('any')} />
          </Field>
          <Field xs={24} md={5} name={[name, 'selector', 'leadershipTier']} label={t('tier')}>
            <CodeMultiSelect list="leadership_tier" placeholder={t('any')} />
          </Field>
          <Field xs={24} md={5} name={[name, 'selector', 'postGroup']} label={t('postGroup')}>
            <CodeMultiSelect list="post_group" placeholder={t('any')} />
          </Field>
          <Field xs={12} md={6} name={[name, 'validFrom']} label={t('rowValidFrom')}>
            <DateInput />
          </Field>
          <Field xs={12} md={6} name={[name, 'validTo']} label={t('rowValidTo')}>
            <DateInput />
          </Field>
        </>
      )}
    />
  );
}
