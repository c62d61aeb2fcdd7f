import { Typography } from 'antd';
import type { PolicyValue } from '../../../../contracts/policies';
import { formatDecimal } from '../../../kit/numbers';
import { useLang, useT } from '../../../lib/i18n';
import { policiesMessages } from '../messages';

/** A policy value in words: the pass rule in a sentence, bands as a list, numbers with their unit. */
export function PolicyValueText({ code, value }: { code: string; value: unknown }) {
  const t = useT(policiesMessages);
  const [lang] = useLang();
  switch (code) {
    case 'class.pass_rule': {
      const v = value as PolicyValue<'class.pass_rule'>;
      return (
        <>
          {t('passRule', {
            pct: formatDecimal(v.minAttendancePct, lang, 2),
            score: formatDecimal(v.minScore, lang, 2),
            rules: v.rulesKept ? t('passRuleRules') : '',
          })}
        </>
      );
    }
    case 'class.grade_bands': {
      const v = value as PolicyValue<'class.grade_bands'>;
      return (
        <>
          {v
            .map((b) => `${lang === 'vi' ? b.vi : b.en} ≥ ${formatDecimal(b.minAverage, lang, 2)}`)
            .join('; ')}
          <Typography.Text type="secondary">. {t('failBelow')}</Typography.Text>
        </>
      );
    }
    case 'class.calendar': {
      const v = value as PolicyValue<'class.calendar'>;
      const after = (n: number) => (n ? t('calendarDays', { n }) : t('calendarSameDay'));
      return (
        <>
          {t('calendar', {
            lead: v.attendanceLeadMinutes
              ? t('calendarLead', { n: v.attendanceLeadMinutes })
              : t('calendarAtStart'),
            close: after(v.closeAfterDays),
            certs: after(v.certificatesAfterDays),
          })}
        </>
      );
    }
    case 'abroad.report_due_days':
    case 'standards.due_soon_days':
    case 'imports.staged_keep_days':
      return <>{t('days', { n: value as number })}</>;
    case 'feedback.level3_delay_months':
      return <>{t('months', { n: value as number })}</>;
    case 'approvals.four_eyes':
      return <>{value ? t('fourEyesOn') : t('fourEyesOff')}</>;
    case 'approvals.decision_required':
      return <>{value ? t('decisionOn') : t('fourEyesOff')}</>;
    case 'postgrad.commitment_multiplier':
      return <>{t('times', { n: value as number })}</>;
    default:
      return <>{JSON.stringify(value)}</>;
  }
}
