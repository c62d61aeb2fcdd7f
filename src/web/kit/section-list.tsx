import { List, Typography } from 'antd';
import type { ReactNode } from 'react';

/** A titled short list of a record's related items (a person's delegations, sponsorships...). */
export function SectionList<T>({
  title,
  query,
  empty,
  renderItem,
}: {
  title: ReactNode;
  query: { data?: { items: T[] }; isPending: boolean };
  empty: ReactNode;
  renderItem: (item: T) => ReactNode;
}) {
  return (
    <>
      <Typography.Title level={2} style={{ fontSize: 16 }}>
        {title}
      </Typography.Title>
      <List<T>
        size="small"
        loading={query.isPending}
        dataSource={query.data?.items ?? []}
        locale={{ emptyText: empty }}
        renderItem={renderItem}
      />
    </>
  );
}
