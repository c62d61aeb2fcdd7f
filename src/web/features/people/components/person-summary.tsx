import { EditOutlined, WarningOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, type DescriptionsProps, Flex, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useCodeLabel } from '../../../lib/codes';
import { formatDate, formatDateTime } from '../../../lib/dates';
import { useT } from '../../../lib/i18n';
import type { Person } from '../api/people';
import { peopleMessages } from '../messages';
import { PersonFormDrawer } from './person-form-drawer';
import { StatusTag } from './status-tag';

/** Name, status and unit; the heading of the person screens. */
export function PersonHeading({ person, linkUnit }: { person: Person; linkUnit?: boolean }) {
  const label = useCodeLabel();
  return (
    <div style={{ marginBottom: 12 }}>
      <Flex align="center" gap={12} wrap>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
          {person.fullName}
        </Typography.Title>
        <StatusTag code={person.status} label={label('status', person.status)} />
      </Flex>
      <Typography.Text type="secondary">
        {[person.postCode ? label('post', person.postCode) : person.post, label('category', person.category)]
          .filter(Boolean)
          .join(' · ')}
        {' · '}
        {linkUnit ? <Link to={`/people?unitId=${person.unitId}`}>{person.unitName}</Link> : person.unitName}
      </Typography.Text>
    </div>
  );
}

/** Non-blocking data warnings (e.g. personal ID digits that disagree with the birth date). */
export function PersonWarnings({ person }: { person: Person }) {
  const t = useT(peopleMessages);
  if (!person.warnings.length) return null;
  return (
    <Alert
      type="warning"
      showIcon
      icon={<WarningOutlined />}
      style={{ marginBottom: 16 }}
      title={t('warnings')}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {person.warnings.map((w) => (
            <li key={w.code + w.message}>{w.message}</li>
          ))}
        </ul>
      }
    />
  );
}

/** The "general information" tab: every field of the record, and its edit drawer. */
export function PersonGeneralTab({ person, canEdit }: { person: Person; canEdit: boolean }) {
  const t = useT(peopleMessages);
  const label = useCodeLabel();
  const [editing, setEditing] = useState(false);
  const yesNo = (b: boolean) => (b ? t('yes') : t('no'));

  const identity: DescriptionsProps['items'] = [
    { key: 'fullName', label: t('fullName'), children: person.fullName },
    { key: 'birthDate', label: t('birthDate'), children: formatDate(person.birthDate) },
    { key: 'gender', label: t('gender'), children: label('gender', person.gender) },
    { key: 'ethnicity', label: t('ethnicity'), children: label('ethnicity', person.ethnicity) },
    {
      key: 'personalId',
      label: t('personalId'),
      children: <span className="tabular">{person.personalId ?? '—'}</span>,
    },
    {
      key: 'party',
      label: t('partyMember'),
      children: person.partyMember
        ? `${yesNo(true)}${person.partyJoinDate ? ` (${t('partyJoinDate').toLowerCase()}: ${formatDate(person.partyJoinDate)})` : ''}`
        : yesNo(false),
    },
  ];
  const work: DescriptionsProps['items'] = [
    { key: 'unit', label: t('unit'), children: person.unitName, span: 2 },
    { key: 'category', label: t('category'), children: label('category', person.category) },
    { key: 'rank', label: t('rank'), children: label('rank', person.rank) },
    { key: 'post', label: t('post'), children: label('post', person.postCode) },
    { key: 'postNote', label: t('postNote'), children: person.post ?? '—' },
    { key: 'tier', label: t('leadershipTier'), children: label('leadership_tier', person.leadershipTier) },
    { key: 'appointedOn', label: t('appointedOn'), children: formatDate(person.appointedOn) },
    {
      key: 'authority',
      label: t('managementAuthority'),
      children: label('management_authority', person.managementAuthority),
    },
    { key: 'planning', label: t('planningTitle'), children: person.planningTitle ?? '—' },
    { key: 'status', label: t('status'), children: label('status', person.status) },
    { key: 'serviceStart', label: t('serviceStart'), children: formatDate(person.serviceStart) },
  ];

  return (
    <>
      {canEdit ? (
        <Flex justify="end" style={{ marginBottom: 12 }}>
          <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)}>
            {t('editButton')}
          </Button>
        </Flex>
      ) : null}
      <Descriptions
        title={t('sectionIdentity')}
        bordered
        size="small"
        column={{ xs: 1, sm: 1, md: 2, xl: 3 }}
        items={identity}
        style={{ marginBottom: 24 }}
      />
      <Descriptions
        title={t('sectionWork')}
        bordered
        size="small"
        column={{ xs: 1, sm: 1, md: 2, xl: 3 }}
        items={work}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, fontSize: 12 }}>
        {t('recordVersion', { v: person.version, at: formatDateTime(person.updatedAt) })}
      </Typography.Paragraph>
      {editing ? (
        <PersonFormDrawer
          open
          mode="edit"
          person={person}
          onClose={() => setEditing(false)}
          onSaved={() => setEditing(false)}
        />
      ) : null}
    </>
  );
}
