import { useState } from 'preact/hooks';
import { api, ws } from './api.js';
import { when } from './format.js';
import { ErrorMessage, Loading, PageHeading, useLoad } from './ui.jsx';

/** What an action name (the admin route, e.g. rotate_connection_secret) means, in words. */
const ACTIONS = {
  create_workspace: 'Created the workspace',
  change_workspace: 'Changed workspace settings',
  create_connection: 'Added a connection',
  reveal_connection_secret: 'Revealed a connection secret',
  rotate_connection_secret: 'Rotated a connection secret',
  delete_connection: 'Deleted a connection',
  set_connection_access: 'Changed group-based access',
  set_connection_mapping: 'Changed the attribute mapping',
  create_field: 'Added a custom field',
  delete_field: 'Removed a custom field',
  create_user: 'Registered a person',
  delete_user: 'Removed a person',
  reconcile: 'Reconciled derived state',
  revoke_sessions: 'Forced re-authentication',
  set_webhook: 'Set the webhook',
  delete_webhook: 'Removed the webhook',
  rotate_webhook_secret: 'Rotated the webhook signing secret',
  redeliver_webhook_delivery: 'Redelivered a webhook event',
  redeliver_failed_webhook_deliveries: 'Redelivered failed webhook events',
  create_setup_link: 'Issued a setup link',
};

/** The workspace's audit trail: every admin change and secret reveal, newest first; read only. */
export function AuditPage({ workspaceId }) {
  const [pages, setPages] = useState([]);
  const [moreError, setMoreError] = useState(null);
  const first = useLoad(() => api('GET', `${ws(workspaceId)}/audit?limit=50`)
    .then((page) => { setPages([]); return page; }), [workspaceId]);
  const all = first.data ? [first.data, ...pages] : [];
  const entries = all.flatMap((p) => p.entries);
  const next = all.length ? all[all.length - 1].nextCursor : null;
  const more = async () => {
    setMoreError(null);
    try {
      setPages([...pages, await api('GET', `${ws(workspaceId)}/audit?limit=50&cursor=${encodeURIComponent(next)}`)]);
    } catch (e) {
      setMoreError(e);
    }
  };
  return (
    <section>
      <PageHeading>Audit trail</PageHeading>
      <p class="muted">Every change made here or through the admin API, and every secret revealed: who, what, when and from where.
        Entries cannot be edited or removed.</p>
      <div class="actions"><button type="button" onClick={first.reload}>Refresh</button></div>
      <ErrorMessage error={first.error} />
      {first.loading && !first.data ? <Loading what="the audit trail" /> : null}
      {first.data && entries.length === 0 ? <p class="empty">Nothing recorded yet.</p> : null}
      {entries.length ? (
        <div class="table-wrap">
          <table class="audit">
            <caption class="sr-only">Audit trail</caption>
            <thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">What</th><th scope="col">On</th><th scope="col">From</th></tr></thead>
            <tbody>
              {entries.map((e, i) => (
                <tr key={`${e.at}-${i}`} data-action={e.action}>
                  <td>{when(e.at)}</td>
                  <th scope="row">{e.actor}</th>
                  <td>{ACTIONS[e.action] || e.action}</td>
                  <td><code>{e.target}</code></td>
                  <td>{e.sourceIp || 'unknown'}{e.userAgent ? <div class="muted small">{e.userAgent}</div> : null}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <ErrorMessage error={moreError} />
      {next ? <button type="button" onClick={more}>Load more entries</button> : null}
    </section>
  );
}
