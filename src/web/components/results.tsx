import { Alert, Button, Result, Spin } from 'antd';
import { Link } from 'react-router';
import { ApiError } from '../lib/api-client';
import { useT } from '../lib/i18n';

export function NotFoundResult({ text }: { text?: string }) {
  const t = useT();
  return (
    <Result
      status="404"
      title={t('notFoundTitle')}
      subTitle={text ?? t('notFoundText')}
      extra={
        <Link to="/">
          <Button type="primary">{t('backHome')}</Button>
        </Link>
      }
    />
  );
}

export function ForbiddenResult() {
  const t = useT();
  return (
    <Result
      status="403"
      title={t('forbiddenTitle')}
      subTitle={t('forbiddenText')}
      extra={
        <Link to="/">
          <Button type="primary">{t('backHome')}</Button>
        </Link>
      }
    />
  );
}

/** A failed query: not found / forbidden get their own page, other errors a retry button. */
export function QueryErrorResult({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT();
  if (error instanceof ApiError && error.status === 404) return <NotFoundResult text={error.message} />;
  if (error instanceof ApiError && error.status === 403) return <ForbiddenResult />;
  const message =
    error instanceof ApiError
      ? error.code === 'NETWORK'
        ? t('networkError')
        : error.message
      : String(error);
  return (
    <Result
      status="error"
      title={t('errorTitle')}
      subTitle={message}
      extra={onRetry ? <Button onClick={onRetry}>{t('reload')}</Button> : undefined}
    />
  );
}

export function PageSpinner() {
  const t = useT();
  return (
    <div style={{ display: 'flex', justifyContent: 'center', padding: 64 }} role="status" aria-live="polite">
      <Spin size="large" description={t('loading')} />
    </div>
  );
}

/** A part of a page that failed to load (the page around it still stands): what, why, and "Tải lại". */
export function LoadFailedAlert({
  title,
  error,
  onRetry,
}: {
  title: string;
  error: unknown;
  onRetry: () => void;
}) {
  const t = useT();
  return (
    <Alert
      type="error"
      showIcon
      title={title}
      description={(error as Error).message}
      action={
        <Button size="small" onClick={onRetry}>
          {t('reload')}
        </Button>
      }
    />
  );
}
