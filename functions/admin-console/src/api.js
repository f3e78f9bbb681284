// The admin API, called from the page's own origin. A pasted operator token or JWT lives in
// sessionStorage only: it goes with this tab, never into a URL, a cookie or another tab. Someone who
// arrived by a setup link has no token here: the server's HttpOnly session cookie signs them in.

const TOKEN_KEY = 'scim-lambda.adminToken';

export const token = {
  get: () => sessionStorage.getItem(TOKEN_KEY),
  set: (value) => sessionStorage.setItem(TOKEN_KEY, value),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
};

/** An admin API error in words, with the field it concerns when the API names one. */
export class ApiError extends Error {
  constructor(status, message, field) {
    super(message);
    this.status = status;
    this.field = field;
  }
}

const STATUS_WORDS = {
  401: 'You are not signed in, or your sign-in has expired. Sign in again with a current token, or ask for a new setup link.',
  403: 'Not allowed.',
  404: 'Not found. It may have been deleted.',
  409: 'That conflicts with the current state.',
  413: 'The request is too large.',
};

export async function api(method, path, body) {
  const headers = token.get() ? { Authorization: `Bearer ${token.get()}` } : {};
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  let response;
  try {
    response = await fetch(`/admin/v1${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
    });
  } catch {
    throw new ApiError(0, 'The admin API could not be reached. Check your connection and try again.');
  }
  if (response.status === 204) {
    return null;
  }
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    // Not JSON: a gateway error page, for instance. The status speaks instead.
  }
  if (!response.ok) {
    const error = json && json.error;
    const message = response.status === 401 ? STATUS_WORDS[401]
      : (error && error.message) || STATUS_WORDS[response.status]
      || `The admin API answered ${response.status}${response.status >= 500 ? ': something went wrong on the server. Try again.' : '.'}`;
    throw new ApiError(response.status, message, error && error.field);
  }
  return json;
}

export const ws = (workspaceId) => `/workspaces/${encodeURIComponent(workspaceId)}`;
