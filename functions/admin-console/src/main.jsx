import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError, token } from './api.js';
import { ConnectionPage, DirectorySyncPage } from './directory.jsx';
import { EventsPage } from './events.jsx';
import { UserPage, UsersPage } from './users.jsx';
import { ErrorMessage, Loading, useSubmit } from './ui.jsx';
import { WorkspacePage } from './workspace.jsx';
import './style.css';

const WORKSPACE_KEY = 'scim-lambda.workspace';

function route() {
  const path = location.hash.replace(/^#/, '') || '/directory-sync';
  const [, page, id, tab] = path.split('/');
  return { page, id: id ? decodeURIComponent(id) : null, tab: tab || '' };
}

function SignIn({ onSignedIn }) {
  const [value, setValue] = useState('');
  const { error, busy, submit } = useSubmit(async () => {
    token.set(value.trim());
    try {
      onSignedIn(await api('GET', '/workspaces'));
    } catch (e) {
      token.clear();
      throw e;
    }
  });
  return (
    <main class="sign-in">
      <form class="card" onSubmit={submit} aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">scim-lambda admin console</h1>
        <p>Sign in with the admin token printed when the stack started (or stored in the admin token secret).</p>
        <label for="admin-token">Admin token</label>
        <input id="admin-token" type="password" autoComplete="off" required autoFocus value={value}
          onInput={(e) => setValue(e.currentTarget.value)} />
        <p class="muted small">Kept in this browser tab only, until you sign out or close it.</p>
        <ErrorMessage error={error} />
        <button type="submit" class="primary" disabled={busy}>Sign in</button>
      </form>
    </main>
  );
}

const NAV = [
  { page: 'directory-sync', label: 'Directory Sync' },
  { page: 'users', label: 'Users' },
  { page: 'events', label: 'Events' },
  { page: 'workspace', label: 'Workspace settings' },
];

function Console({ workspaces, onSignOut }) {
  const [current, setCurrent] = useState(route());
  const [navState, setNavState] = useState(null);
  const [workspaceId, setWorkspaceId] = useState(() => {
    const kept = sessionStorage.getItem(WORKSPACE_KEY);
    const ids = workspaces.map((w) => w.id);
    return ids.includes(kept) ? kept : ids.includes('default') ? 'default' : ids[0];
  });
  useEffect(() => {
    const onHash = () => setCurrent(route());
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  const navigate = (path, state = null) => {
    setNavState(state);
    location.hash = path;
  };
  const chooseWorkspace = (id) => {
    sessionStorage.setItem(WORKSPACE_KEY, id);
    setWorkspaceId(id);
    navigate(`/${NAV.some((n) => n.page === current.page) ? current.page : 'directory-sync'}`);
  };
  const section = current.page === 'connections' || current.page === 'directory-sync' ? 'directory-sync' : current.page;
  let page;
  if (!workspaceId) {
    page = <p class="empty">There is no workspace yet. Create one with <code>POST /admin/v1/workspaces</code>.</p>;
  } else if (current.page === 'connections' && current.id) {
    page = <ConnectionPage key={current.id} workspaceId={workspaceId} connectionId={current.id} tab={current.tab} navigate={navigate}
      issuedSecret={navState && navState.secret} />;
  } else if (current.page === 'users' && current.id) {
    page = <UserPage key={current.id} workspaceId={workspaceId} userId={current.id} navigate={navigate} />;
  } else if (current.page === 'users') {
    page = <UsersPage key={workspaceId} workspaceId={workspaceId} navigate={navigate} />;
  } else if (current.page === 'events') {
    page = <EventsPage key={workspaceId} workspaceId={workspaceId} />;
  } else if (current.page === 'workspace') {
    page = <WorkspacePage key={workspaceId} workspaceId={workspaceId} />;
  } else {
    page = <DirectorySyncPage key={workspaceId} workspaceId={workspaceId} navigate={navigate} />;
  }
  return (
    <>
      <a class="skip" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main').focus(); }}>Skip to content</a>
      <header class="top">
        <span class="brand">scim-lambda</span>
        <nav aria-label="Sections">
          <ul>
            {NAV.map((n) => (
              <li key={n.page}>
                <a href={`#/${n.page}`} aria-current={section === n.page ? 'page' : undefined}>{n.label}</a>
              </li>
            ))}
          </ul>
        </nav>
        <div class="workspace-picker">
          <label for="workspace">Workspace</label>
          <select id="workspace" value={workspaceId} onChange={(e) => chooseWorkspace(e.currentTarget.value)}>
            {workspaces.map((w) => <option key={w.id} value={w.id}>{w.name}</option>)}
          </select>
        </div>
        <button type="button" onClick={onSignOut}>Sign out</button>
      </header>
      <main id="main" tabIndex={-1}>{page}</main>
    </>
  );
}

function App() {
  const [workspaces, setWorkspaces] = useState(null);
  const [error, setError] = useState(null);
  const [checking, setChecking] = useState(Boolean(token.get()));
  useEffect(() => {
    if (!token.get()) {
      return;
    }
    api('GET', '/workspaces').then(
      (page) => { setWorkspaces(page.workspaces); setChecking(false); },
      (e) => {
        if (e instanceof ApiError && e.status === 401) {
          token.clear();
        } else {
          setError(e);
        }
        setChecking(false);
      });
  }, []);
  const signOut = () => {
    token.clear();
    sessionStorage.removeItem(WORKSPACE_KEY);
    setWorkspaces(null);
  };
  if (checking) {
    return <Loading what="the console" />;
  }
  if (error) {
    return <main><ErrorMessage error={error} /></main>;
  }
  if (!workspaces) {
    return <SignIn onSignedIn={(page) => setWorkspaces(page.workspaces)} />;
  }
  return <Console workspaces={workspaces} onSignOut={signOut} />;
}

render(<App />, document.getElementById('app'));
