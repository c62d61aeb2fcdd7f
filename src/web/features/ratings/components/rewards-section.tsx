import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Flex, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { QueryErrorResult } from '../../../components/results';
import { RowAction } from '../../../kit/row-action';
import { ListTable } from '../../../kit/server-table';
import { useCodeLabel } from '../../../lib/codes';
import { formatDate } from '../../../lib/dates';
import { useT } from '../../../lib/i18n';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { type RewardDiscipline, useDeleteReward, usePersonRewards } from '../api/ratings';
import { ratingMessages } from '../messages';
import { formListOf, RewardFormModal } from './reward-form-modal';

/** Rewards and disciplinary measures of one person, newest decision first. */
export function RewardsSection({ personId, canEdit }: { personId: number; canEdit: boolean }) {
  const t = useT(ratingMessages);
  const label = useCodeLabel();
  const { data, error, isPending, isFetching, refetch } = usePersonRewards(personId);
  const remove = useDeleteReward();
  const onError = useApiErrorHandler();
  const { message, modal } = App.useApp();
  const [adding, setAdding] = useState(false);
  const headingId = `rewards-heading-${personId}`;
  const kindLabel = (r: RewardDiscipline) => (r.kind === 'reward' ? t('kindReward') : t('kindDiscipline'));
  /** Mid-sentence form ("Đã xóa kỷ luật."). */
  const kindWord = (r: RewardDiscipline) =>
    r.kind === 'reward' ? t('kindRewardLower') : t('kindDisciplineLower');
  const formLabel = (r: RewardDiscipline) => label(formListOf(r.kind), r.form);

  const confirmDelete = (r: RewardDiscipline) => {
    modal.confirm({
      title: t('deleteRewardTitle', { kind: kindWord(r) }),
      content: t('deleteRewardText', {
        form: formLabel(r),
        date: formatDate(r.decidedOn),
        no: r.decisionNo ? t('deleteRewardNo', { no: r.decisionNo }) : '',
      }),
      okText: t('delete'),
      okButtonProps: { danger: true },
      cancelText: t('cancel'),
      onOk: () =>
        remove
          .mutateAsync(r.id)
          .then(() => message.success(t('rewardDeleted', { kind: kindWord(r) })))
          .catch((err) => onError(err)),
    });
  };

  const columns: TableColumnsType<RewardDiscipline> = [
    {
      title: t('decidedOn'),
      dataIndex: 'decidedOn',
      key: 'decidedOn',
      width: 120,
      className: 'tabular',
      render: (d: string) => formatDate(d),
    },
    {
      title: t('kind'),
      dataIndex: 'kind',
      key: 'kind',
      width: 120,
      render: (_k, r) => <Tag color={r.kind === 'reward' ? 'green' : 'red'}>{kindLabel(r)}</Tag>,
    },
    {
      title: t('form'),
      dataIndex: 'form',
      key: 'form',
      width: 240,
      render: (_f, r) => <span style={{ fontWeight: 500 }}>{formLabel(r)}</span>,
    },
    {
      title: t('decisionNo'),
      dataIndex: 'decisionNo',
      key: 'decisionNo',
      width: 150,
      render: (v: string | null) => v ?? '—',
    },
    { title: t('issuer'), dataIndex: 'issuer', key: 'issuer', width: 220, render: (v) => v ?? '—' },
    { title: t('rewardReason'), dataIndex: 'reason', key: 'reason', render: (v) => v ?? '—' },
    ...(canEdit
      ? [
          {
            title: t('actions'),
            key: 'actions',
            width: 80,
            className: 'keep-decoration',
            render: (_v: unknown, r: RewardDiscipline) => (
              <RowAction
                tip={t('delete')}
                danger
                icon={<DeleteOutlined />}
                label={t('deleteRewardRow', {
                  kind: kindWord(r),
                  form: formLabel(r),
                  date: formatDate(r.decidedOn),
                })}
                onClick={() => confirmDelete(r)}
              />
            ),
          },
        ]
      : []),
  ];

  return (
    <section aria-labelledby={headingId}>
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 12 }}>
        <Typography.Title level={3} id={headingId} style={{ fontSize: 16, margin: 0 }}>
          {t('rewardsTitle')}
        </Typography.Title>
        {canEdit ? (
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t('addReward')}
          </Button>
        ) : null}
      </Flex>
      {error ? (
        <QueryErrorResult error={error} onRetry={() => refetch()} />
      ) : (
        <ListTable<RewardDiscipline>
          aria-labelledby={headingId}
          loading={isPending || isFetching}
          columns={columns}
          dataSource={data ?? []}
          scroll={{ x: 900 }}
          locale={{ emptyText: t('rewardsEmpty') }}
        />
      )}
      {adding ? <RewardFormModal personId={personId} onClose={() => setAdding(false)} /> : null}
    </section>
  );
}
