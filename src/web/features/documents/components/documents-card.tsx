import { DownOutlined, FileTextOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Dropdown, Flex, List, type MenuProps, Typography } from 'antd';
import {
  DECISION_KINDS,
  DOCUMENT_KIND_LABELS,
  DOCUMENT_KINDS,
  type DocumentKind,
  type DocumentSubject,
  isNumbered,
  SUBJECT_OF,
} from '../../../../contracts/documents';
import { isApiError } from '../../../lib/api-client';
import { DATE_FORMAT, formatDate, toDayjs, todayIso, toIsoDate } from '../../../lib/dates';
import { useLang, useT } from '../../../lib/i18n';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { type Format, issuedUrl, printUrl, useIssue, useIssued } from '../api/documents';
import { documentsMessages } from '../messages';

const FORMATS: Format[] = ['pdf', 'docx'];

/**
 * The "Văn bản" card of a class or a plan (ADR 040): print any document of the record (decisions
 * not yet issued print as an unnumbered draft), issue a decision with its number, and the
 * decisions issued, each re-printed as issued. Shown to whoever manages the record.
 */
export function DocumentsCard({ subject, id, what }: { subject: DocumentSubject; id: number; what: string }) {
  const t = useT(documentsMessages);
  const [lang] = useLang();
  const { modal, message } = App.useApp();
  const onError = useApiErrorHandler();
  const issued = useIssued(subject, id);
  const issue = useIssue(subject, id);
  const kinds = DOCUMENT_KINDS.filter((k) => SUBJECT_OF[k] === subject);
  // Decisions and the summons take a number from the register (ADR 053).
  const decisions = kinds.filter(isNumbered);
  const label = (k: DocumentKind) => DOCUMENT_KIND_LABELS[k][lang];
  const fmt = (f: Format) => (f === 'pdf' ? t('pdf') : t('docx'));

  const printItems: MenuProps['items'] = kinds.map((k) => ({
    key: k,
    label: DECISION_KINDS.includes(k) ? `${label(k)} (${t('draft')})` : label(k),
    children: FORMATS.map((f) => ({
      key: `${k}.${f}`,
      label: (
        <a href={printUrl(subject, id, k, f)} target="_blank" rel="noreferrer">
          {fmt(f)}
        </a>
      ),
    })),
  }));

  const send = (kind: DocumentKind, issuedOn: string, again: boolean) =>
    issue
      .mutateAsync({ kind, issuedOn, again })
      .then((d) => message.success(t('issued', { number: d.number })))
      .catch((err) => {
        if (!again && isApiError(err, 'CONFLICT')) {
          modal.confirm({
            title: t('againTitle'),
            content: err.message,
            okText: t('againOk'),
            cancelText: t('cancel'),
            onOk: () => send(kind, issuedOn, true),
          });
          return;
        }
        onError(err);
        throw err;
      });

  const askIssue = (kind: DocumentKind) => {
    let issuedOn = todayIso();
    modal.confirm({
      title: t('issueTitle', { kind: label(kind) }),
      content: (
        <Flex vertical gap={8}>
          <Typography.Text type="secondary">{t('issueHelp')}</Typography.Text>
          <DatePicker
            aria-label={t('issuedOn')}
            format={DATE_FORMAT}
            defaultValue={toDayjs(issuedOn)}
            allowClear={false}
            onChange={(d) => {
              issuedOn = toIsoDate(d) ?? issuedOn;
            }}
          />
        </Flex>
      ),
      okText: t('issue'),
      cancelText: t('cancel'),
      onOk: () => send(kind, issuedOn, false),
    });
  };

  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      title={t('cardTitle')}
      extra={
        <Flex gap={8} wrap>
          <Dropdown menu={{ items: printItems }} trigger={['click']}>
            <Button icon={<FileTextOutlined />} aria-label={t('menuLabel', { what })}>
              {t('menu')} <DownOutlined />
            </Button>
          </Dropdown>
          <Dropdown
            menu={{ items: decisions.map((k) => ({ key: k, label: label(k), onClick: () => askIssue(k) })) }}
            trigger={['click']}
          >
            <Button type="primary">
              {t('issueMenu')} <DownOutlined />
            </Button>
          </Dropdown>
        </Flex>
      }
    >
      <List
        size="small"
        loading={issued.isPending}
        locale={{ emptyText: t('noIssued') }}
        dataSource={issued.data?.items ?? []}
        renderItem={(d) => (
          <List.Item
            actions={FORMATS.map((f) => (
              <a
                key={f}
                href={issuedUrl(d.id, f)}
                target="_blank"
                rel="noreferrer"
                aria-label={t('reprint', { number: d.number, format: fmt(f) })}
              >
                {fmt(f)}
              </a>
            ))}
          >
            <List.Item.Meta
              title={t(d.kind === 'summons' ? 'summonsLine' : 'decisionLine', {
                number: d.number,
                date: formatDate(d.issuedOn),
              })}
              description={`${label(d.kind)}${d.issuedByName ? ` · ${t('issuedBy', { name: d.issuedByName })}` : ''}`}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
