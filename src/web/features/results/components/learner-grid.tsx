import type { TableColumnsType } from 'antd';
import { ListTable } from '../../../kit/server-table';
import { useT } from '../../../lib/i18n';
import { resultsMessages } from '../messages';

/**
 * The grid of the attendance and scores tabs: one row per learner (the whole class, unpaged),
 * bordered, scrolling sideways with its header kept under the page header.
 */
export function LearnerGrid<T extends { nominationId: number }>({
  caption,
  columns,
  learners,
}: {
  caption: string;
  columns: TableColumnsType<T>;
  learners: T[];
}) {
  const t = useT(resultsMessages);
  return (
    <ListTable<T>
      aria-label={caption}
      rowKey="nominationId"
      bordered
      columns={columns}
      dataSource={learners}
      scroll={{ x: 'max-content' }}
      sticky={{ offsetHeader: 56 }}
      locale={{ emptyText: t('noLearners') }}
    />
  );
}
