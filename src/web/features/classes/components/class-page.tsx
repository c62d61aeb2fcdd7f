import { DeleteOutlined, EditOutlined, PlusOutlined, WarningOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Input,
  Space,
  type TableColumnsType,
  Timeline,
  Typography,
} from 'antd';
import { type ReactNode, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { ClassStatus } from '../../../../contracts/classes';
import { ScheduledButton, useStillNotYet } from '../../../components/not-yet';
import { PageHeader } from '../../../components/page-header';
import { NotFoundResult, PageSpinner, QueryErrorResult } from '../../../components/results';
import { BackCrumb } from '../../../kit/back-crumb';
import { RowAction } from '../../../kit/row-action';
import { ListTable } from '../../../kit/server-table';
import { useCodeLabel } from '../../../lib/codes';
import { formatDate, formatDateTime } from '../../../lib/dates';
import { useLang, useT } from '../../../lib/i18n';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { ClassFeedbackCard } from '../../feedback/components/class-feedback-card';
import { type ClassDetail, useClass, useDeleteSession, useMoveClass } from '../api/classes';
import { classesMessages } from '../messages';
import { ClassFormModal } from './class-form-modal';
import { ClassStatusTag, useStatusLabel } from './class-status-tag';
import { PlanLineRef } from './plan-line-ref';
import { SessionModal } from './session-modal';

type Session = ClassDetail['sessions'][number];
const money = (n: number) => n.toLocaleString('vi-VN');
const EDITABLE: ClassStatus[] = ['planned', 'open_for_nomination', 'running'];
const STARTED: ClassStatus[] = ['running', 'finished', 'closed'];

/**
 * /classes/:id — a class: details, status actions, schedule with clash warnings, history.
 * `children` renders parts other features add under the details (the app composes them).
 */
export function ClassPage({ children }: { children?: (c: ClassDetail) => ReactNode }) {
  const t = useT(classesMessages);
  const [lang] = useLang();
  const label = useCodeLabel();
  const statusLabel = useStatusLabel();
  const id = Number(useParams().id);
  const { data: c, error, isPending, refetch } = useClass(id);
  const move = useMoveClass(id);
  const del = useDeleteSession(id);
  const onError = useApiErrorHandler();
  const { modal, message } = App.useApp();
  const [editing, setEditing] = useState(false);
  const [session, setSession] = useState<Session | 'new' | null>(null);
  const still = useStillNotYet(c ? [c.notYet.finished, c.notYet.closed] : []);

  if (!Number.isInteger(id) || id <= 0) return <NotFoundResult />;
  if (error) return <QueryErrorResult error={error} onRetry={() => refetch()} />;
  if (isPending || !c) return <PageSpinner />;

  const editable = c.canManage && EDITABLE.includes(c.status);
  const clashesBySession = new Map<number, ClassDetail['clashes']>();
  for (const x of c.clashes)
    clashesBySession.set(x.sessionId, [...(clashesBySession.get(x.sessionId) ?? []), x]);

  const askMove = (to: ClassStatus) => {
    let comment = '';
    modal.confirm({
      title: t('moveConfirm', { code: c.code, status: statusLabel(to) }),
      content: (
        <Input.TextArea
          aria-label={to === 'cancelled' ? t('cancelReason') : t('comment')}
          placeholder={to === 'cancelled' ? t('cancelReason') : t('comment')}
          rows={2}
          onChange={(e) => {
            comment = e.target.value;
          }}
        />
      ),
      okText: t('moveTo', { status: statusLabel(to) }),
      okButtonProps: { danger: to === 'cancelled' },
      cancelText: t('cancel'),
      onOk: () =>
        move
          .mutateAsync({ to, comment: comment.trim() || undefined })
          .then(() => message.success(t('moved')))
          .catch((err) => {
            onError(err);
            throw err;
          }),
    });
  };

  const when = (s: Session) => `${formatDate(s.day)} ${s.startsAt}–${s.endsAt}`;
  const columns: TableColumnsType<Session> = [
    { title: t('stt'), key: 'stt', width: 56, align: 'right', render: (_v, _r, i) => i + 1 },
    { title: t('day'), key: 'day', width: 110, className: 'tabular', render: (_v, s) => formatDate(s.day) },
    {
      title: t('time'),
      key: 'time',
      width: 110,
      className: 'tabular',
      render: (_v, s) => `${s.startsAt}–${s.endsAt}`,
    },
    { title: t('topic'), key: 'topic', render: (_v, s) => s.topicName ?? s.topicCode ?? '—' },
    { title: t('lecturer'), key: 'lecturer', width: 200, render: (_v, s) => s.lecturerName ?? '—' },
    {
      title: t('room'),
      key: 'room',
      width: 160,
      render: (_v, s) =>
        s.onlineUrl ? (
          <a href={s.onlineUrl} target="_blank" rel="noreferrer">
            {s.room ?? t('modeOnline')}
          </a>
        ) : (
          (s.room ?? '—')
        ),
    },
    {
      title: t('clashesTitle'),
      key: 'clash',
      width: 240,
      render: (_v, s) =>
        (clashesBySession.get(s.id) ?? []).map((x) => (
          <div key={`${x.kind}-${x.other.sessionId}`}>
            <Typography.Text type="warning">
              <WarningOutlined /> {x.message[lang]}
            </Typography.Text>{' '}
            {/* Named only when the other class is in sight; then it is one click away. */}
            {x.other.classCode ? <Link to={`/classes/${x.other.classId}`}>{t('clashOpenOther')}</Link> : null}
          </div>
        )),
    },
    ...(editable
      ? [
          {
            title: t('actions'),
            key: 'actions',
            width: 96,
            render: (_v: unknown, s: Session) => (
              <Space size={0}>
                <RowAction
                  tip={t('edit')}
                  icon={<EditOutlined />}
                  label={t('editSession', { day: formatDate(s.day), time: s.startsAt })}
                  onClick={() => setSession(s)}
                />
                <RowAction
                  tip={t('delete')}
                  danger
                  icon={<DeleteOutlined />}
                  label={t('deleteSession', { day: formatDate(s.day), time: s.startsAt })}
                  onClick={() =>
                    modal.confirm({
                      title: t('deleteSessionConfirm'),
                      content: when(s),
                      okText: t('delete'),
                      okButtonProps: { danger: true },
                      cancelText: t('cancel'),
                      onOk: () => del.mutateAsync(s.id).catch((err) => onError(err)),
                    })
                  }
                />
              </Space>
            ),
          },
        ]
      : []),
  ];

  const actionLabel = (a: string) =>
    a === 'create' ? t('actionCreate') : a === 'status' ? t('actionStatus') : t('actionUpdate');

  return (
    <>
      <BackCrumb to="/classes" label={t('backToList')} current={c.code} />
      <PageHeader
        title={
          <Flex gap={8} align="center" wrap>
            {c.code} · {c.name} <ClassStatusTag status={c.status} />
          </Flex>
        }
        subtitle={`${c.programmeCode} – ${c.programmeName} · ${c.organiserUnitName}`}
        extra={
          c.canManage ? (
            <>
              {c.nextStatuses.map((s) => (
                // Finishing and closing wait for the last session; the tooltip says until when.
                <ScheduledButton
                  key={s}
                  danger={s === 'cancelled'}
                  notYet={s === 'finished' || s === 'closed' ? still(c.notYet[s]) : null}
                  onClick={() => askMove(s)}
                >
                  {t('moveTo', { status: statusLabel(s) })}
                </ScheduledButton>
              ))}
              {editable ? (
                <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                  {t('edit')}
                </Button>
              ) : null}
            </>
          ) : null
        }
      />
      {!c.canManage ? (
        <Alert type="info" showIcon title={t('readOnly')} style={{ marginBottom: 12 }} />
      ) : null}
      {c.canManage && !editable ? (
        <Alert type="info" showIcon title={t('notEditable')} style={{ marginBottom: 12 }} />
      ) : null}
      <Card size="small" title={t('details')} style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
          <Descriptions.Item label={t('programmeKind')}>
            {label('programme_kind', c.programmeKind)}
          </Descriptions.Item>
          <Descriptions.Item label={t('institution')}>{c.institutionName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('dates')}>
            {formatDate(c.startsOn)} – {formatDate(c.endsOn)}
          </Descriptions.Item>
          <Descriptions.Item label={t('venue')}>{c.venue ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('mode')}>
            {t(`mode${c.mode[0].toUpperCase()}${c.mode.slice(1)}` as 'modeOnline')}
          </Descriptions.Item>
          <Descriptions.Item label={t('seatsHeld')}>
            <span className="tabular">
              {c.seatsTaken}/{c.capacity}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t('nominationDeadline')}>
            {c.nominationDeadline ? formatDate(c.nominationDeadline) : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('budgetTotal')}>
            <span>
              {money(c.budgetTotal)} đ
              {Object.keys(c.budget).length ? (
                <Typography.Text type="secondary">
                  {' '}
                  (
                  {Object.entries(c.budget)
                    .map(([k, v]) => `${label('funding_source', k)}: ${money(v)}`)
                    .join('; ')}
                  )
                </Typography.Text>
              ) : null}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t('planLine')}>
            <PlanLineRef c={c} />
          </Descriptions.Item>
          <Descriptions.Item label={t('note')}>{c.note ?? '—'}</Descriptions.Item>
        </Descriptions>
      </Card>
      {children?.(c)}
      {c.clashes.length ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={`${t('clashesTitle')} (${c.clashes.length})`}
          description={t('clashesHint')}
        />
      ) : null}
      <Card
        size="small"
        title={t('schedule')}
        style={{ marginBottom: 16 }}
        extra={
          editable ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setSession('new')}>
              {t('addSession')}
            </Button>
          ) : null
        }
        styles={{ body: { padding: 0 } }}
      >
        <ListTable<Session>
          aria-label={t('scheduleCaption')}
          columns={columns}
          dataSource={c.sessions}
          scroll={{ x: 1000 }}
          locale={{ emptyText: t('noSessions') }}
        />
      </Card>
      <ClassFeedbackCard classId={c.id} show={c.canManage && STARTED.includes(c.status)} />
      <Card size="small" title={t('history')}>
        <Timeline
          items={c.events.map((e) => ({
            content: (
              <>
                <b>{actionLabel(e.action)}</b>
                {e.toStatus ? ` → ${statusLabel(e.toStatus as ClassStatus)}` : ''} · {e.by ?? '—'},{' '}
                {formatDateTime(e.at)}
                {e.comment ? <div>{e.comment}</div> : null}
              </>
            ),
          }))}
        />
      </Card>
      {editing ? <ClassFormModal editing={c} onClose={() => setEditing(false)} /> : null}
      {session ? (
        <SessionModal
          cls={c}
          editing={session === 'new' ? undefined : session}
          onClose={() => setSession(null)}
        />
      ) : null}
    </>
  );
}
