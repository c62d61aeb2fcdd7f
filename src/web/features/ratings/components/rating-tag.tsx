import { Tag } from 'antd';
import { useCodeLabel } from '../../../lib/codes';
import { RATING_COLORS } from '../distribution';

/** A rating code as a coloured tag with its label from the `annual_rating` list. */
export function RatingTag({ code }: { code: string }) {
  const label = useCodeLabel();
  return (
    <Tag color={RATING_COLORS[code] ?? 'default'} style={{ marginInlineEnd: 0 }}>
      {label('annual_rating', code)}
    </Tag>
  );
}
