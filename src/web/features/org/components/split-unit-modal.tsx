import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Col,
  Flex,
  Form,
  Input,
  Modal,
  Row,
  Spin,
  Steps,
  Tabs,
  Transfer,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { foldText } from '../../../../contracts/text';
import { CodeSelect } from '../../../components/code-select';
import { DateInput } from '../../../components/date-input';
import { QueryErrorResult } from '../../../components/results';
import { Field } from '../../../kit/field';
import { todayIso } from '../../../lib/dates';
import { useT } from '../../../lib/i18n';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { type UnitDetail, useSplitUnit, useUnitPeople } from '../api/org';
import { orgMessages } from '../messages';

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
export function SplitUnitModal({
  unit,
  onClose,
  onDone,
}: {
  unit: UnitDetail;
  onClose: () => void;
  onDone: (id: number) => void;
}) {
  const t = useT(orgMessages);
  const [form] = Form.useForm<Values>();
  const [step, setStep] = useState(0);
  const [parts, setParts] = useState<Part[]>([]);
  const [activePart, setActivePart] = useState('1');
  /** personId -> index of the part (>= 1) they go to. */
  const [assigned, setAssigned] = useState<Map<number, number>>(new Map());
  const people = useUnitPeople(unit.id, unit.peopleCount > 0);
  const split = useSplitUnit();
  const onError = useApiErrorHandler();
  const { message } = App.useApp();

  const partName = (i: number) => parts[i]?.name?.trim() || t('partN', { n: i + 1 });

  const goToPeople = async () => {
    const v = await form.validateFields();
    setParts(v.parts);
    // Forget picks for parts that were removed meanwhile.
    setAssigned((prev) => new Map([...prev].filter(([, i]) => i < v.parts.length)));
    if (Number(activePart) >= v.parts.length) setActivePart('1');
    setStep(1);
  };

  const submit = () => {
    const v = form.getFieldsValue(true) as Values;
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
    split.mutate(
      { id: unit.id, body },
      {
        onSuccess: (r) => {
          message.success(t('splitDone', { n: r.parts.length, m: r.movedPeople }));
          onClose();
          if (r.parts[0]) onDone(r.parts[0].id);
        },
        onError: (err) => {
          setStep(0);
          onError(err, { form });
        },
      },
    );
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
        pagination={{ pageSize: 50 }}
        styles={{ section: { flex: '1 1 0', width: 'auto', minWidth: 0, height: 380 } }}
        style={{ width: '100%' }}
      />
    );
  };

  return (
    <Modal
      open
      title={t('splitTitle', { name: unit.name })}
      onCancel={onClose}
      width={960}
      mask={{ closable: false }}
      footer={
        <Flex justify="end" gap={8}>
          <Button onClick={onClose}>{t('cancel')}</Button>
          {step === 1 ? <Button onClick={() => setStep(0)}>{t('back')}</Button> : null}
          {step === 0 ? (
            <Button type="primary" onClick={goToPeople}>
              {t('next')}
            </Button>
          ) : (
            <Button type="primary" loading={split.isPending} onClick={submit}>
              {t('actSplit')}
            </Button>
          )}
        </Flex>
      }
    >
      <Steps
        size="small"
        current={step}
        style={{ marginBottom: 16 }}
        items={[{ title: t('splitStepParts') }, { title: t('splitStepPeople') }]}
      />
      <Alert type="warning" showIcon title={t('splitHelp')} style={{ marginBottom: 16 }} />
      <div style={{ display: step === 0 ? 'block' : 'none' }}>
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{ effectiveDate: todayIso(), parts: [{ kind: unit.kind }, { kind: unit.kind }] }}
        >
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
        </Form>
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
    </Modal>
  );
}
