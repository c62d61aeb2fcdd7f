import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { api, type Paged } from '../../../lib/api-client';
import { useCodeLabel } from '../../../lib/codes';
import { levelList } from '../../../lib/levels';
import type { PlanDetail, PlanSummary } from '../api/plans';

interface Props {
  id?: string;
  /** ABROAD or POSTGRADUATE: only lines of that kind. */
  kind: string;
  /** The plan year: the departure or start year. */
  year: number | null;
  value?: number | null;
  onChange?: (value: number | null) => void;
  placeholder?: string;
}

/**
 * The plan lines of one kind in the plans of a year of my units (ADR 039), for a delegation abroad
 * or a sponsorship to carry out. The server checks the choice again.
 */
export function PlanLineSelect({ id, kind, year, value, onChange, placeholder }: Props) {
  const label = useCodeLabel();
  const lines = useQuery({
    queryKey: ['plans', 'line-options', kind, year],
    enabled: !!year,
    queryFn: async ({ signal }) => {
      const plans = await api.get<Paged<PlanSummary>>('/plans', { signal, query: { year, pageSize: 200 } });
      const details = await Promise.all(
        plans.items.map((p) => api.get<PlanDetail>(`/plans/${p.id}`, { signal })),
      );
      return details.flatMap((d, i) =>
        d.lines
          .filter((l) => l.programmeKind === kind)
          .map((l) => ({
            value: l.id,
            label: `${plans.items[i].unitName}: ${plans.items[i].title} · ${label('programme_kind', l.programmeKind)}${
              l.level ? ` (${label(levelList(l.programmeKind) ?? '', l.level)})` : ''
            } · ${l.trainees}`,
          })),
      );
    },
  });
  return (
    <Select
      id={id}
      allowClear
      value={value ?? null}
      onChange={(v) => onChange?.(v ?? null)}
      options={lines.data ?? []}
      loading={lines.isFetching}
      placeholder={placeholder}
      showSearch={{ optionFilterProp: 'label' }}
    />
  );
}
