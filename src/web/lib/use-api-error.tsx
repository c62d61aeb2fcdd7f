import { App, type FormInstance } from 'antd';
import { useCallback } from 'react';
import { ApiError } from './api-client';
import { applyFieldErrors } from './form-errors';
import { useT } from './i18n';

interface Options {
  form?: FormInstance;
  /** API field name -> form field name, where they differ. */
  fieldMap?: Record<string, (string | number)[] | string>;
  /** A 409 here means someone saved first (optimistic locking): tell the user to reload. */
  conflictMeansStale?: boolean;
}

/**
 * Show an API error: field messages beside the form fields, the error message in a notification
 * (with the field messages no field could show). A stale version (409) asks the user to reload.
 */
export function useApiErrorHandler() {
  const { notification } = App.useApp();
  const t = useT();
  return useCallback(
    (err: unknown, opts: Options = {}) => {
      if (!(err instanceof ApiError)) {
        notification.error({ title: t('errorTitle'), description: String((err as Error)?.message ?? err) });
        return;
      }
      if (err.status === 401 && err.code !== 'INVALID_CREDENTIALS') return; // the app goes to the login page
      const rest = applyFieldErrors(opts.form, err.fields, opts.fieldMap);
      const stale = err.code === 'CONFLICT' && !!opts.conflictMeansStale;
      const description = stale ? (
          <>
            <div>{err.message}</div>
            <div>{t('conflictReload')}</div>
          </>
        ) : rest.length ? (
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            {rest.map((f) => (
              <li key={`${f.field}:${f.message}`}>
                <b>{f.field}</b>: {f.message}
              </li>
            ))}
          </ul>
        ) : undefined;
      notification.error({
        key: `api-error-${err.code}`,
        title: err.code === 'NETWORK' ? t('networkError') : err.message,
        description,
        duration: stale ? 0 : 6,
      });
    },
    [notification, t],
  );
}
