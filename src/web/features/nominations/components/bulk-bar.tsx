import { App, Button, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../../../lib/i18n';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { type BulkResult, useBulkDecide, useBulkWaitlist } from '../api/bulk';
import type { Nomination } from '../api/nominations';
import { bulkMessages } from '../bulk-messages';
import { BulkResultModal } from './bulk-result-modal';
import { ReasonModal } from './reason-modal';

/**
 * The bar over the nominations table while rows are selected: approve, reject (one reason for
 * all) or move to the waitlist every selected nomination in one request; the result says what
 * happened to each.
 */
export function BulkBar({
  classId,
  selected,
  onDone,
}: {
  classId: number;
  selected: Nomination[];
  onDone: () => void;
}) {
  const t = useT(bulkMessages);
  const { modal } = App.useApp();
  const onError = useApiErrorHandler();
  const decide = useBulkDecide(classId);
  const waitlist = useBulkWaitlist(classId);
  const [asking, setAsking] = useState<'reject' | 'waitlist' | null>(null);
  const [result, setResult] = useState<{ r: BulkResult; names: Map<number, string> } | null>(null);
  const ids = selected.map((n) => n.id);
  const names = new Map(selected.map((n) => [n.id, n.personName]));
  const n = ids.length;
  const pending = selected.filter((x) => x.status === 'pending').length;
  const shown = (r: BulkResult) => {
    setResult({ r, names });
    onDone();
  };

  const approve = () =>
    modal.confirm({
      title: t('approveConfirm', { n }),
      okText: t('approveSelected', { n }),
      cancelText: t('cancel'),
      onOk: () =>
        decide
          .mutateAsync({ nominationIds: ids, decision: 'approve' })
          .then(shown)
          .catch((err) => onError(err)),
    });

  return (
    <>
      {n ? (
        <Flex
          gap={8}
          align="center"
          wrap
          role="toolbar"
          aria-label={t('selected', { n })}
          style={{ padding: '8px 12px', background: '#f0f5ff', borderRadius: 6, marginBottom: 8 }}
        >
          <Typography.Text strong>{t('selected', { n })}</Typography.Text>
          <Button type="primary" size="small" onClick={approve} loading={decide.isPending}>
            {t('approveSelected', { n })}
          </Button>
          <Button danger size="small" onClick={() => setAsking('reject')}>
            {t('rejectSelected', { n })}
          </Button>
          <Button size="small" disabled={!pending} onClick={() => setAsking('waitlist')}>
            {t('waitlistSelected', { n: pending })}
          </Button>
          <Button type="link" size="small" onClick={onDone}>
            {t('clear')}
          </Button>
        </Flex>
      ) : null}
      {asking === 'reject' ? (
        <ReasonModal
          title={t('rejectSelected', { n })}
          label={t('rejectReason')}
          okText={t('rejectSelected', { n })}
          danger
          run={(reason) => decide.mutateAsync({ nominationIds: ids, decision: 'reject', reason }).then(shown)}
          onClose={() => setAsking(null)}
        />
      ) : null}
      {asking === 'waitlist' ? (
        <ReasonModal
          title={t('waitlistSelected', { n: pending })}
          label={t('waitlistReason')}
          okText={t('waitlistSelected', { n: pending })}
          optional
          run={(reason) =>
            waitlist
              .mutateAsync({
                nominationIds: selected.filter((x) => x.status === 'pending').map((x) => x.id),
                reason: reason || undefined,
              })
              .then(shown)
          }
          onClose={() => setAsking(null)}
        />
      ) : null}
      {result ? (
        <BulkResultModal
          result={result.r}
          nameOf={(id) => result.names.get(id) ?? `#${id}`}
          onClose={() => setResult(null)}
        />
      ) : null}
    </>
  );
}
