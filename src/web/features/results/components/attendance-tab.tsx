import { CheckSquareOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { NotYetTag, useNotYetText, useStillNotYet } from '../../../components/not-yet';
import { formatDate } from '../../../lib/dates';
import { useLang, useT } from '../../../lib/i18n';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { type AttendanceSheet, type Learner, useSaveAttendance } from '../api/results';
import { useLeaveGuard } from '../hooks/use-leave-guard';
import { resultsMessages } from '../messages';
import {
  attendanceOf,
  cellKey,
  type Mark,
  needsReason,
  nextStatus,
  percent,
  sameMark,
  withEdit,
} from '../results-logic';
import { AttendanceCell, AttendanceLegend } from './attendance-cell';
import { ConductModal, ConductTag } from './conduct-modal';
import { learnerColumn } from './learner-column';
import { LearnerGrid } from './learner-grid';
import { SaveBar } from './save-bar';
import { SheetImport } from './sheet-import';

type Session = AttendanceSheet['sessions'][number];
const EMPTY: Mark = { status: null, reason: null };

/**
 * "Điểm danh": learners x sessions. Taps are kept here until "Lưu thay đổi" sends them in one
 * PUT; conduct is saved per learner from its own form.
 */
export function AttendanceTab({
  sheet,
  onDirty,
}: {
  sheet: AttendanceSheet;
  onDirty: (dirty: boolean) => void;
}) {
  const t = useT(resultsMessages);
  const [lang] = useLang();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const save = useSaveAttendance(sheet.classId);
  const [edits, setEditsState] = useState<Map<string, Mark>>(new Map());
  const [conductOf, setConductOf] = useState<Learner | null>(null);
  useLeaveGuard(edits.size > 0, t('leaveConfirm'));
  // Sessions not yet started are read-only until they start (ADR 025).
  const still = useStillNotYet(sheet.sessions.map((s) => s.notYet));
  const notYetText = useNotYetText();

  const setEdits = (next: Map<string, Mark>) => {
    setEditsState(next);
    onDirty(next.size > 0);
  };

  const saved = useMemo(() => {
    const m = new Map<string, Mark>();
    for (const x of sheet.marks)
      m.set(cellKey(x.sessionId, x.nominationId), { status: x.status, reason: x.reason });
    return m;
  }, [sheet.marks]);
  const markOf = (sessionId: number, nominationId: number): Mark => {
    const k = cellKey(sessionId, nominationId);
    return edits.get(k) ?? saved.get(k) ?? EMPTY;
  };
  const put = (changes: [Session, number, Mark][]) => {
    let next = edits;
    for (const [s, n, mark] of changes) {
      const k = cellKey(s.id, n);
      next = withEdit(next, k, mark, saved.get(k) ?? EMPTY, sameMark);
    }
    setEdits(next);
  };

  const short = (s: Session) => `${formatDate(s.day).slice(0, 5)} ${s.startsAt}`;
  const full = (s: Session) => `${formatDate(s.day)} ${s.startsAt}`;
  const editable = sheet.canEdit;

  const waiting = sheet.sessions.filter((s) => still(s.notYet)).length;
  const othersCount = sheet.sessions.filter((s) => !s.canEdit).length;
  const sessionColumns: TableColumnsType<Learner> = sheet.sessions.map((s) => {
    const wait = still(s.notYet);
    // A lecturer's login marks the sessions it teaches; others' are read only (ADR 063).
    const others = editable && !s.canEdit;
    const open = editable && s.canEdit && !wait;
    return {
      key: `s${s.id}`,
      width: 76,
      align: 'center',
      title: (
        <Flex vertical align="center" gap={2}>
          <Tooltip title={s.topicName ?? undefined}>
            <span className="tabular" style={{ whiteSpace: 'nowrap', fontSize: 12 }}>
              {short(s)}
            </span>
          </Tooltip>
          {editable && wait ? <NotYetTag notYet={wait}>{t('notHeldYet')}</NotYetTag> : null}
          {others ? (
            <Tooltip title={t('otherLecturerTip')}>
              <Tag style={{ fontSize: 11, marginInlineEnd: 0 }}>{t('otherLecturer')}</Tag>
            </Tooltip>
          ) : null}
          {open ? (
            <Tooltip title={t('allPresentHint')}>
              <Button
                size="small"
                type="link"
                icon={<CheckSquareOutlined />}
                aria-label={t('allPresentOf', { session: full(s) })}
                style={{ fontSize: 11, height: 'auto', padding: 0, whiteSpace: 'normal', lineHeight: 1.2 }}
                onClick={() =>
                  put(
                    sheet.learners
                      .filter((l) => markOf(s.id, l.nominationId).status === null)
                      .map((l) => [s, l.nominationId, { status: 'present', reason: null }]),
                  )
                }
              >
                {t('allPresent')}
              </Button>
            </Tooltip>
          ) : null}
        </Flex>
      ),
      render: (_v, l) => {
        const mark = markOf(s.id, l.nominationId);
        return (
          <AttendanceCell
            mark={mark}
            name={l.fullName}
            session={full(s)}
            editable={open}
            lockedBecause={others ? t('otherLecturerTip') : wait ? notYetText(wait) : undefined}
            changed={edits.has(cellKey(s.id, l.nominationId))}
            onCycle={() => {
              const status = nextStatus(mark.status);
              put([[s, l.nominationId, { status, reason: needsReason(status) ? mark.reason : null }]]);
            }}
            onReason={(reason) => put([[s, l.nominationId, { status: mark.status, reason: reason || null }]])}
          />
        );
      },
    };
  });

  const columns: TableColumnsType<Learner> = [
    learnerColumn<Learner>(t('learner')),
    ...sessionColumns,
    {
      title: t('attended'),
      key: 'attended',
      width: 110,
      align: 'right',
      className: 'tabular',
      render: (_v, l) => {
        const a = attendanceOf(sheet.sessions.map((s) => markOf(s.id, l.nominationId).status));
        return (
          <span style={{ whiteSpace: 'nowrap' }}>
            {a.attended}/{sheet.sessions.length}{' '}
            <Typography.Text type={a.pct < 100 ? 'warning' : 'secondary'}>
              ({percent(a.pct, lang)})
            </Typography.Text>
          </span>
        );
      },
    },
    {
      title: t('conduct'),
      key: 'conduct',
      width: 110,
      render: (_v, l) => <ConductTag learner={l} editable={editable} onEdit={() => setConductOf(l)} />,
    },
  ];

  const submit = () =>
    save.mutate(
      [...edits].map(([k, m]) => {
        const [sessionId, nominationId] = k.split(':').map(Number);
        return {
          sessionId,
          nominationId,
          status: m.status,
          reason: m.status ? (m.reason ?? null) : undefined,
        };
      }),
      {
        onSuccess: () => {
          setEdits(new Map());
          message.success(t('savedMarks'));
        },
        onError: (err) => onError(err),
      },
    );

  return (
    <>
      {!editable ? <Alert type="info" showIcon title={t('notMarking')} style={{ marginBottom: 12 }} /> : null}
      <Flex wrap gap={8} justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <AttendanceLegend />
        {editable ? <SheetImport classId={sheet.classId} kind="attendance" blocked={edits.size > 0} /> : null}
      </Flex>
      {editable ? (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
          {t('tapHint')}
          {waiting ? ` ${t('notHeldHint', { n: waiting })}` : ''}
          {othersCount ? ` ${t('otherLecturerHint', { n: othersCount })}` : ''}
        </Typography.Paragraph>
      ) : null}
      {sheet.sessions.length === 0 ? (
        <Alert type="warning" showIcon title={t('noSessions')} style={{ marginBottom: 8 }} />
      ) : null}
      <LearnerGrid<Learner> caption={t('gridCaption')} columns={columns} learners={sheet.learners} />
      <SaveBar
        count={edits.size}
        saving={save.isPending}
        onSave={submit}
        onDiscard={() => setEdits(new Map())}
      />
      {conductOf ? (
        <ConductModal classId={sheet.classId} learner={conductOf} onClose={() => setConductOf(null)} />
      ) : null}
    </>
  );
}
