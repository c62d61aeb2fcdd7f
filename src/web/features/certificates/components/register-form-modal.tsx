import { App, Col, Form, Input, Radio, Row, Select, Switch, Typography } from 'antd';
import { formatCertificateNumber, patternProblem } from '../../../../contracts/certificates';
import { Field } from '../../../kit/field';
import { FormModal } from '../../../kit/form-modal';
import { useLang, useT } from '../../../lib/i18n';
import { type Register, useRegisterOwners, useSaveRegister } from '../api/certificates';
import { certificatesMessages } from '../messages';

interface Values {
  ownerKind: 'institution' | 'unit';
  institutionId?: number;
  orgUnitId?: number;
  pattern: string;
  schoolCode: string;
  governingBody?: string | null;
  issuerName: string;
  partyBody: boolean;
  place: string;
  signerName: string;
  signerTitle: string;
}

/** Open a register (for an institution or a unit) or change one. */
export function RegisterFormModal({ register, onClose }: { register?: Register; onClose: () => void }) {
  const t = useT(certificatesMessages);
  const [lang] = useLang();
  const [form] = Form.useForm<Values>();
  const save = useSaveRegister();
  const owners = useRegisterOwners(!register);
  const { message } = App.useApp();
  const ownerKind = Form.useWatch('ownerKind', form);
  const pattern = Form.useWatch('pattern', form) ?? register?.pattern ?? '';
  const school = Form.useWatch('schoolCode', form) ?? register?.schoolCode ?? '';
  const preview =
    pattern && !patternProblem(pattern)
      ? formatCertificateNumber(pattern, { school: school || '…', year: new Date().getFullYear(), seq: 1 })
      : null;

  const submit = async ({ ownerKind: kind, institutionId, orgUnitId, ...v }: Values) => {
    const body = register ? v : { ...v, ...(kind === 'institution' ? { institutionId } : { orgUnitId }) };
    await save.mutateAsync({ id: register?.id, body });
    message.success(t('registerSaved'));
  };

  const onOwner = (name: string | undefined) => {
    if (name && !form.getFieldValue('issuerName')) form.setFieldValue('issuerName', name);
  };
  const half = { xs: 24, sm: 12 };
  const required = [{ required: true, whitespace: true, message: t('required') }];
  return (
    <FormModal
      title={register ? t('editRegisterTitle', { owner: register.ownerName }) : t('createRegisterTitle')}
      width={720}
      mask={{ closable: false }}
      onClose={onClose}
      form={form}
      submit={submit}
      initialValues={
        register ?? { ownerKind: 'institution', pattern: '{school}/{year}/{seq:4}', partyBody: false }
      }
    >
      <Row gutter={16}>
        {!register ? (
          <>
            <Field span={24} name="ownerKind" label={t('ownerKind')}>
              <Radio.Group
                options={[
                  { value: 'institution', label: t('ownerInstitution') },
                  { value: 'unit', label: t('ownerUnit') },
                ]}
              />
            </Field>
            <Col span={24}>
              {ownerKind === 'unit' ? (
                <Field name="orgUnitId" label={t('owner')} required={t('required')}>
                  <Select
                    loading={owners.isPending}
                    options={owners.data?.units.map((u) => ({ value: u.id, label: u.name }))}
                    notFoundContent={t('noOwnerLeft')}
                    onChange={(id) => onOwner(owners.data?.units.find((u) => u.id === id)?.name)}
                  />
                </Field>
              ) : (
                <Field name="institutionId" label={t('owner')} required={t('required')}>
                  <Select
                    loading={owners.isPending}
                    options={owners.data?.institutions.map((i) => ({ value: i.id, label: i.name }))}
                    notFoundContent={t('noOwnerLeft')}
                    onChange={(id) => onOwner(owners.data?.institutions.find((i) => i.id === id)?.name)}
                  />
                </Field>
              )}
            </Col>
          </>
        ) : null}
        <Field
          {...half}
          name="pattern"
          label={t('pattern')}
          rules={[
            ...required,
            {
              validator: (_r, v: string) => {
                const p = v ? patternProblem(v) : null;
                return p ? Promise.reject(new Error(p[lang])) : Promise.resolve();
              },
            },
          ]}
          extra={preview ? t('preview', { number: preview }) : undefined}
        >
          <Input autoComplete="off" className="tabular" />
        </Field>
        <Field {...half} name="schoolCode" label={t('schoolCode')} rules={[...required, { max: 20 }]}>
          <Input autoComplete="off" />
        </Field>
        <Col span={24}>
          <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
            {t('patternHelp')}
          </Typography.Paragraph>
        </Col>
        <Field {...half} name="governingBody" label={t('governingBody')} rules={[{ max: 200 }]}>
          <Input autoComplete="off" />
        </Field>
        <Field {...half} name="issuerName" label={t('issuerName')} rules={[...required, { max: 200 }]}>
          <Input autoComplete="off" />
        </Field>
        <Field {...half} name="place" label={t('place')} rules={[...required, { max: 100 }]}>
          <Input autoComplete="off" />
        </Field>
        <Field {...half} name="partyBody" label={t('partyBody')} valuePropName="checked">
          <Switch />
        </Field>
        <Field {...half} name="signerName" label={t('signerName')} rules={[...required, { max: 120 }]}>
          <Input autoComplete="off" />
        </Field>
        <Field {...half} name="signerTitle" label={t('signerTitle')} rules={[...required, { max: 120 }]}>
          <Input autoComplete="off" />
        </Field>
      </Row>
    </FormModal>
  );
}
