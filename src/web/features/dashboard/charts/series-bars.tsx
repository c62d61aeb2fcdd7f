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
  /** Bars along the x values laid out downwards, for long category names. */
  horizontal?: boolean;
  height?: number;
  format?: (n: number) => string;
  /** A bar was clicked: its x value and series. */
  onSelect?: (x: string | number, seriesKey: string) => void;
  ariaLabel: string;
}

/** Bars over an x axis (years, programme kinds), one colour per series; `horizontal` lays them downwards. */
export function SeriesBars({
  data,
  xKey,
  series,
  stacked,
  horizontal,
  height = 260,
  format,
  onSelect,
  ariaLabel,
}: Props) {
  const h = horizontal
    ? Math.max(120, data.length * 22 * Math.max(1, stacked ? 1 : series.length) + 60)
    : height;
  const value = { allowDecimals: false, tick: { fontSize: 12 }, tickFormatter: format };
  const category = { dataKey: xKey, tick: { fontSize: 12 }, interval: 0 as const };
  return (
    <div role="img" aria-label={ariaLabel} style={{ width: '100%', height: h }}>
      <ResponsiveContainer>
        <BarChart
          data={data}
          layout={horizontal ? 'vertical' : 'horizontal'}
          margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
        >
          <CartesianGrid strokeDasharray="3 3" vertical={!!horizontal} horizontal={!horizontal} />
          {horizontal ? (
            <>
              <XAxis type="number" {...value} />
              <YAxis type="category" {...category} width={150} />
            </>
          ) : (
            <>
              <XAxis {...category} />
              <YAxis {...value} width={44} />
            </>
          )}
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
