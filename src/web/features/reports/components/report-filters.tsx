import { Form, InputNumber, Row, Select } from 'antd';
import { ORG_LEVEL_LABELS, ORG_LEVELS } from '../../../../contracts/reports';
import { CodeSelect } from '../../../components/code-select';
import { DateInput } from '../../../components/date-input';
import { UnitTreeSelect } from '../../../components/unit-tree-select';
import { Field } from '../../../kit/field';
import { useMe } from '../../../lib/auth';
import { useLang, useT } from '../../../lib/i18n';
import type { ReportFilterKey } from '../catalog';
import { reportsMessages } from '../messages';
import { LayoutSelect } from './layout-select';

export type FilterValues = Record<string, string | undefined>;

interface Props {
  keys: ReportFilterKey[];
  values: FilterValues;
  onChange: (patch: FilterValues) => void;
}

/** The filters a report understands, bound to the URL by the page (so a report can be linked). */
export function ReportFilters({ keys, values, onChange }: Props) {
  const t = useT(reportsMessages);
  const [lang] = useLang();
  const me = useMe();
  const has = (k: ReportFilterKey) => keys.includes(k);
  const item = { style: { marginBottom: 12 } };
  return (
    <Form layout="vertical" component="div" role="search" aria-label={t('filtersLabel')} className="no-print">
      <Row gutter={[12, 0]} align="bottom">
        {has('unit') ? (
          <Field xs={24} md={12} xl={8} label={t('unit')} htmlFor="report-unit" {...item}>
            <UnitTreeSelect
              id="report-unit"
              allowClear={false}
              value={values.unitId ? Number(values.unitId) : me.scopeUnitId}
              onChange={(v) =>
                onChange({ unitId: typeof v === 'number' && v !== me.scopeUnitId ? String(v) : undefined })
              }
            />
          </Field>
        ) : null}
        {has('year') ? (
          <Field xs={12} md={4} xl={3} label={t('year')} htmlFor="report-year" {...item}>
            <InputNumber
              id="report-year"
              min={1990}
              max={2100}
              style={{ width: '100%' }}
              value={values.year ? Number(values.year) : null}
              onChange={(v) => onChange({ year: v ? String(v) : undefined })}
            />
          </Field>
        ) : null}
        {has('period') ? (
          <>
            <Field xs={12} md={5} xl={4} label={t('from')} htmlFor="report-from" {...item}>
              <DateInput
                id="report-from"
                value={values.from ?? null}
                onChange={(v) => onChange({ from: v ?? undefined })}
              />
            </Field>
            <Field xs={12} md={5} xl={4} label={t('to')} htmlFor="report-to" {...item}>
              <DateInput
                id="report-to"
                value={values.to ?? null}
                onChange={(v) => onChange({ to: v ?? undefined })}
              />
            </Field>
          </>
        ) : null}
        {has('asOf') ? (
          <Field xs={12} md={5} xl={4} label={t('asOf')} htmlFor="report-as-of" {...item}>
            <DateInput
              id="report-as-of"
              value={values.asOf ?? null}
              onChange={(v) => onChange({ asOf: v ?? undefined })}
            />
          </Field>
        ) : null}
        {has('layout') ? (
          <Field xs={24} md={12} xl={8} label={t('layout')} htmlFor="report-layout" {...item}>
            <LayoutSelect
              id="report-layout"
              value={values.layout ? Number(values.layout) : null}
              onChange={(v) => onChange({ layout: v === null ? undefined : String(v) })}
            />
          </Field>
        ) : null}
        {has('category') ? (
          <Field xs={12} md={6} xl={4} label={t('category')} htmlFor="report-category" {...item}>
            <CodeSelect
              id="report-category"
              list="category"
              placeholder={t('anyCategory')}
              value={values.category ?? null}
              onChange={(v) => onChange({ category: v ?? undefined })}
            />
          </Field>
        ) : null}
        {has('postGroup') ? (
          <Field xs={12} md={6} xl={4} label={t('postGroup')} htmlFor="report-post-group" {...item}>
            <CodeSelect
              id="report-post-group"
              list="post_group"
              placeholder={t('anyPostGroup')}
              value={values.postGroup ?? null}
              onChange={(v) => onChange({ postGroup: v ?? undefined })}
            />
          </Field>
        ) : null}
        {has('level') ? (
          <Field xs={12} md={6} xl={4} label={t('level')} htmlFor="report-level" {...item}>
            <Select
              id="report-level"
              allowClear
              placeholder={t('anyLevel')}
              value={values.level ?? null}
              options={ORG_LEVELS.map((l) => ({ value: l, label: ORG_LEVEL_LABELS[l][lang] }))}
              onChange={(v) => onChange({ level: v ?? undefined })}
            />
          </Field>
        ) : null}
      </Row>
    </Form>
  );
}
