import { Timeline, Typography } from 'antd';
import { formatDateTime } from '../../../lib/dates';
import { useT } from '../../../lib/i18n';
import type { Nomination } from '../api/nominations';
import { type NominationsKey, nominationsMessages } from '../messages';
import { useNominationStatusLabel } from './nomination-status-tag';

const ACTIONS: Record<string, NominationsKey> = {
  nominate: 'eventNominate',
  promote: 'eventPromote',
  approve: 'eventApprove',
  reject: 'eventReject',
  withdraw: 'eventWithdraw',
  substitute: 'eventSubstitute',
  imported: 'eventImported',
};

/** Every step of one nomination: who did what, when, and why. */
export function NominationHistory({ n }: { n: Nomination }) {
  const t = useT(nominationsMessages);
  const statusLabel = useNominationStatusLabel();
  return (
    <div style={{ padding: '8px 8px 0' }}>
      <Typography.Text strong>{t('historyOf', { name: n.personName })}</Typography.Text>
      <Timeline
        style={{ marginTop: 12 }}
        items={n.events.map((e) => ({
          content: (
            <>
              <b>{ACTIONS[e.action] ? t(ACTIONS[e.action]) : e.action}</b>
              {e.toStatus
                ? ` (${e.fromStatus ? `${statusLabel(e.fromStatus)} → ` : ''}${statusLabel(e.toStatus)})`
                : ''}{' '}
              · {e.by ?? '—'}, {formatDateTime(e.at)}
              {e.comment ? <div>{e.comment}</div> : null}
            </>
          ),
        }))}
      />
    </div>
  );
}
