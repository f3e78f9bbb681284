import { useCallback, useEffect, useId, useRef, useState } from 'preact/hooks';

/** Loads with {@code load} whenever {@code deps} change; {@code reload} runs it again. */
export function useLoad(load, deps) {
  const [state, setState] = useState({ loading: true, data: null, error: null });
  const run = useCallback(() => {
    let current = true;
    setState((s) => ({ ...s, loading: true, error: null }));
    load().then(
      (data) => current && setState({ loading: false, data, error: null }),
      (error) => current && setState({ loading: false, data: null, error }),
    );
    return () => { current = false; };
  }, deps);
  useEffect(run, [run]);
  return { ...state, reload: run };
}

/**
 * A form's submit handler: runs {@code action} once at a time and keeps the error it throws for
 * {@link ErrorMessage}. After success the button stays disabled: the form gives way to what it made.
 */
export function useSubmit(action) {
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };
  return { error, busy, submit };
}

export function ErrorMessage({ error }) {
  if (!error) {
    return null;
  }
  return (
    <p class="error" role="alert">
      {error.message}
      {error.field ? <span class="field"> (field: {error.field})</span> : null}
    </p>
  );
}

export function Loading({ what }) {
  return <p class="muted" role="status">Loading {what}…</p>;
}

/** Moves focus to the page heading when a page opens, so keyboard and screen-reader users land on it. */
export function PageHeading({ children }) {
  const ref = useRef(null);
  useEffect(() => { ref.current && ref.current.focus(); }, []);
  return <h1 tabIndex={-1} ref={ref}>{children}</h1>;
}

/**
 * A modal confirmation (the native dialog element: focus stays inside, Escape cancels). {@code open}
 * shows it; {@code onConfirm} runs on the confirm button and may throw an ApiError, shown in place.
 */
export function ConfirmDialog({ open, title, children, confirmLabel, danger, onConfirm, onClose }) {
  const ref = useRef(null);
  const titleId = useId();
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) {
      return;
    }
    if (open && !dialog.open) {
      setError(null);
      dialog.showModal();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      onClose();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <dialog ref={ref} aria-labelledby={titleId} onClose={onClose} onCancel={onClose}>
      <h2 id={titleId}>{title}</h2>
      {children}
      <ErrorMessage error={error} />
      <div class="actions">
        <button type="button" onClick={onClose}>Cancel</button>
        <button type="button" class={danger ? 'danger' : 'primary'} disabled={busy} onClick={confirm}>
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}

/** A read-only value with a copy button; says whether the copy worked. */
export function CopyField({ id, label, value, secret }) {
  const [copied, setCopied] = useState('');
  const [shown, setShown] = useState(!secret);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied('Copied');
    } catch {
      setCopied('Could not copy: select the text and copy it by hand');
      setShown(true);
    }
  };
  return (
    <div class="copy-field">
      <label for={id}>{label}</label>
      <div class="row">
        <input id={id} type={shown ? 'text' : 'password'} readOnly value={value} spellcheck={false}
          onFocus={(e) => e.currentTarget.select()} />
        {secret ? (
          <button type="button" aria-pressed={shown} onClick={() => setShown(!shown)}>{shown ? 'Hide' : 'Show'}</button>
        ) : null}
        <button type="button" onClick={copy} aria-label={`Copy ${label}`}>Copy</button>
      </div>
      <p class="muted small" role="status" aria-live="polite">{copied}</p>
    </div>
  );
}
