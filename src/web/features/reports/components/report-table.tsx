import { Button, Switch, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
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
const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, Math.round(n)));

/**
 * Screen width (px) of a column (ADR 061): numbers sized to their widest figure, text from the
 * sheet's width in characters, wrapping; the first column stays put when the table scrolls.
 */
export function columnWidth(c: ReportColumn, first: boolean): number {
  if (first) return c.width ? clamp(c.width * 8, 110, 260) : 240;
  if (c.kind === 'text') return c.width ? clamp(c.width * 4.75, 96, 200) : 160;
  return c.kind === 'money' ? 114 : c.kind === 'date' ? 100 : c.kind === 'percent' ? 72 : 60;
}

/** A report's table: grouped headers, roll-up indentation, bold subtotals and totals; numbers open the people behind them. */
export function ReportTableView({ table, onDrill, loading }: Props) {
  const t = useT(reportsMessages);
  const [lang] = useLang();
  const first = table.columns[0]?.key;
  // Breakdown columns fold away so the rest fits the screen; the .xlsx keeps them all.
  const [detail, setDetail] = useState(false);
  const hasDetail = table.columns.some((c) => c.detail);
  const shown = table.columns.filter((c) => detail || !c.detail);

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
    width: columnWidth(c, c.key === first),
    render: (_: unknown, row: ReportRow) =>
      c.key === first && row.depth ? (
        <span style={{ paddingLeft: row.depth * 16 }}>{cellOf(row, c)}</span>
      ) : (
        cellOf(row, c)
      ),
  });

  const columns: TableColumnsType<ReportRow> = [];
  for (let i = 0; i < shown.length; ) {
    const c = shown[i];
    if (!c.group) {
      columns.push(leaf(c));
      i++;
      continue;
    }
    const children = [];
    let j = i;
    while (j < shown.length && shown[j].group === c.group) children.push(leaf(shown[j++]));
    columns.push({ title: c.group, key: `g:${c.group}:${i}`, align: 'center', children });
    i = j;
  }

  const totals = table.totals;
  const width = shown.reduce((sum, c) => sum + columnWidth(c, c.key === first), 0);
  const view = (
    <Table<ReportRow>
      size="small"
      bordered
      loading={loading}
      rowKey="key"
      columns={columns}
      dataSource={table.rows}
      pagination={false}
      tableLayout="fixed"
      scroll={{ x: width }}
      locale={{ emptyText: t('empty') }}
      rowClassName={(r) => (r.subtotal ? 'report-subtotal' : '')}
      summary={
        totals
          ? () => (
              <Table.Summary fixed="bottom">
                <Table.Summary.Row className="report-total">
                  {shown.map((c, i) => (
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
  if (!hasDetail) return view;
  return (
    <>
      <div className="no-print" style={{ display: 'flex', gap: 8, marginBottom: 8, alignItems: 'center' }}>
        <Switch
          size="small"
          checked={detail}
          onChange={setDetail}
          aria-labelledby="report-show-detail"
          data-testid="report-show-detail"
        />
        <span id="report-show-detail">{t('showDetail')}</span>
      </div>
      {view}
    </>
  );
}
