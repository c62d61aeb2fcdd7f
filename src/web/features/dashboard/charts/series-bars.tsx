import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { colourOf } from './palette';

export interface Series {
  key: string;
  label: string;
}

interface Props {
  /** One row per x value: `{ [xKey]: x, [series.key]: number }`. */
  data: Record<string, string | number>[];
  xKey: string;
  series: Series[];
  /** Stacked (parts of a whole) or side by side (planned vs actual). */
  stacked?: boolean;
  height?: number;
  format?: (n: number) => string;
  /** A bar was clicked: its x value and series. */
  onSelect?: (x: string | number, seriesKey: string) => void;
  ariaLabel: string;
}

/** Vertical bars over an x axis (years, programme kinds), one colour per series. */
export function SeriesBars({
  data,
  xKey,
  series,
  stacked,
  height = 260,
  format,
  onSelect,
  ariaLabel,
}: Props) {
  return (
    <div role="img" aria-label={ariaLabel} style={{ width: '100%', height }}>
      <ResponsiveContainer>
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey={xKey} tick={{ fontSize: 12 }} interval={0} />
          <YAxis allowDecimals={false} tick={{ fontSize: 12 }} width={44} tickFormatter={format} />
          <Tooltip formatter={(v) => (format ? format(Number(v)) : String(v))} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {series.map((s, i) => (
            <Bar
              key={s.key}
              dataKey={s.key}
              name={s.label}
              stackId={stacked ? 'all' : undefined}
              fill={colourOf(i)}
              cursor={onSelect ? 'pointer' : undefined}
              onClick={(entry) => onSelect?.((entry.payload as Record<string, string | number>)[xKey], s.key)}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
