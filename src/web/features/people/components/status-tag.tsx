import { Tag } from 'antd';

const COLORS: Record<string, string> = {
  WORKING: 'green',
  TRANSFERRED: 'blue',
  RETIRED: 'default',
  LEFT: 'orange',
};

export function StatusTag({ code, label }: { code: string; label: string }) {
  return (
    <Tag color={COLORS[code] ?? 'default'} style={{ marginInlineEnd: 0 }}>
      {label}
    </Tag>
  );
}
