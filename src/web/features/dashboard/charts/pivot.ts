/**
 * Long rows (x, series, n) to the wide rows a bar chart reads: one row per x in `xs` order, a
 * column per series (0 where a cell is missing), and the series in order of first appearance.
 */
export function pivot<R>(
  rows: R[],
  xs: (string | number)[],
  xOf: (r: R) => string | number,
  seriesOf: (r: R) => string,
  amountOf: (r: R) => number,
  xKey = 'x',
): { data: Record<string, string | number>[]; series: string[] } {
  const series: string[] = [];
  for (const r of rows) if (!series.includes(seriesOf(r))) series.push(seriesOf(r));
  const data = xs.map((x) => {
    const row: Record<string, string | number> = { [xKey]: x };
    for (const s of series) row[s] = 0;
    return row;
  });
  const index = new Map(xs.map((x, i) => [x, i]));
  for (const r of rows) {
    const i = index.get(xOf(r));
    if (i !== undefined) data[i][seriesOf(r)] = Number(data[i][seriesOf(r)]) + amountOf(r);
  }
  return { data, series };
}
