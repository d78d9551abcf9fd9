import { App, type FormInstance } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import { applyFieldErrors } from '../api/form-errors';

/**
 * Submits a form through `send` and sorts out what the server answered: field errors go under their
 * inputs, a 409 STALE_VERSION sets `isStale`, anything else lands in `errors` for an alert.
 */
export function useFormSubmit<V>(
  form: FormInstance<V>,
  send: (values: V) => Promise<unknown>,
  onDone: () => void,
  successMessage?: string,
) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [errors, setErrors] = useState<string[]>([]);
  const [isStale, setStale] = useState(false);
  const [isSaving, setSaving] = useState(false);

  const submit = async (values: V) => {
    setErrors([]);
    setSaving(true);
    try {
      await send(values);
      message.success(successMessage ?? t('common.saved'));
      onDone();
    } catch (err) {
      if (isApiError(err, 'STALE_VERSION')) setStale(true);
      else {
        const rest = applyFieldErrors(form, err);
        if (rest === null) setErrors([err instanceof Error ? err.message : String(err)]);
        else setErrors([isApiError(err) ? err.message : t('common.error'), ...rest]);
      }
    } finally {
      setSaving(false);
    }
  };
  const clear = useCallback(() => {
    setErrors([]);
    setStale(false);
  }, []);
  return { submit, errors, isStale, isSaving, clear, setStale };
}
