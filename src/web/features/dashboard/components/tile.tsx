import { Button, Card, Typography } from 'antd';
import type { ReactNode } from 'react';
import { formatDateTime } from '../../../lib/dates';
import { useT } from '../../../lib/i18n';
import { dashboardMessages } from '../messages';

interface TileProps {
  title: string;
  help: string;
  /** When the tile's data was read (ISO). */
  readAt: string | undefined;
  children: ReactNode;
}

/** A chart card: title, how it is counted, the chart, and the time its data was read. */
export function Tile({ title, help, readAt, children }: TileProps) {
  const t = useT(dashboardMessages);
  return (
    <Card size="small" title={title} style={{ height: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
        {help}
      </Typography.Paragraph>
      {children}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {readAt ? t('readAt', { time: formatDateTime(readAt) }) : t('loading')}
      </Typography.Text>
    </Card>
  );
}

interface KpiProps {
  title: string;
  value: string;
  help: string;
  readAt: string | undefined;
  /** Opens the people or classes behind the number. */
  onOpen?: () => void;
}

/** A KPI tile: the number is a button that opens what stands behind it. */
export function Kpi({ title, value, help, readAt, onOpen }: KpiProps) {
  const t = useT(dashboardMessages);
  return (
    <Card size="small" style={{ height: '100%' }}>
      <Typography.Text type="secondary">{title}</Typography.Text>
      <div className="tabular" style={{ fontSize: 26, lineHeight: 1.3, margin: '2px 0' }}>
        {onOpen ? (
          <Button
            type="link"
            onClick={onOpen}
            style={{ fontSize: 26, padding: 0, height: 'auto' }}
            aria-label={`${title}: ${value}`}
          >
            {value}
          </Button>
        ) : (
          value
        )}
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
        {help}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 11 }}>
        {readAt ? t('readAt', { time: formatDateTime(readAt) }) : t('loading')}
      </Typography.Text>
    </Card>
  );
}
