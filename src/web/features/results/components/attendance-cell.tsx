import { FormOutlined } from '@ant-design/icons';
import { Button, Input, Popover, Tag, Tooltip } from 'antd';
import { ATTENDANCE_LABELS, type AttendanceStatus } from '../../../../contracts/results';
import { useLang, useT } from '../../../lib/i18n';
import { resultsMessages } from '../messages';
import { type Mark, needsReason } from '../results-logic';

/** Colours of the four marks (and of an empty cell), also used by the legend. */
export const MARK_COLOURS: Record<AttendanceStatus | 'none', { fg: string; bg: string; border: string }> = {
  present: { fg: '#237804', bg: '#f6ffed', border: '#95de64' },
  late: { fg: '#ad6800', bg: '#fffbe6', border: '#ffd666' },
  excused: { fg: '#0958d9', bg: '#e6f4ff', border: '#91caff' },
  absent: { fg: '#a8071a', bg: '#fff1f0', border: '#ff7875' },
  none: { fg: '#8c8c8c', bg: '#fff', border: '#d9d9d9' },
};

interface Props {
  mark: Mark;
  /** "Name, session dd/mm/yyyy hh:mm" for the screen reader labels. */
  name: string;
  session: string;
  editable: boolean;
  /** Why the cell cannot be marked now (a session not yet started), shown instead of the mark. */
  lockedBecause?: string;
  changed: boolean;
  onCycle: () => void;
  onReason: (reason: string) => void;
}

/** One learner x session: a big tap target that cycles the mark, and a reason for P and K. */
export function AttendanceCell({
  mark,
  name,
  session,
  editable,
  lockedBecause,
  changed,
  onCycle,
  onReason,
}: Props) {
  const t = useT(resultsMessages);
  const [lang] = useLang();
  const c = MARK_COLOURS[mark.status ?? 'none'];
  const statusText = mark.status ? ATTENDANCE_LABELS[mark.status][lang] : t('unmarked');
  const letter = mark.status ? ATTENDANCE_LABELS[mark.status].short : '';
  const style = {
    width: 40,
    height: 36,
    padding: 0,
    fontWeight: 600,
    color: c.fg,
    background: c.bg,
    borderColor: c.border,
    borderStyle: mark.status ? ('solid' as const) : ('dashed' as const),
    boxShadow: changed ? '0 0 0 2px #1677ff55' : undefined,
  };
  const label = t('cellOf', { name, session, status: statusText });
  const reasonTip = mark.reason ? `${statusText}: ${mark.reason}` : statusText;

  if (!editable)
    return (
      <Tooltip title={lockedBecause ?? reasonTip}>
        <Tag
          aria-label={label}
          style={{
            ...style,
            display: 'inline-flex',
            alignItems: 'center',
            justifyContent: 'center',
            margin: 0,
          }}
        >
          {letter || '·'}
        </Tag>
      </Tooltip>
    );

  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 2 }}>
      <Tooltip title={reasonTip} mouseEnterDelay={0.6}>
        <Button aria-label={label} style={style} onClick={onCycle}>
          {letter}
        </Button>
      </Tooltip>
      {needsReason(mark.status) ? (
        <Popover
          trigger="click"
          title={t('reasonOf', { name, session })}
          content={
            <Input.TextArea
              aria-label={t('reasonOf', { name, session })}
              placeholder={t('reasonPlaceholder')}
              defaultValue={mark.reason ?? ''}
              maxLength={300}
              rows={2}
              style={{ width: 260 }}
              autoFocus
              onBlur={(e) => onReason(e.target.value.trim())}
              onPressEnter={(e) => {
                e.preventDefault();
                onReason(e.currentTarget.value.trim());
              }}
            />
          }
        >
          <Button
            type="text"
            size="small"
            aria-label={t('reasonOf', { name, session })}
            icon={<FormOutlined style={{ color: mark.reason ? c.fg : '#bfbfbf' }} />}
            style={{ width: 22, minWidth: 22 }}
          />
        </Popover>
      ) : (
        <span style={{ width: 22 }} />
      )}
    </span>
  );
}

/** The colours and letters, once above the grid. */
export function AttendanceLegend() {
  const t = useT(resultsMessages);
  const [lang] = useLang();
  const item = (key: AttendanceStatus | 'none', letter: string, text: string) => {
    const c = MARK_COLOURS[key];
    return (
      <Tag
        key={key}
        style={{
          color: c.fg,
          background: c.bg,
          borderColor: c.border,
          borderStyle: key === 'none' ? 'dashed' : 'solid',
        }}
      >
        <b>{letter || '·'}</b> {text}
      </Tag>
    );
  };
  return (
    <span>
      <span style={{ marginInlineEnd: 6, color: '#8c8c8c' }}>{t('legend')}:</span>
      {(Object.keys(ATTENDANCE_LABELS) as AttendanceStatus[]).map((s) =>
        item(s, ATTENDANCE_LABELS[s].short, ATTENDANCE_LABELS[s][lang]),
      )}
      {item('none', '', t('unmarked'))}
    </span>
  );
}
