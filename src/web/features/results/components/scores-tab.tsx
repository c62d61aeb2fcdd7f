import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Input, type TableColumnsType, Tooltip, Typography } from 'antd';
import { type KeyboardEvent, useMemo, useState } from 'react';
import { ASSESSMENT_KIND_LABELS } from '../../../../contracts/results';
import { NotYetTag, useNotYetText, useStillNotYet } from '../../../components/not-yet';
import { formatDate } from '../../../lib/dates';
import { useLang, useT } from '../../../lib/i18n';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import {
  type Assessment,
  type Learner,
  type ScoreSheet,
  useDeleteAssessment,
  useSaveScores,
} from '../api/results';
import { useLeaveGuard } from '../hooks/use-leave-guard';
import { resultsMessages } from '../messages';
import { cellKey, decimal, parseScore, scoreText, weightedAverage, withEdit } from '../results-logic';
import { AssessmentModal } from './assessment-modal';
import { learnerColumn } from './learner-column';
import { LearnerGrid } from './learner-grid';
import { SaveBar } from './save-bar';
import { SheetImport } from './sheet-import';

const ERRORS = { number: 'scoreErrNumber', range: 'scoreErrRange', decimals: 'scoreErrDecimals' } as const;

/** Enter moves down the column, as in a paper register. */
function focusBelow(e: KeyboardEvent<HTMLInputElement>) {
  const { col, row } = e.currentTarget.dataset;
  document
    .querySelector<HTMLInputElement>(`input[data-col="${col}"][data-row="${Number(row) + 1}"]`)
    ?.focus();
}

/**
 * "Điểm": assessments (set up from "planned") and learners x assessments; typed scores are checked
 * as typed and sent in one PUT.
 */
export function ScoresTab({
  sheet,
  canSetUp,
  onDirty,
}: {
  sheet: ScoreSheet;
  /** Assessments may be added, changed and deleted (planned up to finished). */
  canSetUp: boolean;
  onDirty: (dirty: boolean) => void;
}) {
  const t = useT(resultsMessages);
  const [lang] = useLang();
  const { message, modal } = App.useApp();
  const onError = useApiErrorHandler();
  const save = useSaveScores(sheet.classId);
  const del = useDeleteAssessment(sheet.classId);
  const [edits, setEditsState] = useState<Map<string, string>>(new Map());
  const [dialog, setDialog] = useState<Assessment | 'new' | null>(null);
  useLeaveGuard(edits.size > 0, t('leaveConfirm'));
  // An assessment not yet held takes no scores until its day, or the class's first session (ADR 025).
  const still = useStillNotYet(sheet.assessments.map((a) => a.notYet));
  const notYetText = useNotYetText();

  const setEdits = (next: Map<string, string>) => {
    setEditsState(next);
    onDirty(next.size > 0);
  };
  const saved = useMemo(
    () => new Map(sheet.scores.map((s) => [cellKey(s.assessmentId, s.nominationId), scoreText(s.score)])),
    [sheet.scores],
  );
  const textOf = (a: number, n: number) => {
    const k = cellKey(a, n);
    return edits.get(k) ?? saved.get(k) ?? '';
  };
  const parsed = [...edits].map(([k, text]) => ({ k, p: parseScore(text) }));
  const invalid = parsed.filter((x) => !x.p.ok).length;
  const editable = sheet.canEdit;

  const askDelete = (a: Assessment) =>
    modal.confirm({
      title: t('deleteAssessmentConfirm', { name: a.name }),
      okText: t('delete'),
      okButtonProps: { danger: true },
      cancelText: t('cancel'),
      onOk: () =>
        del
          .mutateAsync(a.id)
          .then(() => {
            // Edits of a deleted assessment have nowhere to go.
            setEdits(new Map([...edits].filter(([k]) => !k.startsWith(`${a.id}:`))));
            message.success(t('assessmentDeleted'));
          })
          .catch((err) => onError(err)),
    });

  const assessmentColumns: TableColumnsType<Learner> = sheet.assessments.map((a, col) => {
    const wait = still(a.notYet);
    return {
      key: `a${a.id}`,
      width: 120,
      align: 'center',
      title: (
        <Flex vertical align="center" gap={0}>
          <span style={{ whiteSpace: 'normal' }}>{a.name}</span>
          <Typography.Text type="secondary" style={{ fontSize: 11, fontWeight: 'normal' }}>
            {ASSESSMENT_KIND_LABELS[a.kind][lang]} · {t('weightShort', { w: decimal(a.weight, lang) })}
            {a.heldOn ? ` · ${t('heldOnShort', { d: formatDate(a.heldOn) })}` : ''}
          </Typography.Text>
          {editable && wait ? <NotYetTag notYet={wait}>{t('scoresNotYet')}</NotYetTag> : null}
          {canSetUp ? (
            <span>
              <Button
                type="text"
                size="small"
                icon={<EditOutlined />}
                aria-label={t('editAssessmentOf', { name: a.name })}
                onClick={() => setDialog(a)}
              />
              <Button
                type="text"
                size="small"
                danger
                icon={<DeleteOutlined />}
                aria-label={t('deleteAssessmentOf', { name: a.name })}
                onClick={() => askDelete(a)}
              />
            </span>
          ) : null}
        </Flex>
      ),
      render: (_v, l, row) => {
        const text = textOf(a.id, l.nominationId);
        const k = cellKey(a.id, l.nominationId);
        const p = parseScore(text);
        if (!editable) return <span className="tabular">{text || '—'}</span>;
        if (wait)
          return (
            <Tooltip title={notYetText(wait)}>
              <span className="tabular">{text || '—'}</span>
            </Tooltip>
          );
        return (
          <Tooltip title={p.ok ? undefined : t(ERRORS[p.error])} open={p.ok ? false : undefined}>
            <Input
              aria-label={t('scoreOf', { assessment: a.name, name: l.fullName })}
              inputMode="decimal"
              autoComplete="off"
              value={text}
              status={p.ok ? undefined : 'error'}
              data-col={col}
              data-row={row}
              style={{
                width: 72,
                textAlign: 'center',
                boxShadow: edits.has(k) && p.ok ? '0 0 0 2px #1677ff55' : undefined,
              }}
              onChange={(e) =>
                setEdits(
                  withEdit(edits, k, e.target.value, saved.get(k) ?? '', (x, y) => x.trim() === y.trim()),
                )
              }
              onPressEnter={focusBelow}
            />
          </Tooltip>
        );
      },
    };
  });

  const columns: TableColumnsType<Learner> = [
    learnerColumn<Learner>(t('learner')),
    ...assessmentColumns,
    {
      title: t('average'),
      key: 'average',
      width: 90,
      align: 'right',
      className: 'tabular',
      render: (_v, l) => {
        const avg = weightedAverage(
          sheet.assessments.map((a) => {
            const p = parseScore(textOf(a.id, l.nominationId));
            return { weight: a.weight, score: p.ok ? p.value : null };
          }),
        );
        return <b>{decimal(avg, lang)}</b>;
      },
    },
  ];

  const submit = () =>
    save.mutate(
      parsed.map(({ k, p }) => {
        const [assessmentId, nominationId] = k.split(':').map(Number);
        return { assessmentId, nominationId, score: p.ok ? p.value : null };
      }),
      {
        onSuccess: () => {
          setEdits(new Map());
          message.success(t('savedScores'));
        },
        onError: (err) => onError(err),
      },
    );

  return (
    <>
      {!editable ? (
        <Alert
          type="info"
          showIcon
          title={canSetUp ? t('setupOnly') : t('notMarking')}
          style={{ marginBottom: 12 }}
        />
      ) : null}
      <Flex wrap gap={8} justify="space-between" align="center" style={{ marginBottom: 8 }}>
        {canSetUp ? (
          <Button icon={<PlusOutlined />} onClick={() => setDialog('new')}>
            {t('addAssessment')}
          </Button>
        ) : (
          <span />
        )}
        {editable && sheet.assessments.length ? (
          <SheetImport classId={sheet.classId} kind="scores" blocked={edits.size > 0} />
        ) : null}
      </Flex>
      {sheet.assessments.length === 0 ? (
        <Alert type="info" showIcon title={t('noAssessments')} style={{ marginBottom: 8 }} />
      ) : (
        <LearnerGrid<Learner> caption={t('scoresCaption')} columns={columns} learners={sheet.learners} />
      )}
      <SaveBar
        count={edits.size}
        saving={save.isPending}
        blocked={invalid ? t('fixScores', { n: invalid }) : undefined}
        onSave={submit}
        onDiscard={() => setEdits(new Map())}
      />
      {dialog ? (
        <AssessmentModal
          classId={sheet.classId}
          editing={dialog === 'new' ? undefined : dialog}
          onClose={() => setDialog(null)}
        />
      ) : null}
    </>
  );
}
