import { useState } from 'preact/hooks';
import { api, ws } from './api.js';
import { IDP_TYPES, when } from './format.js';
import { AccessEditor, MappingEditor, TargetGroupEditor } from './mapping.jsx';
import { AddPullConnection, GroupChooser, RunStatus, SyncTab } from './pull.jsx';
import { ConfirmDialog, CopyField, ErrorMessage, Loading, PageHeading, useLoad, useSubmit } from './ui.jsx';

/** Directory Sync: the workspace's connections, and adding one. */
export function DirectorySyncPage({ workspaceId, navigate }) {
  const list = useLoad(() => api('GET', `${ws(workspaceId)}/connections`), [workspaceId]);
  const [adding, setAdding] = useState(false);
  return (
    <section>
      <PageHeading>Directory Sync</PageHeading>
      <p class="lead">Connect an identity provider (Okta, Azure, OneLogin, JumpCloud or any SCIM v2 provider) to
        provision, update and deactivate people automatically, or let us read your directory (Microsoft Entra ID,
        Okta, Google Workspace). Its groups become <code>Group:</code> tags.</p>
      <div class="actions">
        <button type="button" class="primary" aria-expanded={adding} onClick={() => setAdding(!adding)}>Add connection</button>
        <button type="button" onClick={list.reload}>Refresh</button>
      </div>
      {adding ? <ConnectionWizard workspaceId={workspaceId} onCancel={() => setAdding(false)} navigate={navigate} /> : null}
      <ErrorMessage error={list.error} />
      {list.loading && !list.data ? <Loading what="connections" /> : null}
      {list.data ? <ConnectionTable connections={list.data.connections} navigate={navigate} /> : null}
    </section>
  );
}

function ConnectionTable({ connections, navigate }) {
  if (connections.length === 0) {
    return <p class="empty">No connections yet. Add one: a SCIM base URL and secret for your identity provider, or credentials for us to read your directory.</p>;
  }
  return (
    <div class="table-wrap">
      <table>
        <caption class="sr-only">Directory connections</caption>
        <thead><tr><th scope="col">Name</th><th scope="col">Type</th><th scope="col">Status</th><th scope="col">Last request or sync</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
        <tbody>
          {connections.map((c) => (
            <tr key={c.id}>
              <th scope="row">{c.name}</th>
              <td>{c.typeName}</td>
              <td><span class={`badge status-${c.status}`}>{c.status === 'active' ? 'Active' : 'Deleted'}</span></td>
              <td>{c.mode === 'pull' ? <RunStatus run={c.directorySync && c.directorySync.lastRun} /> : when(c.lastRequestAt)}</td>
              <td><a href={`#/connections/${c.id}`} onClick={(e) => { e.preventDefault(); navigate(`/connections/${c.id}`); }}
                aria-label={`View details of ${c.name}`}>View details</a></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const WIZARD_STEPS = ['Name and type', 'Map fields', 'Target group', 'Access groups', 'Credentials'];
const PULL_STEPS = ['Directory and credentials', 'Groups'];

/**
 * Adding a connection in the seed products' order: name and type, then the optional mapping, target
 * group and access groups (each skippable), and last the credentials with the IdP's setup steps.
 */
function ConnectionWizard({ workspaceId, onCancel, navigate }) {
  const [step, setStep] = useState(0);
  const [mode, setMode] = useState('push');
  const [connection, setConnection] = useState(null);
  const next = () => setStep(step + 1);
  const finish = () => navigate(`/connections/${connection.id}`, { secret: connection.bearerToken });
  const skip = <button type="button" onClick={step === 3 ? () => { setStep(4); finish(); } : next}>Skip</button>;
  const pullCreated = async (body, choose) => {
    const created = await api('POST', `${ws(workspaceId)}/connections`, body);
    if (choose) {
      setConnection(created);
      setStep(1);
    } else {
      navigate(`/connections/${created.id}`);
    }
  };
  const steps = mode === 'pull' ? PULL_STEPS : WIZARD_STEPS;
  return (
    <div class="card wizard" role="region" aria-labelledby="wizard-title">
      <h2 id="wizard-title">Add connection</h2>
      <ol class="wizard-steps" aria-label="Steps">
        {steps.map((label, i) => <li key={label} aria-current={i === step ? 'step' : undefined} class={i < step ? 'done' : ''}>{label}</li>)}
      </ol>
      {step === 0 ? (
        <fieldset>
          <legend>How people arrive</legend>
          <label class="inline"><input type="radio" name="connection-mode" checked={mode === 'push'} onChange={() => setMode('push')} /> SCIM (the IdP pushes)</label>
          <label class="inline"><input type="radio" name="connection-mode" checked={mode === 'pull'} onChange={() => setMode('pull')} /> Directory Sync (we read your directory)</label>
        </fieldset>
      ) : null}
      {mode === 'pull' && step === 0 ? <AddPullConnection create={pullCreated} onCancel={onCancel} /> : null}
      {mode === 'pull' && step === 1 ? (
        <GroupChooser base={`${ws(workspaceId)}/connections/${encodeURIComponent(connection.id)}`} current={[]} submitLabel="Save and finish"
          onSaved={() => navigate(`/connections/${connection.id}`)} />
      ) : null}
      {mode === 'push' && step === 0 ? <AddConnection workspaceId={workspaceId} onCancel={onCancel} onAdded={(c) => { setConnection(c); next(); }} /> : null}
      {mode === 'push' && step === 1 ? <MappingEditor workspaceId={workspaceId} connectionId={connection.id} onSaved={next} submitLabel="Save and continue" extraActions={skip} /> : null}
      {mode === 'push' && step === 2 ? <TargetGroupEditor workspaceId={workspaceId} connectionId={connection.id} onSaved={next} submitLabel="Save and continue" extraActions={skip} /> : null}
      {mode === 'push' && step === 3 ? <AccessEditor workspaceId={workspaceId} connectionId={connection.id} onSaved={() => { setStep(4); finish(); }} submitLabel="Save and show credentials" extraActions={skip} /> : null}
    </div>
  );
}

function AddConnection({ workspaceId, onAdded, onCancel }) {
  const [name, setName] = useState('');
  const [type, setType] = useState('okta');
  const { error, busy, submit } = useSubmit(async () => {
    onAdded(await api('POST', `${ws(workspaceId)}/connections`, { name, type }));
  });
  return (
    <form onSubmit={submit} aria-label="Name and type">
      <label for="connection-name">Name</label>
      <input id="connection-name" required autoFocus value={name} placeholder="Okta production"
        onInput={(e) => setName(e.currentTarget.value)} />
      <label for="connection-type">Type</label>
      <select id="connection-type" value={type} onChange={(e) => setType(e.currentTarget.value)}>
        {IDP_TYPES.map((t) => <option key={t.value} value={t.value}>{t.label}</option>)}
      </select>
      <ErrorMessage error={error} />
      <div class="actions">
        <button type="submit" class="primary" disabled={busy}>Continue</button>
        <button type="button" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}

/** View details: base URL and secret to paste into the IdP, its setup steps, rotate, delete, activity. */
const CONNECTION_TABS = [
  { tab: '', label: 'Credentials and setup' },
  { tab: 'mapping', label: 'Mapping' },
  { tab: 'target-group', label: 'Target group' },
  { tab: 'access', label: 'Access' },
  { tab: 'activity', label: 'Activity' },
];

const PULL_TABS = [
  { tab: '', label: 'Sync' },
  { tab: 'groups', label: 'Groups' },
  ...CONNECTION_TABS.slice(1),
];

export function ConnectionPage({ workspaceId, connectionId, tab = '', navigate, issuedSecret }) {
  const base = `${ws(workspaceId)}/connections/${encodeURIComponent(connectionId)}`;
  const path = (t) => `/connections/${encodeURIComponent(connectionId)}${t ? `/${t}` : ''}`;
  const connection = useLoad(() => api('GET', base), [base]);
  const c = connection.data;
  return (
    <section>
      <p><a href="#/directory-sync" onClick={(e) => { e.preventDefault(); navigate('/directory-sync'); }}>← Directory Sync</a></p>
      <PageHeading>{c ? c.name : 'Connection'}</PageHeading>
      <ErrorMessage error={connection.error} />
      {connection.loading && !c ? <Loading what="the connection" /> : null}
      {c ? (
        <div class="stack">
          <div class="card">
            <dl class="facts">
              <dt>Type</dt><dd>{c.typeName}</dd>
              <dt>Status</dt><dd><span class={`badge status-${c.status}`}>{c.status === 'active' ? 'Active' : 'Deleted'}</span></dd>
              <dt>Created</dt><dd>{when(c.createdAt)}</dd>
              {c.mode === 'pull' ? null : <><dt>Last request seen</dt><dd>{when(c.lastRequestAt)}</dd></>}
              {c.previousSecretValidUntil ? <><dt>Previous secret works until</dt><dd>{when(c.previousSecretValidUntil)}</dd></> : null}
            </dl>
          </div>
          {c.status === 'active' ? (
            <nav aria-label="Connection" class="tabs">
              <ul>
                {(c.mode === 'pull' ? PULL_TABS : CONNECTION_TABS).map((t) => (
                  <li key={t.tab}><a href={`#${path(t.tab)}`} aria-current={tab === t.tab ? 'page' : undefined}
                    onClick={(e) => { e.preventDefault(); navigate(path(t.tab)); }}>{t.label}</a></li>
                ))}
              </ul>
            </nav>
          ) : null}
          {c.status !== 'active'
            ? <p class="muted">This connection was deleted {when(c.deletedAt)}: its secret no longer works. Its activity stays visible until it expires.</p> : null}
          {c.status === 'active' && tab === '' && c.mode === 'pull'
            ? <SyncTab base={base} connection={c} onChanged={connection.reload} navigate={navigate} /> : null}
          {c.status === 'active' && tab === 'groups'
            ? <div class="card"><GroupChooser base={base} current={c.directorySync && c.directorySync.groups} onSaved={connection.reload} /></div> : null}
          {c.status === 'active' && tab === '' && c.mode !== 'pull'
            ? <Credentials base={base} connection={c} issuedSecret={issuedSecret} onChanged={connection.reload} navigate={navigate} /> : null}
          {c.status === 'active' && tab === 'mapping' ? <div class="card"><MappingEditor workspaceId={workspaceId} connectionId={connectionId} /></div> : null}
          {c.status === 'active' && tab === 'target-group' ? <div class="card"><TargetGroupEditor workspaceId={workspaceId} connectionId={connectionId} /></div> : null}
          {c.status === 'active' && tab === 'access' ? <div class="card"><AccessEditor workspaceId={workspaceId} connectionId={connectionId} /></div> : null}
          {c.status !== 'active' || tab === 'activity' ? <ActivityLog base={base} /> : null}
        </div>
      ) : null}
    </section>
  );
}

function Credentials({ base, connection, issuedSecret, onChanged, navigate }) {
  const [secretVersion, setSecretVersion] = useState(0);
  const secret = useLoad(
    () => (issuedSecret && secretVersion === 0 ? Promise.resolve({ bearerToken: issuedSecret }) : api('GET', `${base}/secret`)),
    [base, secretVersion]);
  const setup = useLoad(() => api('GET', `${base}/setup`), [base]);
  const [dialog, setDialog] = useState(null);
  const [grace, setGrace] = useState('');
  const [notice, setNotice] = useState('');
  return (
    <>
      <div class="card">
        <h2>Credentials for {connection.typeName}</h2>
        {issuedSecret && secretVersion === 0 ? <p class="notice" role="status">Connection added. Paste the SCIM base URL and the secret into your identity provider.</p> : null}
        <CopyField id="scim-base-url" label={setup.data ? `SCIM base URL (${setup.data.baseUrlField})` : 'SCIM base URL'} value={connection.scimBaseUrl} />
        <ErrorMessage error={secret.error} />
        {secret.data ? <CopyField id="scim-secret" label={setup.data ? `Secret (${setup.data.secret.field})` : 'Secret'} value={secret.data.bearerToken} secret /> : null}
        <p role="status" aria-live="polite">{notice}</p>
        <div class="actions">
          <button type="button" onClick={() => setDialog('rotate')}>Rotate secret</button>
          <button type="button" class="danger" onClick={() => setDialog('delete')}>Delete connection</button>
        </div>
      </div>
      <div class="card">
        <h2>Set up {connection.typeName}</h2>
        <ErrorMessage error={setup.error} />
        {setup.data ? (
          <>
            <ol class="steps">{setup.data.steps.map((step, i) => <li key={i}>{step}</li>)}</ol>
            <dl class="facts">
              <dt>Login email</dt><dd>{setup.data.loginEmail}</dd>
              <dt>Deactivation</dt><dd>{setup.data.deactivation}</dd>
              <dt>Deletion</dt><dd>{setup.data.deletion}</dd>
            </dl>
          </>
        ) : null}
      </div>
      <ConfirmDialog open={dialog === 'rotate'} title="Rotate the secret?" confirmLabel="Rotate secret"
        onConfirm={async () => {
          await api('POST', `${base}/rotate-secret${grace ? `?gracePeriod=${grace}` : ''}`);
          setSecretVersion(secretVersion + 1);
          setNotice('A new secret was issued. Paste it into your identity provider.');
          onChanged();
        }}
        onClose={() => setDialog(null)}>
        <p>A new secret is issued; paste it into your identity provider.</p>
        <label for="grace-period">The old secret keeps working for</label>
        <select id="grace-period" value={grace} onChange={(e) => setGrace(e.currentTarget.value)}>
          <option value="">the default grace period</option>
          <option value="PT1H">1 hour</option>
          <option value="P1D">1 day</option>
          <option value="PT0S">no time: revoke it now</option>
        </select>
      </ConfirmDialog>
      <ConfirmDialog open={dialog === 'delete'} title={`Delete ${connection.name}?`} confirmLabel="Delete connection" danger
        onConfirm={async () => { await api('DELETE', base); navigate('/directory-sync'); }}
        onClose={() => setDialog(null)}>
        <p>The secret stops working at once and {connection.typeName} can no longer provision people. People already provisioned stay.</p>
      </ConfirmDialog>
    </>
  );
}

/** The connection's SCIM requests, newest first; failures stand out by colour and by words. */
export function ActivityLog({ base }) {
  const [failuresOnly, setFailuresOnly] = useState(false);
  const [pages, setPages] = useState([]);
  const first = useLoad(() => api('GET', `${base}/activity?limit=25${failuresOnly ? '&outcome=failure' : ''}`)
    .then((page) => { setPages([]); return page; }), [base, failuresOnly]);
  const [moreError, setMoreError] = useState(null);
  const all = first.data ? [first.data, ...pages] : [];
  const entries = all.flatMap((p) => p.activity);
  const next = all.length ? all[all.length - 1].nextCursor : null;
  const more = async () => {
    setMoreError(null);
    try {
      const page = await api('GET', `${base}/activity?limit=25&cursor=${encodeURIComponent(next)}${failuresOnly ? '&outcome=failure' : ''}`);
      setPages([...pages, page]);
    } catch (e) {
      setMoreError(e);
    }
  };
  return (
    <div class="card">
      <h2>Activity</h2>
      <div class="actions">
        <label class="inline"><input type="checkbox" checked={failuresOnly} onChange={(e) => setFailuresOnly(e.currentTarget.checked)} /> Only failed requests</label>
        <button type="button" onClick={first.reload}>Refresh</button>
      </div>
      <ErrorMessage error={first.error} />
      {first.loading && !first.data ? <Loading what="activity" /> : null}
      {first.data && entries.length === 0 ? <p class="empty">No requests {failuresOnly ? 'failed' : 'yet'}.</p> : null}
      {entries.length ? <ActivityTable entries={entries} /> : null}
      <ErrorMessage error={moreError} />
      {next ? <button type="button" onClick={more}>Load older requests</button> : null}
    </div>
  );
}

export function ActivityTable({ entries }) {
  return (
    <div class="table-wrap">
      <table class="activity">
        <caption class="sr-only">SCIM requests, newest first</caption>
        <thead><tr><th scope="col">When</th><th scope="col">Request</th><th scope="col">Result</th><th scope="col">Details</th></tr></thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.requestId} class={e.outcome === 'failure' ? 'failed' : ''}>
              <td>{when(e.at)}</td>
              <td>{e.operation}{e.resourceId ? <div class="muted small"><code>{e.resourceId}</code></div> : null}</td>
              <td>{e.outcome === 'failure' ? <span class="badge failed">Failed {e.status}</span> : <span class="badge ok">{e.status}</span>}</td>
              <td>
                {e.detail ? <div>{e.detail}{e.scimType ? ` (${e.scimType})` : ''}</div> : null}
                {e.changes && e.changes.length ? (
                  <ul class="changes">{e.changes.map((ch, i) => <li key={i}><code>{ch.path}</code> {ch.op}{ch.to !== undefined && ch.to !== null ? <> → <code>{JSON.stringify(ch.to)}</code></> : null}</li>)}</ul>
                ) : null}
                {e.userAgent ? <div class="muted small">{e.userAgent}</div> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
