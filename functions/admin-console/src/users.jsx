import { useState } from 'preact/hooks';
import { api, ws } from './api.js';
import { when } from './format.js';
import { ActivityTable } from './directory.jsx';
import { ConfirmDialog, ErrorMessage, Loading, PageHeading, useLoad } from './ui.jsx';

/** Why a person cannot use the app, in the words a session check gives, explained. */
export const NO_ACCESS = {
  deactivated: 'Deactivated by the identity provider',
  deleted: 'Removed',
  no_group_access: 'Not in a group that grants access',
  no_seat: 'No seat left in the workspace',
};

export function AccessBadge({ access }) {
  if (!access || access.granted) {
    return <span class="badge ok">Has access</span>;
  }
  return <span class="badge inactive" data-reason={access.reason} title={access.reason}>No access: {NO_ACCESS[access.reason] || access.reason}</span>;
}

function query(filter, cursor) {
  const params = new URLSearchParams({ limit: '50' });
  if (filter.tag) {
    params.set('tag', filter.tag);
  }
  if (filter.email) {
    params.set('email', filter.email);
  }
  if (cursor) {
    params.set('cursor', cursor);
  }
  return params.toString();
}

/** The workspace's people: where they come from, whether they are active and hold a seat, their tags. */
export function UsersPage({ workspaceId, navigate }) {
  const [filter, setFilter] = useState({ tag: '', email: '' });
  const [emailInput, setEmailInput] = useState('');
  const [pages, setPages] = useState([]);
  const [moreError, setMoreError] = useState(null);
  const tags = useLoad(() => api('GET', `${ws(workspaceId)}/tags`), [workspaceId]);
  const first = useLoad(() => api('GET', `${ws(workspaceId)}/users?${query(filter)}`)
    .then((page) => { setPages([]); return page; }), [workspaceId, filter]);
  const all = first.data ? [first.data, ...pages] : [];
  const users = all.flatMap((p) => p.users);
  const next = all.length ? all[all.length - 1].nextCursor : null;
  const refresh = () => { first.reload(); tags.reload(); };
  const search = (event) => {
    event.preventDefault();
    setFilter({ ...filter, email: emailInput.trim() });
  };
  const more = async () => {
    setMoreError(null);
    try {
      setPages([...pages, await api('GET', `${ws(workspaceId)}/users?${query(filter, next)}`)]);
    } catch (e) {
      setMoreError(e);
    }
  };
  return (
    <section>
      <PageHeading>Users</PageHeading>
      <form class="filters" role="search" onSubmit={search}>
        <div>
          <label for="tag-filter">Tag</label>
          <select id="tag-filter" value={filter.tag} onChange={(e) => setFilter({ ...filter, tag: e.currentTarget.value })}>
            <option value="">All users</option>
            {(tags.data ? tags.data.tags : []).map((t) => <option key={t.tag} value={t.tag}>{t.tag} ({t.members})</option>)}
          </select>
        </div>
        <div>
          <label for="email-search">Email</label>
          <input id="email-search" type="search" value={emailInput} placeholder="ada@example.com"
            onInput={(e) => setEmailInput(e.currentTarget.value)} />
        </div>
        <div class="actions">
          <button type="submit" class="primary">Search</button>
          {filter.email ? <button type="button" onClick={() => { setEmailInput(''); setFilter({ ...filter, email: '' }); }}>Clear search</button> : null}
          <button type="button" onClick={refresh}>Refresh</button>
        </div>
      </form>
      {tags.data && tags.data.refreshing.length ? <p class="notice" role="status">Group changes are still reaching {tags.data.refreshing.length === 1 ? 'one group\u2019s' : `${tags.data.refreshing.length} groups\u2019`} members; tags update in a moment.</p> : null}
      <ErrorMessage error={first.error || tags.error} />
      {first.loading && !first.data ? <Loading what="users" /> : null}
      {first.data && users.length === 0 ? <p class="empty">{filter.email ? `Nobody has the email ${filter.email}${filter.tag ? ` with the tag ${filter.tag}` : ''}.` : 'No users yet.'}</p> : null}
      {users.length ? <UserTable users={users} navigate={navigate} /> : null}
      <ErrorMessage error={moreError} />
      {next ? <button type="button" onClick={more}>Load more users</button> : null}
    </section>
  );
}

export function SourceBadges({ sources }) {
  return sources.map((s, i) => <span key={i} class={`badge source-${s.type}`}>{s.type}</span>);
}

function UserTable({ users, navigate }) {
  return (
    <div class="table-wrap">
      <table class="users">
        <caption class="sr-only">Users</caption>
        <thead><tr><th scope="col">User</th><th scope="col">Source</th><th scope="col">Status</th><th scope="col">Access</th><th scope="col">Seat</th><th scope="col">Tags</th></tr></thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id} data-email={u.email}>
              <th scope="row">
                <a href={`#/users/${u.id}`} onClick={(e) => { e.preventDefault(); navigate(`/users/${u.id}`); }}>{u.email || u.userName}</a>
                {u.displayName ? <div class="muted small">{u.displayName}</div> : null}
              </th>
              <td><SourceBadges sources={u.sources} /></td>
              <td><span class={`badge ${u.active ? 'ok' : 'inactive'}`}>{u.active ? 'Active' : 'Deactivated'}</span></td>
              <td><AccessBadge access={u.access} /></td>
              <td>{u.seat ? 'Holds a seat' : 'No seat'}</td>
              <td>{u.tags.length ? u.tags.map((t) => <span key={t} class="badge tag">{t}</span>) : <span class="muted">none</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * One person: their linked identities and the recent SCIM requests about them, read from each
 * connection's activity log (the last 100 requests of each connection).
 */
export function UserPage({ workspaceId, userId, navigate }) {
  const user = useLoad(() => api('GET', `${ws(workspaceId)}/users/${encodeURIComponent(userId)}`), [workspaceId, userId]);
  const [removing, setRemoving] = useState(false);
  const connections = useLoad(() => api('GET', `${ws(workspaceId)}/connections`), [workspaceId]);
  const u = user.data;
  const names = Object.fromEntries((connections.data ? connections.data.connections : []).map((c) => [c.id, c]));
  return (
    <section>
      <p><a href="#/users" onClick={(e) => { e.preventDefault(); navigate('/users'); }}>← Users</a></p>
      <PageHeading>{u ? (u.displayName || u.email || u.userName) : 'User'}</PageHeading>
      <ErrorMessage error={user.error || connections.error} />
      {user.loading && !u ? <Loading what="the user" /> : null}
      {u ? (
        <div class="stack">
          <div class="card">
            <dl class="facts">
              <dt>Email</dt><dd>{u.email || 'none'}</dd>
              <dt>Status</dt><dd><span class={`badge ${u.active ? 'ok' : 'inactive'}`}>{u.active ? 'Active' : 'Deactivated'}</span>{u.deprovisionedAt ? ` since ${when(u.deprovisionedAt)}` : ''}</dd>
              <dt>Access</dt><dd data-testid="access"><AccessBadge access={u.access} /></dd>
              <dt>Seat</dt><dd>{u.seat ? 'Holds a seat' : 'No seat'}</dd>
              <dt>Tags</dt><dd>{u.tags.length ? u.tags.map((t) => <span key={t} class="badge tag">{t}</span>) : 'none'}</dd>
            </dl>
          </div>
          <div class="card">
            <h2>Remove this person</h2>
            <p>Releases their seat and signs them out everywhere. An identity provider that still assigns them provisions them again:
              to keep someone out, unassign them there.</p>
            <button type="button" class="danger" onClick={() => setRemoving(true)}>Remove person</button>
          </div>
          <ConfirmDialog open={removing} title={`Remove ${u.displayName || u.email || u.userName}?`} confirmLabel="Remove person" danger
            onConfirm={async () => { await api('DELETE', `${ws(workspaceId)}/users/${encodeURIComponent(userId)}`); navigate('/users'); }}
            onClose={() => setRemoving(false)}>
            <p>Their seat is released and every session they hold stops working at once.</p>
          </ConfirmDialog>
          <div class="card">
            <h2>Linked identities</h2>
            <ul class="identities">
              {u.sources.map((s, i) => (
                <li key={i}>
                  <span class={`badge source-${s.type}`}>{s.type}</span>{' '}
                  {s.type === 'sso' ? 'Signed in through SSO'
                    : <>{names[s.connectionId] ? names[s.connectionId].name : 'Connection'} ({names[s.connectionId] ? names[s.connectionId].typeName : s.connectionId}), SCIM id <code>{s.scimUserId}</code></>}
                </li>
              ))}
            </ul>
          </div>
          <RecentActivity workspaceId={workspaceId} sources={u.sources.filter((s) => s.type === 'scim')} />
        </div>
      ) : null}
    </section>
  );
}

function RecentActivity({ workspaceId, sources }) {
  const key = sources.map((s) => `${s.connectionId}/${s.scimUserId}`).join(',');
  const activity = useLoad(async () => {
    const pages = await Promise.all(sources.map((s) =>
      api('GET', `${ws(workspaceId)}/connections/${encodeURIComponent(s.connectionId)}/activity?limit=100`)
        .then((page) => page.activity.filter((e) => e.resourceId === s.scimUserId))));
    return pages.flat().sort((a, b) => b.at.localeCompare(a.at)).slice(0, 20);
  }, [workspaceId, key]);
  return (
    <div class="card">
      <h2>Recent activity</h2>
      <p class="muted small">Requests about this person among each connection's last 100 requests.</p>
      <ErrorMessage error={activity.error} />
      {activity.loading && !activity.data ? <Loading what="activity" /> : null}
      {activity.data && activity.data.length === 0 ? <p class="empty">No recent requests about this person.</p> : null}
      {activity.data && activity.data.length ? <ActivityTable entries={activity.data} /> : null}
    </div>
  );
}
