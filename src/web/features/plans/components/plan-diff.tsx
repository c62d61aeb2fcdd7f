import { Table, Tag } from 'antd';
import { useCodeLabel } from '../../../lib/codes';
import { useT } from '../../../lib/i18n';
import { levelList } from '../../../lib/levels';
import { type PlanDiff, usePlanDiff } from '../api/plans';
import { money, plansMessages } from '../messages';

type Change = PlanDiff['changes'][number];
const COLORS = { added: 'green', removed: 'red', changed: 'gold' } as const;

/** Lines added, removed and changed from an approved version to another (or to the working one). */
export function PlanDiffTable({ planId, from, to }: { planId: number; from: number; to?: number }) {
  const t = useT(plansMessages);
  const label = useCodeLabel();
  const { data, isPending } = usePlanDiff(planId, from, to);
  const fieldLabel = (f: string) =>
    ({
      programmeKind: t('programmeKind'),
      targetList: t('targetList'),
      targetCode: t('targetCode'),
      level: t('level'),
      classes: t('classes'),
      trainees: t('trainees'),
      periods: t('periods'),
      budget: t('budget'),
      note: t('note'),
    })[f] ?? f;
  const num = (c: Change, key: 'classes' | 'trainees' | 'budgetTotal') => {
    const b = c.before?.[key];
    const a = c.after?.[key];
    if (c.change === 'changed' && b !== a) return `${money(b ?? 0)} → ${money(a ?? 0)}`;
    return money((a ?? b) as number);
  };
  return (
    <Table<Change>
      size="small"
      rowKey="lineId"
      loading={isPending}
      pagination={false}
      dataSource={data?.changes ?? []}
      locale={{ emptyText: t('noChanges') }}
      columns={[
        { title: t('stt'), key: 'stt', width: 56, align: 'right', render: (_v, _r, i) => i + 1 },
        {
          title: t('status'),
          key: 'change',
          width: 100,
          render: (_v, c) => <Tag color={COLORS[c.change]}>{t(c.change)}</Tag>,
        },
        {
          title: t('programmeKind'),
          key: 'kind',
          render: (_v, c) => {
            const l = (c.after ?? c.before)!;
            const level = l.level ? ` – ${label(levelList(l.programmeKind) ?? '', l.level)}` : '';
            const target = l.targetList ? ` (${label(l.targetList, l.targetCode)})` : '';
            return `${label('programme_kind', l.programmeKind)}${level}${target}`;
          },
        },
        { title: t('classes'), key: 'classes', align: 'right', render: (_v, c) => num(c, 'classes') },
        { title: t('trainees'), key: 'trainees', align: 'right', render: (_v, c) => num(c, 'trainees') },
        { title: t('budget'), key: 'budget', align: 'right', render: (_v, c) => num(c, 'budgetTotal') },
        { title: t('changed'), key: 'fields', render: (_v, c) => c.fields.map(fieldLabel).join(', ') },
      ]}
    />
  );
}
