import { useState } from 'preact/hooks';
import { api } from './api.js';
import { when } from './format.js';
import { ConfirmDialog, ErrorMessage, Loading, useLoad, useSubmit } from './ui.jsx';

/**
 * Directory Sync providers: we read the directory with the admin's credentials. Each lists its
 * credential fields and where to find them (the same steps as docs/idp/<guide>.md, shortened).
 */
export const PROVIDERS = [
  {
    kind: 'microsoft_graph', label: 'Microsoft Entra ID (Microsoft Graph)', guide: 'microsoft-graph',
    fields: [['tenantId', 'Directory (tenant) ID'], ['clientId', 'Application (client) ID'], ['clientSecret', 'Client secret value', 'password']],
    steps: [
      'Entra admin center → Identity → Applications → App registrations → New registration (single tenant, no redirect URI).',
      'Copy the Application (client) ID and the Directory (tenant) ID from its Overview.',
      'API permissions → Add a permission → Microsoft Graph → Application permissions: User.Read.All, Group.Read.All, GroupMember.Read.All; then Grant admin consent.',
      'Certificates & secrets → New client secret; copy its Value (not the Secret ID).',
    ],
  },
  {
    kind: 'okta_api', label: 'Okta API', guide: 'okta-api',
    fields: [['orgUrl', 'Okta org URL', 'url', 'https://your-org.okta.com']],
    serviceApp: [['clientId', 'Client ID'], ['privateKey', 'Private key (JWK or PEM)', 'textarea']],
    token: [['apiToken', 'API token', 'password']],
    steps: [
      'Service app: Admin Console → Applications → Create App Integration → API Services.',
      'General → Client Credentials → Edit → Public key / Private key → Add key → Generate new key; copy the key (JSON or PEM) and the Client ID.',
      'Okta API Scopes → Grant okta.users.read, okta.groups.read and okta.logs.read; Admin roles → assign Read-only Administrator.',
      'Or an API token: Security → API → Tokens → Create token, as a read-only administrator.',
    ],
  },
  {
    kind: 'google_workspace', label: 'Google Workspace', guide: 'google-workspace',
    fields: [['serviceAccountKey', 'Service account key (the JSON file)', 'textarea'], ['adminEmail', 'Admin email to act as', 'email'],
      ['customerId', 'Customer ID', 'text', 'my_customer']],
    steps: [
      'Google Cloud console: enable the Admin SDK API; IAM & Admin → Service accounts → Create; Keys → Add key → JSON.',
      'Admin console → Security → Access and data control → API controls → Manage Domain Wide Delegation → Add new: the service account\'s client ID with the scopes admin.directory.user.readonly, admin.directory.group.readonly, admin.directory.group.member.readonly (under https://www.googleapis.com/auth/).',
      'Admin email: an admin who may read users and groups. Customer ID: Account → Account settings (C0…), or my_customer.',
    ],
  },
];

export const providerOf = (kind) => PROVIDERS.find((p) => p.kind === kind);

function Field({ id, name, label, type = 'text', placeholder, value, onInput }) {
  const props = { id, name, required: true, value, placeholder, autoComplete: 'off', spellcheck: false, onInput: (e) => onInput(name, e.currentTarget.value) };
  return (
    <>
      <label for={id}>{label}</label>
      {type === 'textarea' ? <textarea rows={5} {...props} /> : <input type={type} {...props} />}
    </>
  );
}

/** The credential fields of one provider, with where to find each. */
export function CredentialFields({ provider, values, onInput, prefix = 'cred' }) {
  const [okta, setOkta] = useState(values.apiToken !== undefined ? 'token' : 'serviceApp');
  const fields = [...provider.fields, ...(provider.kind === 'okta_api' ? provider[okta] : [])];
  const choose = (mode) => {
    setOkta(mode);
    for (const [name] of [...provider.serviceApp, ...provider.token]) {
      onInput(name, undefined);
    }
  };
  return (
    <>
      <details class="where">
        <summary>Where to find these</summary>
        <ol class="steps">{provider.steps.map((s, i) => <li key={i}>{s}</li>)}</ol>
        <p class="small">The full guide: <code>docs/idp/{provider.guide}.md</code></p>
      </details>
      {provider.kind === 'okta_api' ? (
        <fieldset>
          <legend>Okta signs us in with</legend>
          <label class="inline"><input type="radio" name={`${prefix}-okta`} checked={okta === 'serviceApp'} onChange={() => choose('serviceApp')} /> an API service app (recommended)</label>
          <label class="inline"><input type="radio" name={`${prefix}-okta`} checked={okta === 'token'} onChange={() => choose('token')} /> an API token</label>
        </fieldset>
      ) : null}
      {fields.map(([name, label, type, placeholder]) => (
        <Field key={name} id={`${prefix}-${name}`} name={name} label={label} type={type} placeholder={placeholder}
          value={values[name] || ''} onInput={onInput} />
      ))}
    </>
  );
}

/** Only the fields that were filled in: the API takes exactly one Okta sign-in. */
const filled = (values) => Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== ''));

/** The Directory Sync half of Add connection: provider, credentials, all groups or chosen ones. */
export function AddPullConnection({ create, onCancel }) {
  const [name, setName] = useState('');
  const [kind, setKind] = useState(PROVIDERS[0].kind);
  const [values, setValues] = useState({});
  const [choose, setChoose] = useState(false);
  const onInput = (field, value) => setValues((v) => ({ ...v, [field]: value }));
  const { error, busy, submit } = useSubmit(() => create({ name, type: kind, credentials: filled(values), groups: 'all' }, choose));
  const provider = providerOf(kind);
  return (
    <form onSubmit={submit} aria-label="Provider and credentials">
      <label for="pull-name">Name</label>
      <input id="pull-name" required value={name} placeholder={`${provider.label} production`} onInput={(e) => setName(e.currentTarget.value)} />
      <label for="pull-provider">Directory</label>
      <select id="pull-provider" value={kind} onChange={(e) => { setKind(e.currentTarget.value); setValues({}); }}>
        {PROVIDERS.map((p) => <option key={p.kind} value={p.kind}>{p.label}</option>)}
      </select>
      <CredentialFields key={kind} provider={provider} values={values} onInput={onInput} />
      <fieldset>
        <legend>Groups to sync</legend>
        <label class="inline"><input type="radio" name="pull-groups" checked={!choose} onChange={() => setChoose(false)} /> All groups</label>
        <label class="inline"><input type="radio" name="pull-groups" checked={choose} onChange={() => setChoose(true)} /> Only groups I choose (next)</label>
      </fieldset>
      <p class="muted small">The credentials are stored encrypted and never shown again; you can replace them later.</p>
      <ErrorMessage error={error} />
      <div class="actions">
        <button type="submit" class="primary" disabled={busy}>Connect</button>
        <button type="button" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}

/** All groups, or a chosen few found by name in the directory itself. */
export function GroupChooser({ base, current, onSaved, submitLabel = 'Save groups' }) {
  const [all, setAll] = useState(current === 'all' || current === undefined);
  const [chosen, setChosen] = useState(() => (Array.isArray(current) ? current.map((id) => ({ id, displayName: id })) : []));
  const [search, setSearch] = useState('');
  const [found, setFound] = useState(null);
  const [findError, setFindError] = useState(null);
  const find = async (e) => {
    e.preventDefault();
    setFindError(null);
    try {
      setFound((await api('GET', `${base}/directory-groups${search ? `?search=${encodeURIComponent(search)}` : ''}`)).groups);
    } catch (err) {
      setFindError(err);
    }
  };
  const toggle = (g) => setChosen(chosen.some((c) => c.id === g.id) ? chosen.filter((c) => c.id !== g.id) : [...chosen, g]);
  const { error, busy, submit } = useSubmit(async () => {
    await api('PUT', `${base}/directory-sync`, { groups: all ? 'all' : chosen.map((g) => g.id) });
    onSaved && onSaved();
  });
  return (
    <div>
      <h2>Groups to sync</h2>
      <fieldset>
        <legend class="sr-only">Groups to sync</legend>
        <label class="inline"><input type="radio" name="groups-mode" checked={all} onChange={() => setAll(true)} /> All groups</label>
        <label class="inline"><input type="radio" name="groups-mode" checked={!all} onChange={() => setAll(false)} /> Only these groups</label>
      </fieldset>
      {!all ? (
        <>
          <form class="filters" onSubmit={find} role="search" aria-label="Find directory groups">
            <div>
              <label for="group-search">Group name starts with</label>
              <input id="group-search" type="search" value={search} onInput={(e) => setSearch(e.currentTarget.value)} />
            </div>
            <div class="actions"><button type="submit">Find groups</button></div>
          </form>
          <ErrorMessage error={findError} />
          {found && found.length === 0 ? <p class="empty">No group of the directory matches.</p> : null}
          <ul class="identities">
            {[...chosen, ...(found || []).filter((g) => !chosen.some((c) => c.id === g.id))].map((g) => (
              <li key={g.id}><label class="inline"><input type="checkbox" checked={chosen.some((c) => c.id === g.id)} onChange={() => toggle(g)} /> {g.displayName}</label></li>
            ))}
          </ul>
        </>
      ) : null}
      <ErrorMessage error={error} />
      <div class="actions">
        <button type="button" class="primary" disabled={busy || (!all && chosen.length === 0)} onClick={submit}>{submitLabel}</button>
      </div>
      <p class="muted small">A changed choice makes the next run a full pass: people outside the chosen groups are deactivated.</p>
    </div>
  );
}

const STATUS = { running: ['Running', 'retrying'], succeeded: ['Succeeded', 'ok'], failed: ['Failed', 'failed'] };

export function RunStatus({ run }) {
  if (!run) {
    return 'never';
  }
  const [word, style] = STATUS[run.status] || [run.status, ''];
  return <><span class={`badge ${style}`}>{word}</span> {when(run.finishedAt || run.startedAt)}</>;
}

const INTERVALS = [['PT15M', '15 minutes'], ['PT40M', '40 minutes'], ['PT1H', 'hour'], ['PT4H', '4 hours'], ['PT24H', '24 hours']];

/** A pull connection's main tab: schedule, Sync now, run history, replace credentials, delete. */
export function SyncTab({ base, connection, onChanged, navigate }) {
  const sync = connection.directorySync || {};
  const runs = useLoad(() => api('GET', `${base}/sync-runs?limit=20`), [base]);
  const [notice, setNotice] = useState('');
  const [replacing, setReplacing] = useState(false);
  const [dialog, setDialog] = useState(false);
  const [every, setEvery] = useState(sync.syncInterval || 'PT40M');
  const [error, setError] = useState(null);
  const start = async (full) => {
    setError(null);
    try {
      const run = await api('POST', `${base}/sync${full ? '?kind=full' : ''}`);
      setNotice(`Sync started (${run.kind} pass). Refresh the history to follow it.`);
      runs.reload();
    } catch (e) {
      setError(e);
    }
  };
  const saveInterval = async (value) => {
    setEvery(value);
    setError(null);
    try {
      await api('PUT', `${base}/directory-sync`, { syncInterval: value });
      setNotice('Schedule saved.');
      onChanged();
    } catch (e) {
      setError(e);
    }
  };
  const provider = providerOf(connection.type);
  return (
    <>
      <div class="card">
        <h2>Directory Sync</h2>
        <dl class="facts">
          <dt>Groups</dt><dd>{sync.groups === 'all' ? 'All groups' : `${(sync.groups || []).length} chosen`}</dd>
          <dt>Credentials updated</dt><dd>{when(sync.credentialsUpdatedAt)}</dd>
          <dt>Next run</dt><dd>{when(sync.nextRunAfter)}</dd>
          <dt>Last run</dt><dd><RunStatus run={sync.lastRun} /></dd>
        </dl>
        <label for="sync-interval">Sync every</label>
        <select id="sync-interval" value={every} onChange={(e) => saveInterval(e.currentTarget.value)}>
          {INTERVALS.map(([v, label]) => <option key={v} value={v}>{label}</option>)}
        </select>
        <div class="actions">
          <button type="button" class="primary" onClick={() => start(false)}>Sync now</button>
          <button type="button" onClick={() => start(true)}>Full sync</button>
          <button type="button" aria-expanded={replacing} onClick={() => setReplacing(!replacing)}>Replace credentials</button>
          <button type="button" class="danger" onClick={() => setDialog(true)}>Delete connection</button>
        </div>
        <p role="status" aria-live="polite">{notice}</p>
        <ErrorMessage error={error} />
      </div>
      {replacing && provider ? <ReplaceCredentials base={base} provider={provider} onDone={() => { setReplacing(false); setNotice('Credentials replaced; the next run uses them.'); onChanged(); }} /> : null}
      <RunHistory runs={runs} />
      <ConfirmDialog open={dialog} title={`Delete ${connection.name}?`} confirmLabel="Delete connection" danger
        onConfirm={async () => { await api('DELETE', base); navigate('/directory-sync'); }}
        onClose={() => setDialog(false)}>
        <p>Syncing stops and the credentials are deleted. People already provisioned stay.</p>
      </ConfirmDialog>
    </>
  );
}

function ReplaceCredentials({ base, provider, onDone }) {
  const [values, setValues] = useState({});
  const { error, busy, submit } = useSubmit(async () => {
    await api('PUT', `${base}/credentials`, filled(values));
    onDone();
  });
  return (
    <form class="card" onSubmit={submit} aria-label="Replace credentials">
      <h2>Replace credentials</h2>
      <CredentialFields provider={provider} values={values} prefix="replace" onInput={(f, v) => setValues((old) => ({ ...old, [f]: v }))} />
      <ErrorMessage error={error} />
      <div class="actions"><button type="submit" class="primary" disabled={busy}>Save credentials</button></div>
    </form>
  );
}

function RunHistory({ runs }) {
  const list = runs.data ? runs.data.runs : [];
  return (
    <div class="card">
      <h2>Run history</h2>
      <div class="actions"><button type="button" onClick={runs.reload}>Refresh history</button></div>
      <ErrorMessage error={runs.error} />
      {runs.loading && !runs.data ? <Loading what="runs" /> : null}
      {runs.data && list.length === 0 ? <p class="empty">No runs yet.</p> : null}
      {list.length ? (
        <div class="table-wrap" tabIndex={0} role="region" aria-label="Sync runs (scrolls sideways on narrow screens)">
          <table>
            <caption class="sr-only">Sync runs, newest first</caption>
            <thead><tr><th scope="col">Started</th><th scope="col">Status</th><th scope="col">Pass</th><th scope="col">Added</th>
              <th scope="col">Updated</th><th scope="col">Deactivated</th><th scope="col">Failed</th><th scope="col">Last error</th></tr></thead>
            <tbody>
              {list.map((r) => (
                <tr key={r.id} class={r.status === 'failed' ? 'failed' : ''} data-run={r.status}>
                  <td>{when(r.startedAt)}</td>
                  <td><RunStatus run={r} /></td>
                  <td>{r.kind}{r.trigger ? <div class="muted small">{r.trigger}</div> : null}</td>
                  <td>{r.added}</td><td>{r.updated}</td><td>{r.deactivated}</td><td>{r.failed}</td>
                  <td>{r.lastError || ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
