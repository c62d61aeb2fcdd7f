import { Alert, Button, Checkbox, Flex, Form, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { PersonMultiPicker } from '../../../components/person-picker';
import { ListTable } from '../../../kit/server-table';
import { useCodeLabel } from '../../../lib/codes';
import { formatDate } from '../../../lib/dates';
import { useLang, useT } from '../../../lib/i18n';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { type BulkCheckItem, type BulkResult, useBulkCheck, useBulkNominate } from '../api/bulk';
import { bulkMessages } from '../bulk-messages';
import { BulkResultModal } from './bulk-result-modal';

/**
 * Send several people at once: choose them, see for each the warnings and whether they would
 * hold a seat or wait, then send them in one request; the result says what happened to each.
 */
export function BulkNominate({ classId }: { classId: number }) {
  const t = useT(bulkMessages);
  const codeLabel = useCodeLabel();
  const [lang] = useLang();
  const onError = useApiErrorHandler();
  const [people, setPeople] = useState<{ id: number; label: string }[]>([]);
  const [checked, setChecked] = useState<BulkCheckItem[] | null>(null);
  const [confirm, setConfirm] = useState(false);
  const [result, setResult] = useState<{ r: BulkResult; names: Map<number, string> } | null>(null);
  const check = useBulkCheck(classId);
  const nominate = useBulkNominate(classId);
  const warned = (checked ?? []).some((i) => i.check?.warnings.length);
  const sendable = (checked ?? []).filter((i) => i.check);

  const runCheck = () =>
    check.mutate(
      people.map((p) => p.id),
      { onSuccess: (r) => setChecked(r.items), onError: (err) => onError(err) },
    );
  const send = () => {
    const names = new Map(people.map((p) => [p.id, p.label]));
    nominate.mutate(
      { personIds: sendable.map((i) => i.personId), confirm },
      {
        onSuccess: (r) => {
          setResult({ r, names });
          setPeople([]);
          setChecked(null);
          setConfirm(false);
        },
        onError: (err) => onError(err),
      },
    );
  };

  const columns: TableColumnsType<BulkCheckItem> = [
    { title: t('fullName'), key: 'name', render: (_v, i) => <b>{i.fullName ?? `#${i.personId}`}</b> },
    { title: t('birthDate'), key: 'birth', width: 100, render: (_v, i) => formatDate(i.birthDate) },
    {
      title: t('post'),
      key: 'post',
      render: (_v, i) => (i.postCode ? codeLabel('post', i.postCode) : (i.post ?? '—')),
    },
    { title: t('unit'), key: 'unit', render: (_v, i) => i.unitName ?? '—' },
    {
      title: t('outcome'),
      key: 'outcome',
      render: (_v, i) =>
        i.error ? (
          <Tag color="red" style={{ whiteSpace: 'normal' }}>
            {i.error.message}
          </Tag>
        ) : i.check?.outcome === 'seat' ? (
          <Tag color="blue">{t('seat')}</Tag>
        ) : (
          <Tag color="orange">{t('waitlist')}</Tag>
        ),
    },
    {
      title: t('warnings'),
      key: 'warnings',
      render: (_v, i) =>
        i.check?.warnings.length ? (
          <ul style={{ margin: 0, paddingInlineStart: 16 }}>
            {i.check.warnings.map((w) => (
              <li key={w.code}>{w[lang]}</li>
            ))}
          </ul>
        ) : i.check ? (
          t('noWarnings')
        ) : null,
    },
  ];

  return (
    <>
      <Form layout="vertical">
        <Form.Item label={t('pickMany')} htmlFor="bulk-people">
          <PersonMultiPicker
            id="bulk-people"
            value={people}
            onChange={(v) => {
              setPeople(v);
              setChecked(null);
            }}
          />
        </Form.Item>
        <Button onClick={runCheck} disabled={!people.length} loading={check.isPending}>
          {t('check')}
        </Button>
      </Form>
      {checked ? (
        <>
          <ListTable<BulkCheckItem>
            aria-label={t('checkCaption')}
            rowKey="personId"
            columns={columns}
            dataSource={checked}
            style={{ marginTop: 12 }}
          />
          <Flex gap={12} align="center" wrap style={{ marginTop: 12 }}>
            {warned ? (
              <Checkbox checked={confirm} onChange={(e) => setConfirm(e.target.checked)}>
                {t('confirmWarnings')}
              </Checkbox>
            ) : null}
            <Button type="primary" onClick={send} disabled={!sendable.length} loading={nominate.isPending}>
              {t('sendMany', { n: sendable.length })}
            </Button>
          </Flex>
          {warned && !confirm ? (
            <Alert type="warning" showIcon style={{ marginTop: 8 }} title={t('confirmWarnings')} />
          ) : null}
        </>
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
