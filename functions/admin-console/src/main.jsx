import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError, token } from './api.js';
import { AuditPage } from './audit.jsx';
import { ConnectionPage, DirectorySyncPage } from './directory.jsx';
import { EventsPage } from './events.jsx';
import { UserPage, UsersPage } from './users.jsx';
import { ErrorMessage, Loading, useSubmit } from './ui.jsx';
import { WorkspacePage } from './workspace.jsx';
import './style.css';

const WORKSPACE_KEY = 'scim-lambda.workspace';
const LINK_SESSION_KEY = 'scim-lambda.setupLinkSession';

function route() {
  const path = location.hash.replace(/^#/, '') || '/directory-sync';
  const [, page, id, tab] = path.split('/');
  return { page, id: id ? decodeURIComponent(id) : null, tab: tab || '' };
}

/** Who is signed in, and the workspaces they may see; null when nobody is (a 401). */
async function signedIn() {
  try {
    const [me, page] = await Promise.all([api('GET', '/me'), api('GET', '/workspaces')]);
    return { me, workspaces: page.workspaces };
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      return null;
    }
    throw e;
  }
}

function SignIn({ onSignedIn }) {
  const [value, setValue] = useState('');
  const { error, busy, submit } = useSubmit(async () => {
    token.set(value.trim());
    try {
      const session = await signedIn();
      if (!session) {
        throw new ApiError(401, 'That token was not accepted: check it is current, complete, and for this deployment.');
      }
      onSignedIn(session);
    } catch (e) {
      token.clear();
      throw e;
    }
  });
  return (
    <main class="sign-in">
      <form class="card" onSubmit={submit} aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">scim-lambda admin console</h1>
        <p>Sign in with the operator token (printed when the stack started, or in the admin token secret), or
          paste a sign-in token (JWT) from your product's identity provider.</p>
        <label for="admin-token">Admin token or JWT</label>
        <input id="admin-token" type="password" autoComplete="off" required autoFocus value={value}
          onInput={(e) => setValue(e.currentTarget.value)} />
        <p class="muted small">Kept in this browser tab only, until you sign out or close it. Given a setup link?
          Open it instead: it signs you in to your workspace.</p>
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
  { page: 'audit', label: 'Audit trail' },
];

const SIGNED_IN_WITH = { operator: 'operator token', jwt: 'JWT', 'setup-link': 'setup link' };

function Console({ me, workspaces, onSignOut }) {
  const [current, setCurrent] = useState(route());
  const [navState, setNavState] = useState(null);
  const [workspaceId, setWorkspaceId] = useState(() => {
    // A setup link's redirect names its workspace once; the address bar then drops it.
    const fromLink = new URLSearchParams(location.search).get('workspace');
    if (fromLink) {
      history.replaceState(null, '', location.pathname + location.hash);
      sessionStorage.setItem(WORKSPACE_KEY, fromLink);
    }
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
  } else if (current.page === 'audit') {
    page = <AuditPage key={workspaceId} workspaceId={workspaceId} />;
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
        <p class="signed-in" aria-label="Signed in">
          {me.actor} <span class="muted small">({SIGNED_IN_WITH[me.signedInWith] || me.signedInWith}{
            workspaces.length === 1 ? `, ${workspaces[0].name} only` : ''})</span>
        </p>
        <button type="button" onClick={onSignOut}>Sign out</button>
      </header>
      <main id="main" tabIndex={-1}>{page}</main>
    </>
  );
}

function App() {
  const [session, setSession] = useState(null);
  const [error, setError] = useState(null);
  // A kept token, or the cookie a setup link set (its redirect names the workspace; a reload finds
  // the mark left below): either signs this page in without the form. Otherwise nothing is asked,
  // so a fresh visit does not start with a refused request.
  const mayBeSignedIn = Boolean(token.get()) || new URLSearchParams(location.search).has('workspace')
    || sessionStorage.getItem(LINK_SESSION_KEY) === '1';
  const [checking, setChecking] = useState(mayBeSignedIn);
  useEffect(() => {
    if (!mayBeSignedIn) {
      return;
    }
    signedIn().then(
      (found) => {
        if (!found) {
          token.clear();
          sessionStorage.removeItem(LINK_SESSION_KEY);
        } else if (found.me.signedInWith === 'setup-link') {
          sessionStorage.setItem(LINK_SESSION_KEY, '1');
        }
        setSession(found);
        setChecking(false);
      },
      (e) => { setError(e); setChecking(false); });
  }, []);
  const signOut = async () => {
    const viaLink = session && session.me.signedInWith === 'setup-link';
    token.clear();
    sessionStorage.removeItem(WORKSPACE_KEY);
    sessionStorage.removeItem(LINK_SESSION_KEY);
    if (viaLink) {
      // The session cookie is HttpOnly: the server ends it.
      await api('POST', '/me/sign-out').catch(() => {});
    }
    setSession(null);
  };
  if (checking) {
    return <Loading what="the console" />;
  }
  if (error) {
    return <main><ErrorMessage error={error} /></main>;
  }
  if (!session) {
    return <SignIn onSignedIn={setSession} />;
  }
  return <Console me={session.me} workspaces={session.workspaces} onSignOut={signOut} />;
}

render(<App />, document.getElementById('app'));
