import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Flex, Space, Table, type TableColumnsType, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { QueryErrorResult } from '../../../components/results';
import { RowAction } from '../../../kit/row-action';
import { useCodeLabel } from '../../../lib/codes';
import { formatDateTime } from '../../../lib/dates';
import { useT } from '../../../lib/i18n';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { type AnnualRating, useDeleteRating, usePersonRatings } from '../api/ratings';
import { formatPoints } from '../distribution';
import { ratingMessages } from '../messages';
import { RatingFormModal } from './rating-form-modal';
import { RatingTag } from './rating-tag';

/** The yearly ratings of one person, newest first, with record / edit / delete for officers. */
export function AnnualRatingsSection({ personId, canEdit }: { personId: number; canEdit: boolean }) {
  const t = useT(ratingMessages);
  const label = useCodeLabel();
  const { data, error, isPending, isFetching, refetch } = usePersonRatings(personId);
  const remove = useDeleteRating(personId);
  const onError = useApiErrorHandler();
  const { message, modal } = App.useApp();
  const [form, setForm] = useState<{ editing?: AnnualRating } | null>(null);
  const headingId = `ratings-heading-${personId}`;

  const confirmDelete = (r: AnnualRating) =>
    modal.confirm({
      title: t('deleteRatingTitle', { year: r.year }),
      content: t('deleteRatingText', { year: r.year, rating: label('annual_rating', r.rating) }),
      okText: t('delete'),
      okButtonProps: { danger: true },
      cancelText: t('cancel'),
      // Returning the promise keeps the dialog open (spinning) until the server answers.
      onOk: () =>
        remove
          .mutateAsync(r.year)
          .then(() => message.success(t('ratingDeleted', { year: r.year })))
          .catch((err) => onError(err)),
    });

  const columns: TableColumnsType<AnnualRating> = [
    {
      title: t('year'),
      dataIndex: 'year',
      key: 'year',
      width: 72,
      className: 'tabular',
      render: (y: number) => <strong>{y}</strong>,
    },
    {
      title: t('points'),
      dataIndex: 'points',
      key: 'points',
      width: 110,
      align: 'right',
      className: 'tabular',
      render: (p: number | null) =>
        p == null ? (
          <Tooltip title={t('byCriteriaHint')}>
            <Typography.Text type="secondary">{t('byCriteria')}</Typography.Text>
          </Tooltip>
        ) : (
          formatPoints(p)
        ),
    },
    {
      title: t('rating'),
      dataIndex: 'rating',
      key: 'rating',
      width: 230,
      render: (code: string) => <RatingTag code={code} />,
    },
    { title: t('ratingUnit'), dataIndex: 'unitName', key: 'unitName', width: 220 },
    {
      title: t('note'),
      dataIndex: 'note',
      key: 'note',
      render: (n: string | null) => n ?? '—',
    },
    {
      title: t('updatedAt'),
      dataIndex: 'updatedAt',
      key: 'updatedAt',
      width: 170,
      render: (d: string, r) => (
        <>
          <div className="tabular">{formatDateTime(d)}</div>
          <Typography.Text type="secondary">{r.updatedByName ?? t('imported')}</Typography.Text>
        </>
      ),
    },
    ...(canEdit
      ? [
          {
            title: t('actions'),
            key: 'actions',
            width: 90,
            className: 'keep-decoration',
            render: (_v: unknown, r: AnnualRating) => (
              <Space size={0}>
                <RowAction
                  tip={t('edit')}
                  icon={<EditOutlined />}
                  label={t('editRatingRow', { year: r.year })}
                  onClick={() => setForm({ editing: r })}
                />
                <RowAction
                  tip={t('delete')}
                  danger
                  icon={<DeleteOutlined />}
                  label={t('deleteRatingRow', { year: r.year })}
                  onClick={() => confirmDelete(r)}
                />
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <section aria-labelledby={headingId}>
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 12 }}>
        <Typography.Title level={3} id={headingId} style={{ fontSize: 16, margin: 0 }}>
          {t('ratingsTitle')}
        </Typography.Title>
        {canEdit ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setForm({})}>
            {t('addRating')}
          </Button>
        ) : null}
      </Flex>
      {error ? (
        <QueryErrorResult error={error} onRetry={() => refetch()} />
      ) : (
        <Table<AnnualRating>
          aria-labelledby={headingId}
          rowKey="year"
          size="small"
          loading={isPending || isFetching}
          columns={columns}
          dataSource={data ?? []}
          pagination={false}
          scroll={{ x: 900 }}
          locale={{ emptyText: t('ratingsEmpty') }}
        />
      )}
      {form ? (
        <RatingFormModal
          personId={personId}
          existing={data ?? []}
          editing={form.editing}
          onClose={() => setForm(null)}
        />
      ) : null}
    </section>
  );
}
