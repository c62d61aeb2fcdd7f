import { EditOutlined } from '@ant-design/icons';
import { Col, Input, Row, Switch, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { INSTITUTION_SORT_KEYS } from '../../../../contracts/institutions';
import { CodeSelect } from '../../../components/code-select';
import { UnitTreeSelect } from '../../../components/unit-tree-select';
import { Field } from '../../../kit/field';
import { FilterBar, FilterField } from '../../../kit/filter-bar';
import { ActiveFilter, SearchFilter } from '../../../kit/filters';
import { FormModal } from '../../../kit/form-modal';
import { ListHeader } from '../../../kit/list-header';
import { RowAction } from '../../../kit/row-action';
import { rowNumberColumn, ServerTable } from '../../../kit/server-table';
import { oneOf, oneOfOr, text } from '../../../kit/url-filters';
import { useUrlFilters } from '../../../kit/use-url-filters';
import { useCan } from '../../../lib/auth';
import { useCodeLabel } from '../../../lib/codes';
import { useT } from '../../../lib/i18n';
import { RatingsButton } from '../../feedback/components/ratings';
import { type Institution, useInstitutions, useSaveInstitution } from '../api/institutions';
import { institutionsMessages } from '../messages';

const FILTERS = {
  sort: oneOf(INSTITUTION_SORT_KEYS.flatMap((k) => [k, `-${k}`])),
  q: text(),
  kind: text(),
  active: oneOfOr(['true', 'false', 'all'] as const, 'true'),
};

/** "Cơ sở đào tạo": institutions with search, kind and status filters, and their form. */
export function InstitutionsPage() {
  const t = useT(institutionsMessages);
  const can = useCan();
  const label = useCodeLabel();
  const { filters, set, paging, offset } = useUrlFilters(FILTERS);
  const query = useInstitutions(filters);
  const [editing, setEditing] = useState<Institution | 'new' | null>(null);

  const columns: TableColumnsType<Institution> = [
    rowNumberColumn(t('stt'), offset),
    {
      title: t('name'),
      key: 'name',
      render: (_v, r) => (
        <>
          <Typography.Text strong>{r.name}</Typography.Text>
          {r.shortName ? <Typography.Text type="secondary"> ({r.shortName})</Typography.Text> : null}
          {r.orgUnitName ? (
            <div>
              <Tag color="blue">{r.orgUnitName}</Tag>
            </div>
          ) : null}
        </>
      ),
    },
    { title: t('kind'), dataIndex: 'kind', width: 220, render: (k: string) => label('institution_kind', k) },
    { title: t('address'), dataIndex: 'address', key: 'address', width: 260 },
    { title: t('phone'), dataIndex: 'phone', width: 140 },
    {
      title: t('lecturerCount'),
      dataIndex: 'lecturerCount',
      key: 'lecturerCount',
      width: 110,
      align: 'right',
    },
    {
      title: t('status'),
      dataIndex: 'active',
      width: 130,
      render: (a: boolean) =>
        a ? <Tag color="green">{t('onlyActive')}</Tag> : <Tag color="red">{t('onlyInactive')}</Tag>,
    },
    {
      title: t('actions'),
      key: 'actions',
      width: 96,
      fixed: 'right',
      render: (_v, r) => (
        <>
          <RatingsButton of="institutions" id={r.id} name={r.name} />
          {r.editable ? (
            <RowAction
              tip={t('editRow', { name: r.name })}
              icon={<EditOutlined />}
              label={t('editRow', { name: r.name })}
              onClick={() => setEditing(r)}
            />
          ) : null}
        </>
      ),
    },
  ];

  return (
    <>
      <ListHeader
        title={t('title')}
        subtitle={t('subtitle')}
        exportPath="/institutions/export.xlsx"
        filters={filters}
        add={can('catalogue.write') && { label: t('add'), onClick: () => setEditing('new') }}
      />
      <FilterBar filters={filters} set={set}>
        <SearchFilter
          xs={24}
          md={12}
          xl={8}
          id="institutions-q"
          label={t('searchLabel')}
          placeholder={t('searchPlaceholder')}
        />
        <FilterField xs={24} md={6} xl={6} label={t('kind')} htmlFor="institutions-kind">
          <CodeSelect
            id="institutions-kind"
            list="institution_kind"
            value={filters.kind}
            placeholder={t('all')}
            onChange={(v) => set({ kind: v ?? undefined })}
          />
        </FilterField>
        <ActiveFilter
          xs={24}
          md={6}
          xl={4}
          id="institutions-active"
          label={t('activeFilter')}
          texts={{ active: t('onlyActive'), inactive: t('onlyInactive'), all: t('all') }}
        />
      </FilterBar>
      <ServerTable<Institution>
        aria-label={t('title')}
        columns={columns}
        query={query}
        {...paging}
        sortKeys={INSTITUTION_SORT_KEYS}
        sort={filters.sort}
        onSortChange={(sort) => set({ sort })}
        scroll={{ x: 1100 }}
        locale={{ emptyText: t('noResults') }}
        showTotal={(total) => t('total', { n: total.toLocaleString('vi-VN') })}
      />
      {editing ? (
        <InstitutionFormModal
          institution={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </>
  );
}

interface Values {
  kind: string;
  name: string;
  shortName: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  contactPerson: string | null;
  orgUnitId: number | null;
  active: boolean;
}

function InstitutionFormModal({ institution, onClose }: { institution?: Institution; onClose: () => void }) {
  const t = useT(institutionsMessages);
  const save = useSaveInstitution();
  const half = { xs: 24, sm: 12 };
  return (
    <FormModal<Values>
      title={institution ? t('editTitle', { name: institution.name }) : t('createTitle')}
      onClose={onClose}
      submit={(v) =>
        save.mutateAsync({ id: institution?.id, body: { ...v, orgUnitId: v.orgUnitId ?? null } })
      }
      success={institution ? t('updated') : t('created')}
      width={720}
      mask={{ closable: false }}
      initialValues={institution ?? { active: true, orgUnitId: null }}
    >
      <Row gutter={16}>
        <Field
          span={24}
          name="name"
          label={t('name')}
          rules={[{ required: true, whitespace: true, message: t('required') }, { max: 300 }]}
        >
          <Input autoComplete="off" />
        </Field>
        <Field {...half} name="shortName" label={t('shortName')} rules={[{ max: 60 }]}>
          <Input autoComplete="off" />
        </Field>
        <Col {...half}>
          <Field name="kind" label={t('kind')} required={t('required')}>
            <CodeSelect list="institution_kind" />
          </Field>
        </Col>
        <Field span={24} name="address" label={t('address')} rules={[{ max: 500 }]}>
          <Input autoComplete="off" />
        </Field>
        <Field {...half} name="phone" label={t('phone')} rules={[{ max: 40 }]}>
          <Input autoComplete="off" />
        </Field>
        <Field {...half} name="email" label={t('email')} rules={[{ type: 'email' }]}>
          <Input autoComplete="off" />
        </Field>
        <Field {...half} name="website" label={t('website')} rules={[{ max: 300 }]}>
          <Input autoComplete="off" />
        </Field>
        <Field {...half} name="contactPerson" label={t('contactPerson')} rules={[{ max: 200 }]}>
          <Input autoComplete="off" />
        </Field>
        <Field span={24} name="orgUnitId" label={t('orgUnit')} extra={t('orgUnitHelp')}>
          <UnitTreeSelect />
        </Field>
        <Field span={24} name="active" label={t('activeLabel')} valuePropName="checked">
          <Switch />
        </Field>
      </Row>
    </FormModal>
  );
}
