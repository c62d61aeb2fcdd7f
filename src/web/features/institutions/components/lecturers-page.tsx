import { EyeOutlined } from '@ant-design/icons';
import { Button, Select, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { LECTURER_KIND_LABELS, LECTURER_KINDS } from '../../../../contracts/institutions';
import { FilterBar, FilterField } from '../../../kit/filter-bar';
import { ChoiceFilter, SearchFilter } from '../../../kit/filters';
import { ListHeader } from '../../../kit/list-header';
import { RowAction } from '../../../kit/row-action';
import { rowNumberColumn, ServerTable } from '../../../kit/server-table';
import { oneOf, positiveInt, text } from '../../../kit/url-filters';
import { useUrlFilters } from '../../../kit/use-url-filters';
import { useCan } from '../../../lib/auth';
import { useCodeLabel } from '../../../lib/codes';
import { useLang, useT } from '../../../lib/i18n';
import { type Lecturer, type LecturerDetail, useInstitutionOptions, useLecturers } from '../api/institutions';
import { institutionsMessages } from '../messages';
import { LecturerDrawer, LecturerFormModal } from './lecturer-dialogs';

const FILTERS = {
  q: text(),
  kind: oneOf(['internal', 'invited'] as const),
  institutionId: positiveInt(),
};

/** "Giảng viên": lecturers with search (name, workplace, subjects), kind and institution filters. */
export function LecturersPage() {
  const t = useT(institutionsMessages);
  const [lang] = useLang();
  const can = useCan();
  const label = useCodeLabel();
  const institutions = useInstitutionOptions();
  const { filters, set, paging, offset } = useUrlFilters(FILTERS);
  const query = useLecturers(filters);
  const [viewing, setViewing] = useState<number | null>(null);
  const [editing, setEditing] = useState<LecturerDetail | 'new' | null>(null);
  const year = new Date().getFullYear();

  const columns: TableColumnsType<Lecturer> = [
    rowNumberColumn(t('stt'), offset),
    {
      title: t('fullName'),
      key: 'name',
      width: 230,
      render: (_v, l) => (
        <Button
          type="link"
          style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
          onClick={() => setViewing(l.id)}
        >
          {l.academicTitle ? `${label('academic_title', l.academicTitle)} ` : ''}
          {l.fullName}
        </Button>
      ),
    },
    {
      title: t('lecturerKind'),
      dataIndex: 'kind',
      width: 200,
      render: (k: Lecturer['kind']) => (
        <Tag color={k === 'internal' ? 'blue' : 'default'}>{LECTURER_KIND_LABELS[k][lang]}</Tag>
      ),
    },
    {
      title: t('degree'),
      dataIndex: 'degree',
      width: 110,
      render: (d: string | null) => label('level_EDUCATION', d),
    },
    { title: t('workplace'), dataIndex: 'workplace', width: 260 },
    {
      title: t('subjects'),
      dataIndex: 'subjects',
      render: (s: string[]) => s.map((x) => <Tag key={x}>{x}</Tag>),
    },
    {
      title: t('periodsThisYear', { year }),
      dataIndex: 'periodsThisYear',
      width: 120,
      align: 'right',
      render: (v: number) => <span className="tabular">{v.toLocaleString('vi-VN')}</span>,
    },
    {
      title: t('actions'),
      key: 'actions',
      width: 80,
      fixed: 'right',
      render: (_v, l) => (
        <RowAction
          tip={t('view', { name: l.fullName })}
          icon={<EyeOutlined />}
          label={t('view', { name: l.fullName })}
          onClick={() => setViewing(l.id)}
        />
      ),
    },
  ];

  return (
    <>
      <ListHeader
        title={t('lecturersTitle')}
        subtitle={t('lecturersSubtitle')}
        exportPath="/lecturers/export.xlsx"
        filters={filters}
        add={can('lecturers.write') && { label: t('addLecturer'), onClick: () => setEditing('new') }}
      />
      <FilterBar filters={filters} set={set}>
        <SearchFilter
          xs={24}
          md={12}
          xl={8}
          id="lecturers-q"
          label={t('lecturerSearch')}
          placeholder={t('lecturerSearchPlaceholder')}
        />
        <ChoiceFilter
          xs={24}
          md={6}
          xl={5}
          id="lecturers-kind"
          label={t('lecturerKind')}
          placeholder={t('all')}
          field="kind"
          options={LECTURER_KINDS.map((k) => ({ value: k, label: LECTURER_KIND_LABELS[k][lang] }))}
        />
        <FilterField xs={24} md={6} xl={7} label={t('institutions')} htmlFor="lecturers-institution">
          <Select
            id="lecturers-institution"
            allowClear
            placeholder={t('all')}
            value={filters.institutionId}
            onChange={(v) => set({ institutionId: v ?? undefined })}
            options={(institutions.data ?? []).map((i) => ({ value: i.id, label: i.name }))}
            showSearch={{ optionFilterProp: 'label' }}
          />
        </FilterField>
      </FilterBar>
      <ServerTable<Lecturer>
        aria-label={t('lecturersTitle')}
        columns={columns}
        scroll={{ x: 1300 }}
        locale={{ emptyText: t('noLecturers') }}
        query={query}
        {...paging}
        showTotal={(total) => t('total', { n: total.toLocaleString('vi-VN') })}
      />
      {viewing !== null ? (
        <LecturerDrawer id={viewing} onClose={() => setViewing(null)} onEdit={(l) => setEditing(l)} />
      ) : null}
      {editing ? (
        <LecturerFormModal
          lecturer={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </>
  );
}
