import { WarningOutlined } from '@ant-design/icons';
import { Alert, Flex, Spin, Tooltip, Typography } from 'antd';
import { isApiError } from '../../../lib/api-client';
import { useLang, useT } from '../../../lib/i18n';
import type { NominationCheck, NominationWarning } from '../api/nominations';
import { nominationsMessages } from '../messages';
import type { useWarningGate } from './use-warning-gate';

function WarningLines({ warnings }: { warnings: NominationWarning[] }) {
  const [lang] = useLang();
  return (
    <ul style={{ margin: 0, paddingInlineStart: 18 }}>
      {warnings.map((w) => (
        <li key={`${w.code}:${w.vi}`}>{w[lang]}</li>
      ))}
    </ul>
  );
}

/** The warnings recorded with a nomination, as an icon with a tooltip (nothing when there are none). */
export function WarningsIcon({ warnings }: { warnings: NominationWarning[] }) {
  const t = useT(nominationsMessages);
  if (!warnings.length) return null;
  return (
    <Tooltip title={<WarningLines warnings={warnings} />}>
      <Typography.Text
        type="warning"
        aria-label={`${t('warnings')}: ${warnings.length}`}
        tabIndex={0}
        style={{ whiteSpace: 'nowrap' }}
      >
        <WarningOutlined /> {warnings.length}
      </Typography.Text>
    </Tooltip>
  );
}

/** The warnings to read before sending; `late` when they came back from the server on send. */
function WarningsAlert({ warnings, late }: { warnings: NominationWarning[]; late?: boolean }) {
  const t = useT(nominationsMessages);
  if (!warnings.length) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      title={late ? t('warningsLate') : t('warningsTitle')}
      description={
        <>
          <WarningLines warnings={warnings} />
          <Typography.Text type="secondary">{t('warningsHint')}</Typography.Text>
        </>
      }
    />
  );
}

/** Whether the person would hold a seat or wait in line, and why. */
function OutcomeAlert({ check }: { check: NominationCheck }) {
  const t = useT(nominationsMessages);
  const seat = check.outcome === 'seat';
  return (
    <Alert
      type={seat ? 'success' : 'info'}
      showIcon
      style={{ marginBottom: 12 }}
      title={seat ? t('outcomeSeat') : t('outcomeWaitlist')}
      description={check.outcomeReason ? t(`reason${check.outcomeReason}`) : undefined}
    />
  );
}

/** The error of /check in words, with the fields it names (e.g. "the person no longer works"). */
function checkErrorText(err: unknown): string {
  if (!isApiError(err)) return String((err as Error)?.message ?? err);
  const fields = err.fields.map((f) => f.message);
  return fields.length ? `${err.message} ${fields.join('; ')}` : err.message;
}

/**
 * What the check of the picked person says: checking, its error, the seat-or-waitlist outcome
 * (when `outcome`: a substitute takes the seat they replace, so it has none) and the warnings.
 */
export function CheckPanel({
  gate,
  outcome,
}: {
  gate: ReturnType<typeof useWarningGate>;
  outcome?: boolean;
}) {
  const t = useT(nominationsMessages);
  const { check } = gate;
  if (check.isFetching)
    return (
      <Flex gap={8} align="center" style={{ marginBottom: 12 }}>
        <Spin size="small" /> {t('checking')}
      </Flex>
    );
  if (check.error)
    return <Alert type="error" showIcon title={checkErrorText(check.error)} style={{ marginBottom: 12 }} />;
  return (
    <>
      {outcome && check.data ? <OutcomeAlert check={check.data} /> : null}
      <WarningsAlert warnings={gate.warnings} late={gate.late} />
    </>
  );
}
