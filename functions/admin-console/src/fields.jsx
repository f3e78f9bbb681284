import { useState } from 'preact/hooks';
import { api, ws } from './api.js';
import { ConfirmDialog, ErrorMessage, Loading, useLoad } from './ui.jsx';

const TYPES = [
  { value: 'string', label: 'Text' },
  { value: 'number', label: 'Number' },
  { value: 'boolean', label: 'Yes / no' },
];

/** Which connection's mapping or target groups use each field: those cannot be deleted. */
async function fieldUses(workspaceId) {
  const { connections } = await api('GET', `${ws(workspaceId)}/connections`);
  const mappings = await Promise.all(connections.filter((c) => c.status === 'active').map((c) =>
    api('GET', `${ws(workspaceId)}/connections/${encodeURIComponent(c.id)}/mapping`).then((m) => ({ connection: c, mapping: m }))));
  const uses = {};
  for (const { connection, mapping } of mappings) {
    const used = Object.entries(mapping.attributes).filter(([, s]) => !s.default).map(([k]) => k);
    if (mapping.targetGroup.groupBy) {
      used.push(mapping.targetGroup.groupBy);
    }
    for (const key of used) {
      (uses[key] = uses[key] || []).push(connection.name);
    }
  }
  return uses;
}

/** Edit Fields (Keepnet): the workspace's custom profile fields, which mappings can fill. */
export function CustomFields({ workspaceId }) {
  const fields = useLoad(() => api('GET', `${ws(workspaceId)}/fields`), [workspaceId]);
  const uses = useLoad(() => fieldUses(workspaceId), [workspaceId]);
  const [key, setKey] = useState('');
  const [label, setLabel] = useState('');
  const [type, setType] = useState('string');
  const [error, setError] = useState(null);
  const [deleting, setDeleting] = useState(null);
  const add = async (event) => {
    event.preventDefault();
    setError(null);
    try {
      await api('POST', `${ws(workspaceId)}/fields`, { key: key.trim(), label: label.trim() || undefined, type });
      setKey('');
      setLabel('');
      fields.reload();
    } catch (e) {
      setError(e);
    }
  };
  const list = fields.data ? fields.data.fields : [];
  return (
    <div class="card" role="region" aria-labelledby="fields-title">
      <h2 id="fields-title">Custom fields</h2>
      <p class="muted small">Profile fields of your own (cost center, employee id…). Map a SCIM attribute to them on a connection's mapping.</p>
      <ErrorMessage error={fields.error || uses.error} />
      {fields.loading && !fields.data ? <Loading what="custom fields" /> : null}
      {fields.data && list.length === 0 ? <p class="empty">No custom fields yet.</p> : null}
      {list.length ? (
        <div class="table-wrap">
          <table class="fields">
            <caption class="sr-only">Custom fields</caption>
            <thead><tr><th scope="col">Label</th><th scope="col">Key</th><th scope="col">Type</th><th scope="col">Used by</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
            <tbody>
              {list.map((f) => {
                const usedBy = uses.data ? uses.data[f.key] || [] : [];
                return (
                  <tr key={f.key} data-field={f.key}>
                    <th scope="row">{f.label || f.key}</th>
                    <td><code>{f.key}</code></td>
                    <td>{(TYPES.find((t) => t.value === f.type) || { label: f.type }).label}</td>
                    <td>{usedBy.length ? <span data-testid="used-by">In use by {usedBy.join(', ')}</span> : <span class="muted">not mapped</span>}</td>
                    <td>
                      <button type="button" class="danger" disabled={usedBy.length > 0}
                        aria-label={`Delete field ${f.label || f.key}`}
                        title={usedBy.length ? 'A mapping uses this field: change the mapping first' : undefined}
                        onClick={() => setDeleting(f)}>Delete</button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
      <form onSubmit={add} aria-labelledby="add-field-title" class="add-field">
        <h3 id="add-field-title">Add a field</h3>
        <label for="field-key">Key</label>
        <input id="field-key" required value={key} placeholder="costCenter" aria-describedby="field-key-help"
          onInput={(e) => setKey(e.currentTarget.value)} />
        <p id="field-key-help" class="muted small">Letters and digits, as your app reads it. It cannot be changed later.</p>
        <label for="field-label">Label</label>
        <input id="field-label" value={label} placeholder="Cost center" onInput={(e) => setLabel(e.currentTarget.value)} />
        <label for="field-type">Type</label>
        <select id="field-type" value={type} onChange={(e) => setType(e.currentTarget.value)}>
          {TYPES.map((t) => <option key={t.value} value={t.value}>{t.label}</option>)}
        </select>
        <ErrorMessage error={error} />
        <button type="submit" class="primary">Add field</button>
      </form>
      <ConfirmDialog open={Boolean(deleting)} title={deleting ? `Delete the field ${deleting.label || deleting.key}?` : ''}
        confirmLabel="Delete field" danger
        onConfirm={async () => { await api('DELETE', `${ws(workspaceId)}/fields/${encodeURIComponent(deleting.key)}`); fields.reload(); uses.reload(); }}
        onClose={() => setDeleting(null)}>
        <p>People's values for this field are no longer shown or updated.</p>
      </ConfirmDialog>
    </div>
  );
}
