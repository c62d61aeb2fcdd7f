import { Typography } from 'antd';
import { Link } from 'react-router';
import { useCodeLabel } from '../../../lib/codes';
import { useT } from '../../../lib/i18n';
import { levelList } from '../../../lib/levels';
import type { ClassDetail } from '../api/classes';
import { classesMessages } from '../messages';

/**
 * The plan line a class carries out, in words ("Kế hoạch 2026 – Lý luận chính trị · Cao cấp"),
 * linked to its plan when the reader may open it (the server leaves `plan` out otherwise).
 */
export function PlanLineRef({ c }: { c: Pick<ClassDetail, 'planLine' | 'programmeKind'> }) {
  const t = useT(classesMessages);
  const label = useCodeLabel();
  const line = c.planLine;
  if (!line) return <>{t('notPlanned')}</>;
  const what = [
    label('programme_kind', c.programmeKind),
    line.level && label(levelList(c.programmeKind) ?? '', line.level),
  ]
    .filter(Boolean)
    .join(' · ');
  if (!line.plan)
    return (
      <span>
        {what} <Typography.Text type="secondary">({t('planOfOrganiser')})</Typography.Text>
      </span>
    );
  return (
    // One inline span: Descriptions lays its children out as flex items, which split the text.
    <span>
      <Link to={`/plans/${line.plan.id}`}>{line.plan.title}</Link> – {what}
    </span>
  );
}
