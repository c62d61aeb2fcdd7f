import { App, Col, Divider, Form, Input, Row, Select } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { BudgetInputs, budgetOf } from '../../../components/budget-inputs';
import { DateInput } from '../../../components/date-input';
import { FormModal } from '../../../kit/form-modal';
import { useLang, useT } from '../../../lib/i18n';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import {
  type DelegationDetail,
  useCreateDelegation,
  usePartnerOptions,
  useProgrammeOptions,
  useUpdateDelegation,
} from '../api/abroad';
import { abroadMessages } from '../messages';

interface Values {
  code: string;
  name: string;
  partnerInstitutionId: number;
  programmeId: number | null;
  country: string;
  departsOn: string | null;
  returnsOn: string | null;
  decisionNo: string | null;
  decisionDate: string | null;
  budget: Record<string, number | null>;
  note: string | null;
}

const blank = (s: string | null | undefined) => (s?.trim() ? s.trim() : null);

/** Form a delegation or edit one (until it is closed). */
export function DelegationFormModal({
  editing,
  onClose,
}: {
  editing?: DelegationDetail;
  onClose: () => void;
}) {
  const t = useT(abroadMessages);
  const [lang] = useLang();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const create = useCreateDelegation();
  const update = useUpdateDelegation(editing?.id ?? 0);
  const partners = usePartnerOptions();
  const [search, setSearch] = useState('');
  const programmes = useProgrammeOptions(useDebouncedValue(search, 300));
  const programmeOptions = [
    ...(editing?.programmeId ? [{ value: editing.programmeId, label: editing.programmeName ?? '' }] : []),
    ...(programmes.data?.items ?? [])
      .filter((p) => p.active && p.id !== editing?.programmeId)
      .map((p) => ({ value: p.id, label: `${p.code} – ${lang === 'vi' ? p.nameVi : p.nameEn}` })),
  ];

  const submit = async (v: Values) => {
    const body = {
      code: v.code.trim(),
      name: v.name.trim(),
      partnerInstitutionId: v.partnerInstitutionId,
      programmeId: v.programmeId ?? null,
      country: v.country.trim(),
      departsOn: v.departsOn!,
      returnsOn: v.returnsOn!,
      decisionNo: blank(v.decisionNo),
      decisionDate: v.decisionDate ?? null,
      budget: budgetOf(v.budget),
      note: blank(v.note),
    };
    if (editing) {
      await update.mutateAsync({ ...body, version: editing.version });
      message.success(t('saved'));
      return null;
    }
    const d = await create.mutateAsync(body);
    message.success(t('created', { code: d.code }));
    return d;
  };

  return (
    <FormModal
      onDone={(d) => d && navigate(`/abroad/${d.id}`)}
      width={760}
      title={editing ? t('editTitle', { code: editing.code }) : t('createTitle')}
      onClose={onClose}
      submit={submit}
      errorOptions={{ conflictMeansStale: !!editing }}
      initialValues={
        editing
          ? { ...editing, budget: editing.budget }
          : { country: '', budget: {}, programmeId: null, decisionNo: null, decisionDate: null }
      }
      formProps={{ requiredMark: true }}
    >
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item name="code" label={t('code')} rules={[{ required: true, message: t('required') }]}>
            <Input maxLength={40} placeholder="ĐNN-01/2026" />
          </Form.Item>
        </Col>
        <Col span={16}>
          <Form.Item name="name" label={t('name')} rules={[{ required: true, message: t('required') }]}>
            <Input maxLength={300} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="partnerInstitutionId"
            label={t('partner')}
            rules={[{ required: true, message: t('required') }]}
          >
            <Select
              options={partners.data ?? []}
              loading={partners.isPending}
              showSearch={{ optionFilterProp: 'label' }}
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="country" label={t('country')} rules={[{ required: true, message: t('required') }]}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="programmeId" label={t('programme')}>
            <Select
              allowClear
              placeholder={t('noProgramme')}
              options={programmeOptions}
              showSearch={{ filterOption: false, onSearch: setSearch }}
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="departsOn"
            label={t('departsOn')}
            rules={[{ required: true, message: t('required') }]}
          >
            <DateInput />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="returnsOn"
            label={t('returnsOn')}
            rules={[{ required: true, message: t('required') }]}
          >
            <DateInput />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="decisionNo" label={t('decisionNo')}>
            <Input maxLength={100} placeholder="123/QĐ-UBND" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="decisionDate" label={t('decisionDate')}>
            <DateInput />
          </Form.Item>
        </Col>
      </Row>
      <Divider titlePlacement="start" plain>
        {t('budget')}
      </Divider>
      <BudgetInputs />
      <Form.Item name="note" label={t('note')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}
