import { ArrowLeftOutlined } from '@ant-design/icons';
import { Breadcrumb } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** Above a record's page: "← back to the list" (a link), then the record's short name. */
export function BackCrumb({ to, label, current }: { to: string; label: ReactNode; current: ReactNode }) {
  return (
    <Breadcrumb
      style={{ marginBottom: 8 }}
      items={[
        {
          title: (
            <Link to={to}>
              <ArrowLeftOutlined /> {label}
            </Link>
          ),
        },
        { title: current },
      ]}
    />
  );
}
