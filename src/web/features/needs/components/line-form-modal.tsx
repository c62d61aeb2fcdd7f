import { App, Form, Input, InputNumber, Radio, Row, Select } from 'antd';
import { useMemo, useState } from 'react';
import { CodeSelect } from '../../../components/code-select';
import { Field } from '../../../kit/field';
import { FormModal } from '../../../kit/form-modal';
import { useCodes } from '../../../lib/codes';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { type NeedsLine, useAddLine, useUnitPeopleSearch, useUpdateLine } from '../api/needs';
import { levelListOfProgramme } from '../needs-logic';
import { useNeedsT } from './needs-tags';

interface Values {
  programmeKind: string | null;
  level: string | null;
  personId: number | null;
  quantity: number;
  priority: number;
  note: string | null;
}

/** Add a need line, or edit one the unit wrote (pre-filled from a gap or added by hand). */
export function LineFormModal({
  proposalId,
  unitId,
  unitName,
  editing,
  onClose,
}: {
  proposalId: number;
  unitId: number;
  unitName: string;
  editing?: NeedsLine;
  onClose: () => void;
}) {
  const t = useNeedsT();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('programmeKind', form);
  const personId = Form.useWatch('personId', form);
  const codes = useCodes();
  const levelList = levelListOfProgramme(kind);
  const hasLevels = !!levelList && (codes.data?.[levelList]?.length ?? 0) > 0;
  const add = useAddLine(proposalId);
  const update = useUpdateLine(proposalId);
  const { message } = App.useApp();

  const submit = async (v: Values) => {
    const body = {
      programmeKind: v.programmeKind!,
      level: hasLevels ? (v.level ?? null) : null,
      personId: v.personId ?? null,
      quantity: v.personId ? 1 : v.quantity,
      priority: v.priority,
      note: v.note?.trim() || null,
    };
    if (editing) await update.mutateAsync({ lineId: editing.id, body });
    else await add.mutateAsync(body);
    message.success(editing ? t('lineUpdated') : t('lineAdded'));
  };

  return (
    <FormModal
      title={editing ? t('editLineTitle') : t('addLineTitle')}
      width={640}
      mask={{ closable: false }}
      onClose={onClose}
      form={form}
      submit={submit}
      initialValues={
        editing
          ? {
              programmeKind: editing.programmeKind,
              level: editing.level,
              personId: editing.personId,
              quantity: editing.quantity,
              priority: editing.priority,
              note: editing.note,
            }
          : { priority: 2, quantity: 1, personId: null }
      }
      formProps={{
        onValuesChange: (changed: Partial<Values>) => {
          // Levels belong to a programme: a new programme empties the level.
          if ('programmeKind' in changed) form.setFieldValue('level', null);
          if (changed.personId) form.setFieldValue('quantity', 1);
        },
      }}
    >
      <Row gutter={16}>
        <Field xs={24} sm={12} name="programmeKind" label={t('programme')} required={t('required')}>
          <CodeSelect list="programme_kind" allowClear={false} />
        </Field>
        <Field xs={24} sm={12} name="level" label={t('level')}>
          <CodeSelect
            list={hasLevels ? levelList : null}
            disabled={!hasLevels}
            placeholder={!kind ? t('levelPickProgramme') : hasLevels ? undefined : t('levelNone')}
          />
        </Field>
        <Field span={24} name="personId" label={t('person')} extra={t('personHelp', { unit: unitName })}>
          <UnitPersonPicker unitId={unitId} initial={editing} />
        </Field>
        <Field
          xs={24}
          sm={8}
          name="quantity"
          label={t('people')}
          extra={personId ? t('quantityNamed') : undefined}
          required={t('required')}
        >
          <InputNumber min={1} max={100_000} disabled={!!personId} style={{ width: '100%' }} />
        </Field>
        <Field xs={24} sm={16} name="priority" label={t('priority')}>
          <Radio.Group
            optionType="button"
            options={[1, 2, 3].map((p) => ({ value: p, label: t(`priority_${p}`) }))}
          />
        </Field>
        <Field span={24} name="note" label={t('note')} rules={[{ max: 1000 }]}>
          <Input.TextArea rows={2} />
        </Field>
      </Row>
    </FormModal>
  );
}

/** Search the working people of the proposing unit and below (server search, accents optional). */
function UnitPersonPicker({
  id,
  value,
  onChange,
  unitId,
  initial,
}: {
  id?: string;
  value?: number | null;
  onChange?: (v: number | null) => void;
  unitId: number;
  initial?: NeedsLine;
}) {
  const t = useNeedsT();
  const [q, setQ] = useState('');
  const debounced = useDebouncedValue(q, 300);
  const { data, isFetching } = useUnitPeopleSearch(unitId, debounced.trim());
  const options = useMemo(() => {
    const list = (data ?? []).map((p) => ({
      value: p.id,
      label: `${p.fullName} — ${[p.post, p.unitName].filter(Boolean).join(', ')}`,
    }));
    if (value && initial?.personId === value && !list.some((o) => o.value === value))
      list.unshift({ value, label: initial.personName ?? String(value) });
    return list;
  }, [data, value, initial]);
  return (
    <Select
      id={id}
      value={value ?? undefined}
      onChange={(v) => onChange?.((v as number | undefined) ?? null)}
      options={options}
      placeholder={t('personPlaceholder')}
      allowClear
      loading={isFetching}
      showSearch={{ filterOption: false, onSearch: setQ }}
      style={{ width: '100%' }}
    />
  );
}
