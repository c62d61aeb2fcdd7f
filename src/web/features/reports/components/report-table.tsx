import { Button, Table, type TableColumnsType, Typography } from 'antd';
import type { ReportTable as Report, ReportColumn, ReportRow } from '../../../../contracts/reports';
import { useLang, useT } from '../../../lib/i18n';
import { reportsMessages } from '../messages';
import { formatCell } from './report-format';

export interface Drill {
  cell: string;
  /** What the number is, in words: "Xã Đầm Hà · Hoàn thành tốt nhiệm vụ". */
  what: string;
}

interface Props {
  table: Report;
  onDrill: (d: Drill) => void;
  loading?: boolean;
}

const numeric = (c: ReportColumn) => c.kind !== 'text';

/** A report's table: grouped headers, roll-up indentation, bold subtotals and totals; numbers open the people behind them. */
export function ReportTableView({ table, onDrill, loading }: Props) {
  const t = useT(reportsMessages);
  const [lang] = useLang();
  const first = table.columns[0]?.key;

  const cellOf = (row: ReportRow, c: ReportColumn) => {
    const v = row.cells[c.key];
    // A section heading (a row with no figures at all) shows no dashes.
    const heading = table.columns.every((col) => col.key === first || row.cells[col.key] == null);
    const text = heading ? String(v ?? '') : formatCell(c.kind, v, lang);
    const token = row.drill?.[c.key];
    const bold = row.subtotal || row === table.totals || heading;
    if (token && typeof v === 'number' && v > 0) {
      const what = [String(row.cells[first] ?? ''), c.group, c.label].filter(Boolean).join(' · ');
      return (
        <Button
          type="link"
          size="small"
          className="tabular"
          style={{ padding: 0, height: 'auto', fontWeight: bold ? 600 : undefined }}
          aria-label={t('openNumber', { n: text, what })}
          title={t('openNumber', { n: text, what })}
          onClick={() => onDrill({ cell: token, what })}
        >
          {text}
        </Button>
      );
    }
    return bold ? <Typography.Text strong>{text}</Typography.Text> : text;
  };

  const leaf = (c: ReportColumn) => ({
    title: c.label,
    key: c.key,
    align: numeric(c) ? ('right' as const) : undefined,
    className: numeric(c) ? 'tabular' : undefined,
    fixed: c.key === first ? ('left' as const) : undefined,
    width: c.key === first ? 240 : undefined,
    render: (_: unknown, row: ReportRow) =>
      c.key === first && row.depth ? (
        <span style={{ paddingLeft: row.depth * 16 }}>{cellOf(row, c)}</span>
      ) : (
        cellOf(row, c)
      ),
  });

  const columns: TableColumnsType<ReportRow> = [];
  for (let i = 0; i < table.columns.length; ) {
    const c = table.columns[i];
    if (!c.group) {
      columns.push(leaf(c));
      i++;
      continue;
    }
    const children = [];
    let j = i;
    while (j < table.columns.length && table.columns[j].group === c.group)
      children.push(leaf(table.columns[j++]));
    columns.push({ title: c.group, key: `g:${c.group}:${i}`, align: 'center', children });
    i = j;
  }

  const totals = table.totals;
  return (
    <Table<ReportRow>
      size="small"
      bordered
      loading={loading}
      rowKey="key"
      columns={columns}
      dataSource={table.rows}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('empty') }}
      rowClassName={(r) => (r.subtotal ? 'report-subtotal' : '')}
      summary={
        totals
          ? () => (
              <Table.Summary fixed="bottom">
                <Table.Summary.Row className="report-total">
                  {table.columns.map((c, i) => (
                    <Table.Summary.Cell
                      key={c.key}
                      index={i}
                      align={numeric(c) ? 'right' : undefined}
                      className="tabular"
                    >
                      {cellOf(totals, c)}
                    </Table.Summary.Cell>
                  ))}
                </Table.Summary.Row>
              </Table.Summary>
            )
          : undefined
      }
    />
  );
}
