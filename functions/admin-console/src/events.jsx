import { useState } from 'preact/hooks';
import { api, ApiError, ws } from './api.js';
import { when } from './format.js';
import { ConfirmDialog, CopyField, ErrorMessage, Loading, PageHeading, useLoad } from './ui.jsx';

const STATUS_LABELS = {
  pending: 'Pending',
  retrying: 'Retrying',
  delivered: 'Delivered',
  failed: 'Failed',
  dropped: 'Dropped',
};

const STATUS_BADGES = { delivered: 'ok', failed: 'failed', dropped: 'inactive', retrying: 'retrying', pending: 'retrying' };

/** The workspace's webhook, its signing secret and its delivery log, side by side as the events issue asks. */
export function EventsPage({ workspaceId }) {
  const webhook = useLoad(() => api('GET', `${ws(workspaceId)}/webhook`).catch((e) => {
    if (e instanceof ApiError && e.status === 404) {
      return null;
    }
    throw e;
  }), [workspaceId]);
  const [secret, setSecret] = useState(null);
  const issued = (view) => {
    if (view && view.signingSecret) {
      setSecret({ value: view.signingSecret, previousExpiresAt: view.previousSecretExpiresAt || null });
    }
    webhook.reload();
  };
  return (
    <section aria-labelledby="page-title">
      <PageHeading>Events</PageHeading>
      <p class="muted">Directory changes (people and groups added, changed, deactivated, removed) are posted to your webhook,
        signed with the Standard Webhooks scheme. Each event keeps its id across retries, so your receiver can drop duplicates.</p>
      <ErrorMessage error={webhook.error} />
      {webhook.loading && webhook.data === null && !webhook.error ? <Loading what="the webhook" /> : null}
      <div class="stack">
        {secret ? <IssuedSecret secret={secret} onDone={() => setSecret(null)} /> : null}
        {!webhook.loading || webhook.data ? (
          webhook.data
            ? <WebhookSettings key={webhook.data.updatedAt} workspaceId={workspaceId} webhook={webhook.data}
                onChanged={webhook.reload} onIssued={issued} />
            : <NewWebhook workspaceId={workspaceId} onIssued={issued} />
        ) : null}
        {webhook.data ? <DeliveryLog workspaceId={workspaceId} /> : null}
        <EventBridgeStatus workspaceId={workspaceId} />
      </div>
    </section>
  );
}

/** The deployment's EventBridge bus, if any, and the rule pattern that picks out this workspace's events. */
function EventBridgeStatus({ workspaceId }) {
  const status = useLoad(() => api('GET', `${ws(workspaceId)}/eventbridge`), [workspaceId]);
  return (
    <div class="card" role="region" aria-labelledby="eventbridge-title" data-testid="eventbridge">
      <h2 id="eventbridge-title">Amazon EventBridge</h2>
      <ErrorMessage error={status.error} />
      {status.data ? (
        status.data.enabled ? (
          <>
            <p>Every event is also published to the bus <code>{status.data.eventBusName}</code> with source
              <code> {status.data.source}</code> and the event type as detail type.</p>
            <CopyField id="eventbridge-pattern" label="Event pattern for a rule that receives this workspace's events"
              value={JSON.stringify(status.data.eventPattern)} />
          </>
        ) : <p><span class="badge inactive">Off</span> This deployment publishes to no EventBridge bus; its operator turns that on.</p>
      ) : (status.error ? null : <Loading what="the EventBridge status" />)}
    </div>
  );
}

function IssuedSecret({ secret, onDone }) {
  return (
    <div class="card notice" role="region" aria-labelledby="issued-secret-title">
      <h2 id="issued-secret-title">Signing secret</h2>
      <p>Copy it now into your receiver: it is not shown again.</p>
      <CopyField id="signing-secret" label="Signing secret" value={secret.value} secret />
      {secret.previousExpiresAt
        ? <p>Deliveries carry a signature with the previous secret too until <strong>{when(secret.previousExpiresAt)}</strong>, so receivers keep verifying while you switch.</p>
        : null}
      <button type="button" onClick={onDone}>I have stored it</button>
    </div>
  );
}

function NewWebhook({ workspaceId, onIssued }) {
  const [url, setUrl] = useState('');
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onIssued(await api('PUT', `${ws(workspaceId)}/webhook`, { url: url.trim(), enabled: true }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="card" onSubmit={submit} aria-labelledby="new-webhook-title">
      <h2 id="new-webhook-title">Add a webhook</h2>
      <label for="webhook-url">Endpoint URL</label>
      <input id="webhook-url" type="url" required placeholder="https://example.com/hooks/directory" value={url}
        aria-describedby="webhook-url-help" onInput={(e) => setUrl(e.currentTarget.value)} />
      <p id="webhook-url-help" class="muted small">An https URL. The signing secret is shown once, after saving.</p>
      <ErrorMessage error={error} />
      <button type="submit" class="primary" disabled={busy}>Save webhook</button>
    </form>
  );
}

function WebhookSettings({ workspaceId, webhook, onChanged, onIssued }) {
  const [url, setUrl] = useState(webhook.url);
  const [enabled, setEnabled] = useState(webhook.enabled);
  const [overlap, setOverlap] = useState('24');
  const [error, setError] = useState(null);
  const [saved, setSaved] = useState('');
  const [rotating, setRotating] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const save = async (event) => {
    event.preventDefault();
    setError(null);
    setSaved('');
    try {
      await api('PUT', `${ws(workspaceId)}/webhook`, { url: url.trim(), enabled });
      setSaved('Saved.');
      onChanged();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <>
      <form class="card" onSubmit={save} aria-labelledby="webhook-title">
        <h2 id="webhook-title">Webhook</h2>
        <label for="webhook-url">Endpoint URL</label>
        <input id="webhook-url" type="url" required value={url} onInput={(e) => setUrl(e.currentTarget.value)} />
        <label class="inline" for="webhook-enabled">
          <input id="webhook-enabled" type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.currentTarget.checked)} />
          Deliver events
        </label>
        <dl class="facts">
          <dt>Created</dt><dd>{when(webhook.createdAt)}</dd>
          {webhook.previousSecretExpiresAt
            ? <><dt>Previous secret</dt><dd data-testid="previous-secret">still signed with until {when(webhook.previousSecretExpiresAt)}</dd></>
            : null}
        </dl>
        <ErrorMessage error={error} />
        <div class="actions">
          <button type="submit" class="primary">Save</button>
          <button type="button" onClick={() => setRotating(true)}>Rotate signing secret</button>
          <button type="button" class="danger" onClick={() => setDeleting(true)}>Delete webhook</button>
          <span role="status" aria-live="polite">{saved}</span>
        </div>
      </form>
      <ConfirmDialog open={rotating} title="Rotate the signing secret?" confirmLabel="Rotate"
        onConfirm={async () => onIssued(await api('POST', `${ws(workspaceId)}/webhook/secret/rotate`,
          { overlapHours: Number(overlap) }))}
        onClose={() => setRotating(false)}>
        <p>A new secret signs every delivery from now on. During the overlap each delivery carries a second signature
          made with the current secret, so your receiver keeps working until you have switched it.</p>
        <label for="overlap-hours">Overlap (hours)</label>
        <input id="overlap-hours" type="number" min="0" max="168" inputMode="numeric" value={overlap}
          onInput={(e) => setOverlap(e.currentTarget.value)} />
      </ConfirmDialog>
      <ConfirmDialog open={deleting} title="Delete the webhook?" confirmLabel="Delete webhook" danger
        onConfirm={async () => { await api('DELETE', `${ws(workspaceId)}/webhook`); onChanged(); }}
        onClose={() => setDeleting(false)}>
        <p>Events stop being posted and the signing secret is destroyed. Deliveries still waiting are dropped.</p>
      </ConfirmDialog>
    </>
  );
}

function deliveriesQuery(status, cursor) {
  const params = new URLSearchParams({ limit: '25' });
  if (status) {
    params.set('status', status);
  }
  if (cursor) {
    params.set('cursor', cursor);
  }
  return params.toString();
}

/** Every delivery and its attempts, newest first, with redelivery of one event or of all failed since a time. */
function DeliveryLog({ workspaceId }) {
  const [status, setStatus] = useState('');
  const [pages, setPages] = useState([]);
  const [error, setError] = useState(null);
  const [notice, setNotice] = useState('');
  const [since, setSince] = useState(() => localInput(new Date(Date.now() - 24 * 3600 * 1000)));
  const base = `${ws(workspaceId)}/webhook/deliveries`;
  const first = useLoad(() => api('GET', `${base}?${deliveriesQuery(status)}`)
    .then((page) => { setPages([]); return page; }), [workspaceId, status]);
  const all = first.data ? [first.data, ...pages] : [];
  const deliveries = all.flatMap((p) => p.deliveries);
  const next = all.length ? all[all.length - 1].nextCursor : null;
  const act = async (action) => {
    setError(null);
    setNotice('');
    try {
      await action();
    } catch (e) {
      setError(e);
    }
  };
  const redeliver = (delivery) => act(async () => {
    await api('POST', `${base}/${encodeURIComponent(delivery.id)}/redeliver`, {});
    setNotice(`Event ${delivery.eventId} queued for redelivery.`);
    first.reload();
  });
  const redeliverFailed = (event) => {
    event.preventDefault();
    act(async () => {
      const result = await api('POST', `${base}/redeliver`, { since: new Date(since).toISOString() });
      setNotice(result.redelivered === 0 ? 'No failed deliveries since then.'
        : `${result.redelivered} failed ${result.redelivered === 1 ? 'delivery' : 'deliveries'} queued for redelivery${result.more ? '; more remain: run it again' : ''}.`);
      first.reload();
    });
  };
  const more = () => act(async () => setPages([...pages, await api('GET', `${base}?${deliveriesQuery(status, next)}`)]));
  return (
    <div class="card" role="region" aria-labelledby="deliveries-title">
      <h2 id="deliveries-title">Deliveries</h2>
      <p class="muted small">Failed attempts are retried with growing pauses for more than a day; a receiver that keeps failing is tried less often until it answers again.</p>
      <div class="filters">
        <div>
          <label for="delivery-status">Status</label>
          <select id="delivery-status" value={status} onChange={(e) => setStatus(e.currentTarget.value)}>
            <option value="">All</option>
            {Object.entries(STATUS_LABELS).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
          </select>
        </div>
        <form class="redeliver-since" onSubmit={redeliverFailed}>
          <label for="redeliver-since">Failed since</label>
          <input id="redeliver-since" type="datetime-local" required value={since} onInput={(e) => setSince(e.currentTarget.value)} />
          <button type="submit">Redeliver failed</button>
        </form>
        <div class="actions"><button type="button" onClick={first.reload}>Refresh</button></div>
      </div>
      <p role="status" aria-live="polite">{notice}</p>
      <ErrorMessage error={first.error || error} />
      {first.loading && !first.data ? <Loading what="deliveries" /> : null}
      {first.data && deliveries.length === 0 ? <p class="empty">No deliveries{status ? ` with status ${STATUS_LABELS[status].toLowerCase()}` : ''} yet.</p> : null}
      {deliveries.length ? (
        <div class="table-wrap">
          <table class="deliveries">
            <caption class="sr-only">Webhook deliveries, newest first</caption>
            <thead>
              <tr><th scope="col">Event</th><th scope="col">Created</th><th scope="col">Status</th><th scope="col">Attempts</th><th scope="col">Next retry</th><th scope="col"><span class="sr-only">Actions</span></th></tr>
            </thead>
            <tbody>
              {deliveries.map((d) => (
                <tr key={d.id} data-event-id={d.eventId} data-status={d.status}>
                  <th scope="row"><code>{d.type}</code><div class="muted small"><code>{d.eventId}</code></div></th>
                  <td>{when(d.createdAt)}</td>
                  <td><span class={`badge ${STATUS_BADGES[d.status] || ''}`}>{STATUS_LABELS[d.status] || d.status}</span>{d.outcome ? <div class="muted small">{d.outcome}</div> : null}</td>
                  <td><Attempts attempts={d.attempts || []} /></td>
                  <td>{d.nextAttemptAt ? when(d.nextAttemptAt) : <span class="muted">none</span>}</td>
                  <td><button type="button" onClick={() => redeliver(d)} aria-label={`Redeliver event ${d.eventId}`}>Redeliver</button></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {next ? <button type="button" onClick={more}>Load more deliveries</button> : null}
    </div>
  );
}

function Attempts({ attempts }) {
  if (attempts.length === 0) {
    return <span class="muted">none yet</span>;
  }
  return (
    <details>
      <summary>{attempts.length} {attempts.length === 1 ? 'attempt' : 'attempts'}, last {answer(attempts[attempts.length - 1])}</summary>
      <ol class="attempts">
        {attempts.map((a, i) => (
          <li key={i}>{when(a.at)}: {answer(a)}{a.latencyMs != null ? ` in ${a.latencyMs} ms` : ''}</li>
        ))}
      </ol>
    </details>
  );
}

function answer(attempt) {
  return attempt.statusCode ? `HTTP ${attempt.statusCode}` : (attempt.error || 'no answer');
}

/** The value a datetime-local input takes: local time, minutes precision. */
function localInput(date) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
