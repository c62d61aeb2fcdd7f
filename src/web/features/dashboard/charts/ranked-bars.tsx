import { Bar, BarChart, Cell, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { colourOf } from './palette';

export interface RankedItem {
  key: string;
  label: string;
  value: number;
}

interface Props {
  items: RankedItem[];
  /** Text shown at the end of each bar and in the tooltip. */
  format?: (n: number) => string;
  /** Largest value of the axis (100 for percentages); default: the data's. */
  max?: number;
  onSelect?: (key: string) => void;
  ariaLabel: string;
}

/** Horizontal bars, one per item, labelled on the left (shares, gaps, amounts). */
export function RankedBars({ items, format = String, max, onSelect, ariaLabel }: Props) {
  const height = Math.max(120, items.length * 40 + 16);
  // Long names (a standard's title) are cut on the axis; the tooltip shows them whole.
  const short = (s: string) => (s.length > 44 ? `${s.slice(0, 42)}…` : s);
  return (
    <div role="img" aria-label={ariaLabel} style={{ width: '100%', height }}>
      <ResponsiveContainer>
        <BarChart data={items} layout="vertical" margin={{ top: 4, right: 96, bottom: 4, left: 4 }}>
          <XAxis type="number" hide domain={[0, max ?? 'dataMax']} />
          <YAxis type="category" dataKey="label" width={170} tick={{ fontSize: 11 }} tickFormatter={short} />
          <Tooltip formatter={(v) => format(Number(v))} />
          <Bar
            dataKey="value"
            cursor={onSelect ? 'pointer' : undefined}
            onClick={(entry) => onSelect?.(String((entry.payload as RankedItem).key))}
          >
            {items.map((it, i) => (
              <Cell key={it.key} fill={colourOf(i)} />
            ))}
            <LabelList dataKey="value" position="right" formatter={(v) => format(Number(v))} fontSize={12} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
