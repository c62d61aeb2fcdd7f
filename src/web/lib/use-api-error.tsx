import { App, Button, type FormInstance } from 'antd';
import { useCallback } from 'react';
import { ERROR_MESSAGES } from '../../contracts/errors';
import { ApiError } from './api-client';
import { applyFieldErrors } from './form-errors';
import { useLang, useT } from './i18n';

interface Options {
  form?: FormInstance;
  /** API field name -> form field name, where they differ. */
  fieldMap?: Record<string, (string | number)[] | string>;
  /** A 409 here means someone saved first (optimistic locking): offer to reload. */
  conflictMeansStale?: boolean;
  /** How to reload for a stale 409 (default: reload the page). */
  onReload?: () => void;
}

/**
 * Show an API error: field messages beside the form fields, the error message in a notification
 * (with the field messages no field could show). A stale version (409) asks the user to reload.
 */
export function useApiErrorHandler() {
  const { notification } = App.useApp();
  const t = useT();
  const [lang] = useLang();
  return useCallback(
    (err: unknown, opts: Options = {}) => {
      if (!(err instanceof ApiError)) {
        notification.error({ title: t('errorTitle'), description: String((err as Error)?.message ?? err) });
        return;
      }
      if (err.status === 401 && err.code !== 'INVALID_CREDENTIALS') return; // the app goes to the login page
      const rest = applyFieldErrors(opts.form, err.fields, opts.fieldMap);
      // Every invalid field is marked in the form: a short title is enough.
      const allShown = err.code === 'VALIDATION_FAILED' && err.fields.length > 0 && rest.length === 0;
      const stale = err.code === 'CONFLICT' && !!opts.conflictMeansStale;
      const description = stale ? (
        t('conflictReload')
      ) : rest.length ? (
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {rest.map((f) => (
            <li key={`${f.field}:${f.message}`}>
              <b>{f.field}</b>: {f.message}
            </li>
          ))}
        </ul>
      ) : allShown ? (
        t('fixMarkedFields')
      ) : undefined;
      notification.error({
        key: `api-error-${err.code}`,
        title:
          err.code === 'NETWORK'
            ? t('networkError')
            : allShown
              ? ERROR_MESSAGES.VALIDATION_FAILED[lang]
              : err.message,
        description,
        duration: stale ? 0 : 6,
        actions: stale ? (
          <Button
            type="primary"
            size="small"
            onClick={() => {
              notification.destroy(`api-error-${err.code}`);
              if (opts.onReload) opts.onReload();
              else window.location.reload();
            }}
          >
            {t('reload')}
          </Button>
        ) : undefined,
      });
    },
    [notification, t, lang],
  );
}
