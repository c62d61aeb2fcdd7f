import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Flex, Form, Input, Row, Spin, Steps, Tabs, Transfer, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { foldText } from '../../../../contracts/text';
import { CodeSelect } from '../../../components/code-select';
import { DateInput } from '../../../components/date-input';
import { QueryErrorResult } from '../../../components/results';
import { Field } from '../../../kit/field';
import { todayIso } from '../../../lib/dates';
import { useT } from '../../../lib/i18n';
import { type SplitResult, useSplitUnit, useUnitPeople } from '../api/org';
import { orgMessages } from '../messages';
import { type UnitActionProps, UnitFormModal } from './unit-form-parts';

interface Part {
  name?: string;
  code?: string;
  kind?: string;
}
interface Values {
  parts: Part[];
  effectiveDate: string;
  note?: string;
}

interface PersonItem {
  key: string;
  title: string;
  description: string;
  search: string;
  disabled: boolean;
}

/**
 * Split a unit into 2+ new units. Step 1 names the parts; step 2 says who goes where: one
 * transfer list per part from the second on (everyone not picked goes to part 1).
 */
export function SplitUnitModal({ unit, onClose, onDone }: UnitActionProps) {
  const t = useT(orgMessages);
  const [form] = Form.useForm<Values>();
  const [step, setStep] = useState(0);
  const [parts, setParts] = useState<Part[]>([]);
  const [activePart, setActivePart] = useState('1');
  /** personId -> index of the part (>= 1) they go to. */
  const [assigned, setAssigned] = useState<Map<number, number>>(new Map());
  const people = useUnitPeople(unit.id, unit.peopleCount > 0);
  const split = useSplitUnit();

  const partName = (i: number) => parts[i]?.name?.trim() || t('partN', { n: i + 1 });

  /** Step 1 checks the parts and moves on (nothing sent yet); step 2 sends the split. */
  const submit = async () => {
    const v = form.getFieldsValue(true) as Values;
    if (step === 0) {
      setParts(v.parts);
      // Forget picks for parts that were removed meanwhile.
      setAssigned((prev) => new Map([...prev].filter(([, i]) => i < v.parts.length)));
      if (Number(activePart) >= v.parts.length) setActivePart('1');
      setStep(1);
      return false;
    }
    const body = {
      effectiveDate: v.effectiveDate,
      note: v.note?.trim() || null,
      parts: v.parts.map((p, i) => ({
        name: p.name ?? '',
        code: p.code?.trim() || null,
        kind: p.kind || undefined,
        personIds: [...assigned].filter(([, part]) => part === i).map(([id]) => id),
      })),
    };
    return split.mutateAsync({ id: unit.id, body });
  };

  const items = useMemo<PersonItem[]>(
    () =>
      (people.data ?? []).map((p) => ({
        key: String(p.id),
        title: p.fullName,
        description: p.post ?? '',
        search: foldText(`${p.fullName} ${p.post ?? ''}`),
        disabled: false,
      })),
    [people.data],
  );

  const transferFor = (partIndex: number) => {
    const data = items.map((it) => {
      const other = assigned.get(Number(it.key));
      return other !== undefined && other !== partIndex
        ? {
            ...it,
            disabled: true,
            description: `${it.description} ${t('assignedElsewhere', { n: other + 1 })}`.trim(),
          }
        : it;
    });
    const targetKeys = [...assigned].filter(([, i]) => i === partIndex).map(([id]) => String(id));
    return (
      <Transfer<PersonItem>
        dataSource={data}
        targetKeys={targetKeys}
        onChange={(next) => {
          const nextSet = new Set(next.map(String));
          setAssigned((prev) => {
            const m = new Map(prev);
            for (const [id, i] of prev) if (i === partIndex && !nextSet.has(String(id))) m.delete(id);
            for (const k of nextSet) m.set(Number(k), partIndex);
            return m;
          });
        }}
        titles={[
          t('staysInFirst', { name: partName(0) }),
          t('goesTo', { n: partIndex + 1, name: partName(partIndex) }),
        ]}
        render={(it) => (
          <span>
            {it.title}
            {it.description ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {' '}
                · {it.description}
              </Typography.Text>
            ) : null}
          </span>
        )}
        showSearch={{ placeholder: t('searchPeople') }}
        filterOption={(input, it) => it.search.includes(foldText(input))}
        // A Transfer's own pager (two picking lists), not a list page's table.
        pagination={{ pageSize: 50 }}
        styles={{ section: { flex: '1 1 0', width: 'auto', minWidth: 0, height: 380 } }}
        style={{ width: '100%' }}
      />
    );
  };

  return (
    <UnitFormModal<Values, SplitResult>
      title={t('splitTitle', { name: unit.name })}
      onClose={onClose}
      width={960}
      form={form}
      submit={submit}
      success={(r) => t('splitDone', { n: r.parts.length, m: r.movedPeople })}
      onDone={(r) => {
        if (r.parts[0]) onDone(r.parts[0].id);
      }}
      onFailed={() => setStep(0)}
      okText={step === 0 ? t('next') : t('actSplit')}
      footer={(_, { OkBtn, CancelBtn }) => (
        <Flex justify="end" gap={8}>
          <CancelBtn />
          {step === 1 ? <Button onClick={() => setStep(0)}>{t('back')}</Button> : null}
          <OkBtn />
        </Flex>
      )}
      initialValues={{ effectiveDate: todayIso(), parts: [{ kind: unit.kind }, { kind: unit.kind }] }}
      intro={
        <>
          <Steps
            size="small"
            current={step}
            style={{ marginBottom: 16 }}
            items={[{ title: t('splitStepParts') }, { title: t('splitStepPeople') }]}
          />
          <Alert type="warning" showIcon title={t('splitHelp')} style={{ marginBottom: 16 }} />
        </>
      }
    >
      <div style={{ display: step === 0 ? 'block' : 'none' }}>
        <Form.List
          name="parts"
          rules={[
            {
              validator: (_, value: Part[] | undefined) =>
                value && value.length >= 2
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('atLeastTwoParts'))),
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map((field, i) => (
                <Row gutter={12} key={field.key} align="top">
                  <Field
                    xs={24}
                    md={11}
                    name={[field.name, 'name']}
                    label={t('partName', { n: i + 1 })}
                    rules={[{ required: true, whitespace: true, message: t('required') }, { max: 200 }]}
                  >
                    <Input />
                  </Field>
                  <Field
                    xs={12}
                    md={5}
                    name={[field.name, 'code']}
                    label={t('partCode', { n: i + 1 })}
                    rules={[{ max: 20 }]}
                  >
                    <Input />
                  </Field>
                  <Field xs={10} md={7} name={[field.name, 'kind']} label={t('partKind', { n: i + 1 })}>
                    <CodeSelect list="unit_kind" />
                  </Field>
                  <Col xs={2} md={1} style={{ paddingTop: 30 }}>
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      disabled={fields.length <= 2}
                      aria-label={t('removePart', { n: i + 1 })}
                      onClick={() => remove(field.name)}
                    />
                  </Col>
                </Row>
              ))}
              <Form.ErrorList errors={errors} />
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ kind: unit.kind })}
                disabled={fields.length >= 20}
              >
                {t('addPart')}
              </Button>
            </>
          )}
        </Form.List>
        <Row gutter={12} style={{ marginTop: 16 }}>
          <Field xs={24} sm={8} name="effectiveDate" label={t('effectiveDate')} required={t('required')}>
            <DateInput allowClear={false} />
          </Field>
          <Field xs={24} sm={16} name="note" label={t('note')} rules={[{ max: 500 }]}>
            <Input.TextArea rows={1} autoSize={{ minRows: 1, maxRows: 4 }} />
          </Field>
        </Row>
      </div>
      {step === 1 ? (
        unit.peopleCount === 0 ? (
          <Alert type="info" showIcon title={t('noPeople')} />
        ) : people.error ? (
          <QueryErrorResult error={people.error} onRetry={() => people.refetch()} />
        ) : people.isPending ? (
          <Flex justify="center" style={{ padding: 32 }}>
            <Spin />
          </Flex>
        ) : (
          <>
            <Typography.Paragraph type="secondary">
              {t('peopleLoaded', { n: items.length })}
            </Typography.Paragraph>
            <Tabs
              activeKey={activePart}
              onChange={setActivePart}
              items={parts.slice(1).map((_, j) => ({
                key: String(j + 1),
                label: `${t('partN', { n: j + 2 })}: ${partName(j + 1)}`,
                children: transferFor(j + 1),
              }))}
            />
          </>
        )
      ) : null}
    </UnitFormModal>
  );
}
