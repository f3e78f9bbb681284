import { useState } from 'preact/hooks';
import { api, ws } from './api.js';
import { seats, when } from './format.js';
import { CustomFields } from './fields.jsx';
import { ConfirmDialog, ErrorMessage, Loading, PageHeading, useLoad } from './ui.jsx';

/** Seats and identity settings: session duration, forced re-authentication. */
export function WorkspacePage({ workspaceId }) {
  const workspace = useLoad(() => api('GET', ws(workspaceId)), [workspaceId]);
  return (
    <section aria-labelledby="page-title">
      <PageHeading>Workspace settings</PageHeading>
      <ErrorMessage error={workspace.error} />
      {workspace.loading && !workspace.data ? <Loading what="the workspace" /> : null}
      {workspace.data ? <WorkspaceSettings workspace={workspace.data} onChanged={workspace.reload} /> : null}
      {workspace.data ? <div class="stack"><CustomFields workspaceId={workspaceId} /></div> : null}
    </section>
  );
}

function WorkspaceSettings({ workspace, onChanged }) {
  const identity = workspace.identitySettings;
  const [seatLimit, setSeatLimit] = useState(workspace.seatLimit == null ? '' : String(workspace.seatLimit));
  const [hours, setHours] = useState(String(identity.sessionDurationHours));
  const [error, setError] = useState(null);
  const [saved, setSaved] = useState('');
  const [confirming, setConfirming] = useState(false);

  const save = async (event) => {
    event.preventDefault();
    setError(null);
    setSaved('');
    const body = { seatLimit: seatLimit.trim() === '' ? null : Number(seatLimit) };
    if (String(identity.sessionDurationHours) !== hours) {
      body.sessionDurationHours = Number(hours);
    }
    try {
      await api('PATCH', ws(workspace.id), body);
      setSaved('Saved.');
      onChanged();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <div class="stack">
      <div class="card">
        <h2>{workspace.name}</h2>
        <dl class="facts">
          <dt>Workspace id</dt><dd><code>{workspace.id}</code></dd>
          <dt>Seats</dt><dd data-testid="seats">{seats(workspace.seats)}</dd>
          <dt>Sessions valid after</dt><dd data-testid="sessions-valid-after">{when(identity.sessionsValidAfter)}</dd>
        </dl>
      </div>
      <form class="card" onSubmit={save} aria-labelledby="limits-title">
        <h2 id="limits-title">Seats and sessions</h2>
        <label for="seat-limit">Seat limit</label>
        <input id="seat-limit" type="number" min="0" inputMode="numeric" value={seatLimit}
          aria-describedby="seat-limit-help" onInput={(e) => setSeatLimit(e.currentTarget.value)} />
        <p id="seat-limit-help" class="muted small">Leave empty for no limit. Lowering it suspends nobody; it blocks new seats until use drops.</p>
        <label for="session-hours">Session duration (hours)</label>
        <input id="session-hours" type="number" min="1" required inputMode="numeric" value={hours}
          aria-describedby="session-hours-help" onInput={(e) => setHours(e.currentTarget.value)} />
        <p id="session-hours-help" class="muted small">How long a person stays signed in before signing in again (for example 8 or 24).</p>
        <ErrorMessage error={error} />
        <div class="actions">
          <button type="submit" class="primary">Save</button>
          <span role="status" aria-live="polite">{saved}</span>
        </div>
      </form>
      <div class="card">
        <h2>Force re-authentication</h2>
        <p>Signs everyone out: every session issued before now stops working and people must sign in again.</p>
        <button type="button" class="danger" onClick={() => setConfirming(true)}>Force re-authentication</button>
      </div>
      <ConfirmDialog open={confirming} title="Force everyone to sign in again?" confirmLabel="Sign everyone out" danger
        onConfirm={async () => { await api('POST', `${ws(workspace.id)}/sessions/revoke`, {}); onChanged(); }}
        onClose={() => setConfirming(false)}>
        <p>Every person in <strong>{workspace.name}</strong> will have to sign in again. This cannot be undone.</p>
      </ConfirmDialog>
    </div>
  );
}
