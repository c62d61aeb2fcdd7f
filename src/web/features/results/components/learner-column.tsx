import type { TableColumnType } from 'antd';
import { Typography } from 'antd';

/** The sticky first column of both grids: number, name and unit, narrow enough for a phone. */
export function learnerColumn<T extends { fullName: string; unitName: string }>(
  title: string,
): TableColumnType<T> {
  return {
    title,
    key: 'name',
    fixed: 'left',
    width: 130,
    render: (_v, l, i) => (
      <div style={{ lineHeight: 1.25, maxWidth: 150, whiteSpace: 'normal' }}>
        <span className="tabular" style={{ color: '#8c8c8c' }}>
          {i + 1}.
        </span>{' '}
        <b>{l.fullName}</b>
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis={{ tooltip: l.unitName }}>
            {l.unitName}
          </Typography.Text>
        </div>
      </div>
    ),
  };
}
