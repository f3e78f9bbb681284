import { useEffect, useState } from 'preact/hooks';
import { api, ws } from './api.js';
import { ErrorMessage, Loading, useLoad } from './ui.jsx';

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

/** The User attributes of RFC 7643's core and enterprise schemas that carry a person's profile. */
export const SCIM_ATTRIBUTES = [
  'userName', 'displayName', 'nickName', 'title', 'userType', 'preferredLanguage', 'locale', 'timezone', 'active',
  'name.givenName', 'name.familyName', 'name.middleName', 'name.formatted', 'name.honorificPrefix', 'name.honorificSuffix',
  'emails.value', 'emails[type eq "work"].value', 'emails[type eq "home"].value',
  'phoneNumbers.value', 'phoneNumbers[type eq "work"].value', 'phoneNumbers[type eq "mobile"].value',
  'addresses.locality', 'addresses.region', 'addresses.country', 'addresses.postalCode', 'addresses.streetAddress',
  'photos.value', 'profileUrl',
  `${ENTERPRISE}:employeeNumber`, `${ENTERPRISE}:department`, `${ENTERPRISE}:division`,
  `${ENTERPRISE}:organization`, `${ENTERPRISE}:costCenter`, `${ENTERPRISE}:manager.value`,
];

const FIELD_LABELS = {
  email: 'Email', firstName: 'First name', lastName: 'Last name', displayName: 'Display name', title: 'Job title',
  department: 'Department', phone: 'Phone', photoUrl: 'Photo URL', active: 'Active',
};

const OTHER = '__other__';
const SUGGESTED = '__suggested__';
const UNMAPPED = '__none__';

/** The body a mapping PUT needs: it replaces overrides and target groups together, so both are always sent. */
export function mappingBody(mapping, changes = {}) {
  const attributes = {};
  for (const [field, source] of Object.entries(mapping.attributes)) {
    if (!source.default) {
      attributes[field] = source.paths;
    }
  }
  for (const [field, paths] of Object.entries(changes.attributes || {})) {
    if (paths === null) {
      delete attributes[field];
    } else {
      attributes[field] = paths;
    }
  }
  const target = changes.targetGroup !== undefined ? changes.targetGroup : mapping.targetGroup;
  const targetGroup = target && (target.default || target.groupBy)
    ? { default: target.default || null, groupBy: target.groupBy || null, tagPrefix: target.tagPrefix || null }
    : null;
  return { attributes, targetGroup };
}

/** Polls the mapping while its re-application to existing users runs, so the page can show progress. */
function useReapplying(base, mapping, onDone) {
  const [progress, setProgress] = useState(mapping && mapping.reapplying);
  useEffect(() => setProgress(mapping && mapping.reapplying), [mapping]);
  useEffect(() => {
    if (!progress) {
      return undefined;
    }
    const timer = setTimeout(async () => {
      try {
        const next = await api('GET', `${base}/mapping`);
        setProgress(next.reapplying);
        if (!next.reapplying) {
          onDone(next);
        }
      } catch {
        // The next save or reload shows the error; progress simply stops updating.
      }
    }, 1000);
    return () => clearTimeout(timer);
  }, [progress]);
  return progress;
}

export function Reapplying({ progress }) {
  if (!progress) {
    return null;
  }
  return <p class="notice" role="status" data-testid="reapplying">Re-applying to existing users: {progress.usersDone} done so far…</p>;
}

/**
 * Map Fields: each app field with the SCIM attribute(s) it is read from, the IdP type's suggestion,
 * and a picker of the core and enterprise attributes (or any other path, such as an extension's).
 */
export function MappingEditor({ workspaceId, connectionId, onSaved, submitLabel = 'Save mapping', extraActions = null }) {
  const base = `${ws(workspaceId)}/connections/${encodeURIComponent(connectionId)}`;
  const mapping = useLoad(() => api('GET', `${base}/mapping`), [base]);
  const fields = useLoad(() => api('GET', `${ws(workspaceId)}/fields`), [workspaceId]);
  const [edits, setEdits] = useState({});
  const [error, setError] = useState(null);
  const [saved, setSaved] = useState('');
  const [current, setCurrent] = useState(null);
  const view = current || mapping.data;
  const progress = useReapplying(base, view, (next) => { setCurrent(next); setSaved('Re-applied to every existing user.'); });
  if (mapping.error || fields.error) {
    return <ErrorMessage error={mapping.error || fields.error} />;
  }
  if (!view || !fields.data) {
    return <Loading what="the mapping" />;
  }
  const custom = fields.data.fields;
  // Extension attributes this IdP sent in its recent requests: what it actually sends, beside the standard ones.
  const seen = (mapping.data && mapping.data.attributesSeen) || [];
  const offered = [...SCIM_ATTRIBUTES, ...seen];
  const rows = [
    ...Object.keys(view.attributes).filter((k) => FIELD_LABELS[k]).map((k) => ({ key: k, label: FIELD_LABELS[k] })),
    ...custom.map((f) => ({ key: f.key, label: f.label || f.key, custom: true })),
  ];
  const choose = (key, value) => setEdits({ ...edits, [key]: value });
  const save = async (event) => {
    event.preventDefault();
    setError(null);
    setSaved('');
    const attributes = {};
    for (const row of rows) {
      const edit = edits[row.key];
      if (edit === undefined) {
        continue;
      }
      if (edit.choice === SUGGESTED || edit.choice === UNMAPPED) {
        attributes[row.key] = null;
      } else {
        const path = edit.choice === OTHER ? (edit.other || '').trim() : edit.choice;
        attributes[row.key] = [path];
      }
    }
    try {
      const next = await api('PUT', `${base}/mapping`, mappingBody(view, { attributes }));
      setCurrent(next);
      setEdits({});
      setSaved(next.reapplying ? '' : 'Saved.');
      onSaved && onSaved(next);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <form onSubmit={save} aria-labelledby="mapping-title">
      <h2 id="mapping-title">Map fields</h2>
      <p class="muted small">Each app field is read from the first SCIM attribute that has a value. Fields you do not change keep the
        suggestion for {view.idpType}. Custom fields are created under Workspace settings, Custom fields.</p>
      <div class="table-wrap">
        <table class="mapping">
          <caption class="sr-only">Attribute mapping</caption>
          <thead><tr><th scope="col">App field</th><th scope="col">Read from</th><th scope="col">Suggested for {view.idpType}</th><th scope="col">Change to</th></tr></thead>
          <tbody>
            {rows.map((row) => {
              const source = view.attributes[row.key];
              const edit = edits[row.key];
              const selectId = `map-${row.key}`;
              const choice = edit ? edit.choice : source ? (source.default ? SUGGESTED : (offered.includes(source.paths[0]) && source.paths.length === 1 ? source.paths[0] : OTHER)) : UNMAPPED;
              const other = edit ? edit.other : (source && !source.default ? source.paths.join(', ') : '');
              return (
                <tr key={row.key} data-field={row.key}>
                  <th scope="row">
                    {row.label}{source && source.required ? <span class="badge required" title="The app needs this field">required</span> : null}
                    <div class="muted small"><code>{row.key}</code>{row.custom ? ' (custom)' : ''}</div>
                  </th>
                  <td>{source ? source.paths.map((p) => <div key={p}><code>{p}</code></div>) : <span class="muted">not mapped</span>}
                    {source && !source.default ? <span class="badge tag">changed</span> : null}</td>
                  <td>{source && source.suggested && source.suggested.length ? source.suggested.map((p) => <div key={p}><code>{p}</code></div>) : <span class="muted">none</span>}</td>
                  <td>
                    <label class="sr-only" for={selectId}>Read {row.label} from</label>
                    <select id={selectId} value={choice} onChange={(e) => choose(row.key, { choice: e.currentTarget.value, other })}>
                      {row.custom ? <option value={UNMAPPED}>Not mapped</option> : <option value={SUGGESTED}>Suggested for {view.idpType}</option>}
                      {SCIM_ATTRIBUTES.map((a) => <option key={a} value={a}>{a.startsWith(ENTERPRISE) ? `enterprise: ${a.slice(ENTERPRISE.length + 1)}` : a}</option>)}
                      {seen.length ? (
                        <optgroup label={`Sent by this ${view.idpType} connection lately`}>
                          {seen.map((a) => <option key={a} value={a}>{a}</option>)}
                        </optgroup>
                      ) : null}
                      <option value={OTHER}>Other SCIM path…</option>
                    </select>
                    {choice === OTHER ? (
                      <>
                        <label class="sr-only" for={`${selectId}-other`}>SCIM path for {row.label}</label>
                        <input id={`${selectId}-other`} value={other} placeholder="urn:…:User:costCenter"
                          onInput={(e) => choose(row.key, { choice: OTHER, other: e.currentTarget.value })} />
                      </>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <ErrorMessage error={error} />
      <Reapplying progress={progress} />
      <div class="actions">
        <button type="submit" class="primary">{submitLabel}</button>
        {extraActions}
        <span role="status" aria-live="polite">{saved}</span>
      </div>
    </form>
  );
}

/**
 * Target groups (Keepnet's second page): everyone lands in the default group, or in a group named by
 * their department or a custom field, with the default as the fallback for people without a value.
 */
export function TargetGroupEditor({ workspaceId, connectionId, onSaved, submitLabel = 'Save target groups', extraActions = null }) {
  const base = `${ws(workspaceId)}/connections/${encodeURIComponent(connectionId)}`;
  const mapping = useLoad(() => api('GET', `${base}/mapping`), [base]);
  const fields = useLoad(() => api('GET', `${ws(workspaceId)}/fields`), [workspaceId]);
  const tags = useLoad(() => api('GET', `${ws(workspaceId)}/tags`), [workspaceId]);
  const [form, setForm] = useState(null);
  const [error, setError] = useState(null);
  const [saved, setSaved] = useState('');
  const [current, setCurrent] = useState(null);
  const view = current || mapping.data;
  const progress = useReapplying(base, view, (next) => { setCurrent(next); tags.reload(); setSaved('Everyone is in their group.'); });
  if (mapping.error || fields.error) {
    return <ErrorMessage error={mapping.error || fields.error} />;
  }
  if (!view || !fields.data) {
    return <Loading what="the target groups" />;
  }
  const values = form || {
    default: view.targetGroup.default || '', groupBy: view.targetGroup.groupBy || '',
    tagPrefix: view.targetGroup.tagPrefix && view.targetGroup.groupBy ? view.targetGroup.tagPrefix : '',
  };
  const set = (key, value) => setForm({ ...values, [key]: value });
  const prefix = view.targetGroup.tagPrefix;
  const groups = tags.data && prefix ? tags.data.tags.filter((t) => t.tag.startsWith(`${prefix}:`)) : [];
  const save = async (event) => {
    event.preventDefault();
    setError(null);
    setSaved('');
    const targetGroup = { default: values.default.trim(), groupBy: values.groupBy, tagPrefix: values.tagPrefix.trim() };
    try {
      const next = await api('PUT', `${base}/mapping`, mappingBody(view, { targetGroup }));
      setCurrent(next);
      setForm(null);
      tags.reload();
      setSaved(next.reapplying ? '' : 'Saved.');
      onSaved && onSaved(next);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <form onSubmit={save} aria-labelledby="target-title">
      <h2 id="target-title">Target group</h2>
      <label for="target-default">Target group</label>
      <input id="target-default" value={values.default} placeholder="All employees" aria-describedby="target-default-help"
        onInput={(e) => set('default', e.currentTarget.value)} />
      <p id="target-default-help" class="muted small">Everyone this connection provisions joins it; with Group By, only those without a value.</p>
      <label for="target-group-by">Group by</label>
      <select id="target-group-by" value={values.groupBy} onChange={(e) => set('groupBy', e.currentTarget.value)}>
        <option value="">Nothing: everyone in the target group</option>
        <option value="department">Department</option>
        {fields.data.fields.map((f) => <option key={f.key} value={f.key}>{f.label || f.key} (custom field)</option>)}
      </select>
      {values.groupBy ? (
        <>
          <label for="target-prefix">Tag prefix (optional)</label>
          <input id="target-prefix" value={values.tagPrefix} placeholder={values.groupBy === 'department' ? 'Department' : 'the field label'}
            onInput={(e) => set('tagPrefix', e.currentTarget.value)} />
        </>
      ) : null}
      <ErrorMessage error={error} />
      <Reapplying progress={progress} />
      <div class="actions">
        <button type="submit" class="primary">{submitLabel}</button>
        {extraActions}
        <span role="status" aria-live="polite">{saved}</span>
      </div>
      {prefix ? (
        <div class="groups">
          <h3>Groups now</h3>
          <ErrorMessage error={tags.error} />
          {groups.length === 0 ? <p class="empty">No one is in a {prefix} group yet.</p> : (
            <ul class="group-counts" aria-label="Target groups and their members">
              {groups.map((g) => <li key={g.tag} data-tag={g.tag}><span class="badge tag">{g.tag}</span> {g.members} {g.members === 1 ? 'person' : 'people'}</li>)}
            </ul>
          )}
          <button type="button" onClick={tags.reload}>Refresh counts</button>
        </div>
      ) : null}
    </form>
  );
}

/**
 * Group-based access (TalkWriter: "Push Group assigns access", "Remove from group revokes access"):
 * the IdP groups whose members may use the app, with seats before and after.
 */
export function AccessEditor({ workspaceId, connectionId, onSaved, submitLabel = 'Save access groups', extraActions = null }) {
  const base = `${ws(workspaceId)}/connections/${encodeURIComponent(connectionId)}`;
  const access = useLoad(() => api('GET', `${base}/access`), [base]);
  const tags = useLoad(() => api('GET', `${ws(workspaceId)}/tags`), [workspaceId]);
  const workspace = useLoad(() => api('GET', ws(workspaceId)), [workspaceId]);
  const [chosen, setChosen] = useState(null);
  const [error, setError] = useState(null);
  const [result, setResult] = useState(null);
  const [before, setBefore] = useState(null);
  const [after, setAfter] = useState(null);
  useEffect(() => {
    if (!result || after) {
      return undefined;
    }
    // Seats move as the stream re-evaluates the connection's people: read them once the refresh is done.
    const timer = setTimeout(async () => {
      const [t, w] = await Promise.all([api('GET', `${ws(workspaceId)}/tags`), api('GET', ws(workspaceId))]).catch(() => [null, null]);
      if (t && t.refreshing.length === 0 && w) {
        setAfter(w.seats);
        tags.reload();
      } else {
        setResult({ ...result });
      }
    }, 1000);
    return () => clearTimeout(timer);
  }, [result, after]);
  if (access.error || tags.error || workspace.error) {
    return <ErrorMessage error={access.error || tags.error || workspace.error} />;
  }
  if (!access.data || !tags.data || !workspace.data) {
    return <Loading what="the access groups" />;
  }
  const view = result || access.data;
  const selected = chosen || view.groups;
  const groups = tags.data.tags.filter((t) => t.tag.startsWith('Group:')).map((t) => ({ name: t.tag.slice(6), members: t.members }));
  const names = new Set(groups.map((g) => g.name.toLowerCase()));
  const toggle = (name, on) => setChosen(on ? [...selected, name] : selected.filter((n) => n.toLowerCase() !== name.toLowerCase()));
  const save = async (event) => {
    event.preventDefault();
    setError(null);
    setAfter(null);
    try {
      setBefore(workspace.data.seats);
      const next = await api('PUT', `${base}/access`, { groups: selected });
      setResult(next);
      setChosen(null);
      onSaved && onSaved(next);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <form onSubmit={save} aria-labelledby="access-title">
      <h2 id="access-title">Group-based access</h2>
      <p class="muted small">Pushing a person into one of these groups gives them access and a seat; removing them from every one
        revokes it. Choose none to let everyone this connection provisions in.</p>
      {groups.length === 0 ? <p class="empty">No groups pushed yet. Push groups from your identity provider first.</p> : (
        <fieldset>
          <legend>Groups that grant access</legend>
          {groups.map((g) => {
            const id = `access-${g.name}`;
            return (
              <div key={g.name} class="checkbox-row">
                <input id={id} type="checkbox" checked={selected.some((n) => n.toLowerCase() === g.name.toLowerCase())}
                  onChange={(e) => toggle(g.name, e.currentTarget.checked)} />
                <label class="inline" for={id}>{g.name} <span class="muted">({g.members} {g.members === 1 ? 'member' : 'members'})</span></label>
              </div>
            );
          })}
        </fieldset>
      )}
      {selected.filter((n) => !names.has(n.toLowerCase())).length ? (
        <p class="notice" data-testid="unmatched">Not pushed yet: {selected.filter((n) => !names.has(n.toLowerCase())).join(', ')}. They grant access once the IdP pushes them.</p>
      ) : null}
      {view.unmatched && view.unmatched.length && !chosen ? <p class="muted small">The connection has no group named {view.unmatched.join(', ')} (yet).</p> : null}
      <ErrorMessage error={error} />
      <div class="actions">
        <button type="submit" class="primary">{submitLabel}</button>
        {extraActions}
      </div>
      {before ? (
        <p role="status" aria-live="polite" data-testid="seats-change">
          Seats in use before: {before.used}{before.limit != null ? ` of ${before.limit}` : ''}.{' '}
          {after ? `After: ${after.used}${after.limit != null ? ` of ${after.limit}` : ''}.` : 'Re-evaluating people…'}
        </p>
      ) : null}
    </form>
  );
}

export function ConnectionSettings({ workspaceId, connectionId }) {
  return (
    <>
      <div class="card"><MappingEditor workspaceId={workspaceId} connectionId={connectionId} /></div>
      <div class="card"><TargetGroupEditor workspaceId={workspaceId} connectionId={connectionId} /></div>
      <div class="card"><AccessEditor workspaceId={workspaceId} connectionId={connectionId} /></div>
    </>
  );
}

