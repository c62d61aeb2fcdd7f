/** The steps of sending a form, kept apart from React so the order can be tested. */
export interface SubmitSteps<V, R> {
  /** Check the fields; rejects when a field is invalid (the form already marks it). */
  validate: () => Promise<V>;
  /** Send to the server; `false` when there was nothing to send (the modal stays open). */
  send: (values: V) => Promise<R | false>;
  onSuccess: (result: R) => void;
  /** The server said no: show it (field messages beside the fields). */
  onError: (err: unknown) => void;
  setBusy: (busy: boolean) => void;
}

/**
 * Validate, then send once; success or the server's error, never both. Nothing is sent while a field
 * is invalid. Returns whether it was sent and accepted.
 */
export async function submitForm<V, R>(steps: SubmitSteps<V, R>): Promise<boolean> {
  let values: V;
  try {
    values = await steps.validate();
  } catch {
    return false;
  }
  steps.setBusy(true);
  let result: R | false;
  try {
    result = await steps.send(values);
  } catch (err) {
    steps.setBusy(false);
    steps.onError(err);
    return false;
  }
  steps.setBusy(false);
  if (result === false) return false;
  steps.onSuccess(result);
  return true;
}
