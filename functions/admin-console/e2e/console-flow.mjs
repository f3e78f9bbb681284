// The admin console driven in headless Chromium against a running stack, as an admin and an IdP
// would use it together: the admin arrives by a setup link, and at the end signs in with the token. Run by ConsoleInBrowserTest (functions/end-to-end) with:
//   CONSOLE_URL   the console, e.g. http://127.0.0.1:8080/admin/console/
//   ADMIN_TOKEN   the stack's admin token
//   CHROMIUM      the browser executable (Debian's /usr/bin/chromium)
//   SCREENSHOTS   directory for the screenshots
// Exits non-zero, saying which step failed, when anything is not as expected; the browser console
// must stay free of errors throughout.
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';

const consoleUrl = required('CONSOLE_URL');
const adminToken = required('ADMIN_TOKEN');
const screenshots = required('SCREENSHOTS');
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
const origin = new URL(consoleUrl).origin;
mkdirSync(screenshots, { recursive: true });

function required(name) {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} must be set`);
  }
  return value;
}

let step = 'starting';
const consoleErrors = [];
/** Chromium logs every 4xx answer to the console; the one step that provokes an API error expects its own. */
const API_ERROR_STEP = 'an API error is shown in words';
/** The Events page asks for the workspace's webhook first; before one is set the API answers 404 and the page offers to add one. */
const NO_WEBHOOK_STEP = 'events: add a webhook and keep its signing secret';
const expectedError = (text) => (step === API_ERROR_STEP && /Failed to load resource: .* 400 /.test(text))
  || (step === NO_WEBHOOK_STEP && /Failed to load resource: .* 404 /.test(text));

async function scim(baseUrl, secret, method, path, body) {
  // The stack hands out http://localhost:port URLs; it listens on 127.0.0.1 only.
  const url = baseUrl.replace('//localhost:', '//127.0.0.1:') + path;
  const response = await fetch(url, {
    method,
    headers: { Authorization: `Bearer ${secret}`, 'Content-Type': 'application/scim+json', 'User-Agent': 'console-e2e' },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : null };
}

function check(condition, message) {
  if (!condition) {
    throw new Error(message);
  }
}

/** Clicks {@code refresh} until {@code locator} shows, since derived tags arrive a moment after the SCIM request. */
async function untilVisible(page, locator, refresh, seconds = 30, state = 'visible') {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    try {
      await locator.first().waitFor({ state, timeout: 1000 });
      return;
    } catch (e) {
      if (Date.now() > deadline) {
        throw new Error(`not shown within ${seconds}s: ${locator}`);
      }
      await refresh();
    }
  }
}

async function until(condition, message, seconds = 10) {
  const deadline = Date.now() + seconds * 1000;
  while (!(await condition())) {
    if (Date.now() > deadline) {
      throw new Error(message);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Serious or critical axe-core findings, per page, reported together when the flow ends. */
const accessibilityViolations = [];

/** One screenshot per page, and the page checked by axe-core (WCAG 2.1 A and AA) as it is shown. */
async function shot(page, name) {
  await page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  for (const v of violations.filter((found) => found.impact === 'serious' || found.impact === 'critical')) {
    accessibilityViolations.push(`${name}: ${v.impact} ${v.id} (${v.help}) at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }
}

// The workspace's webhook receiver, on this machine as the stack allows plain http only on loopback.
const received = [];
const receiver = createServer((request, response) => {
  let body = '';
  request.on('data', (chunk) => { body += chunk; });
  request.on('end', () => {
    received.push({ headers: request.headers, body });
    response.statusCode = 204;
    response.end();
  });
});
await new Promise((resolve) => receiver.listen(0, '127.0.0.1', resolve));
const hookUrl = `http://127.0.0.1:${receiver.address().port}/hook`;

// An Okta org for the Directory Sync steps, serving the Management API fixtures the Okta provider
// is tested with (functions/directory-sync/src/test/resources/.../okta/, each cited to Okta's reference).
const oktaFixture = (name) => readFileSync(new URL(`../../directory-sync/src/test/resources/dev/scimlambda/directorysync/okta/${name}`,
  import.meta.url), 'utf8');
const okta = createServer((request, response) => {
  const url = new URL(request.url, 'http://127.0.0.1');
  const org = `http://127.0.0.1:${okta.address().port}`;
  const bodies = {
    '/api/v1/users': url.searchParams.has('after') ? oktaFixture('users-page-2.json') : oktaFixture('users-page-1.json'),
    '/api/v1/groups': oktaFixture('groups.json'),
    '/api/v1/groups/00g1emaKYZTWRYYRRTSK/users': oktaFixture('group-engineering-users.json'),
    '/api/v1/groups/00g1emaKYZTWRYYRRTSL/users': oktaFixture('group-sales-users.json'),
  };
  const body = request.headers.authorization === 'SSWS okta-stub-token' ? bodies[url.pathname] : undefined;
  if (url.pathname === '/api/v1/users' && !url.searchParams.has('after')) {
    response.setHeader('Link', `<${org}/api/v1/users?after=00u1f96ECLNVOKVMUSEB&limit=200>; rel="next"`);
  }
  response.setHeader('Content-Type', 'application/json');
  response.statusCode = body ? 200 : 401;
  response.end(body || oktaFixture('error-invalid-token.json'));
});
await new Promise((resolve) => okta.listen(0, '127.0.0.1', resolve));
const oktaOrgUrl = `http://127.0.0.1:${okta.address().port}`;

/** Standard Webhooks, as docs/events.md shows a receiver checking it. */
function verifies(delivery, secret) {
  const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
  const signed = `${delivery.headers['webhook-id']}.${delivery.headers['webhook-timestamp']}.${delivery.body}`;
  const expected = createHmac('sha256', key).update(signed).digest();
  return (delivery.headers['webhook-signature'] || '').split(' ').some((s) => {
    const given = Buffer.from(s.slice(3), 'base64');
    return s.startsWith('v1,') && given.length === expected.length && timingSafeEqual(given, expected);
  });
}

const browser = await chromium.launch({
  executablePath,
  headless: true,
  // Debian's Chromium as root, on a machine without outside network: no sandbox, GPU or background
  // traffic. Playwright gives each launch a new empty profile (user data directory) of its own.
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
let failed = null;
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  const page = await context.newPage();
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !expectedError(msg.text())) {
      consoleErrors.push(`${step}: ${msg.text()}`);
    }
  });
  page.on('pageerror', (error) => consoleErrors.push(`${step}: ${error.message}`));
  page.setDefaultTimeout(10000);

  step = 'sign in with a setup link';
  const minted = await fetch(new URL('/admin/v1/workspaces/default/setup-links', origin), {
    method: 'POST',
    headers: { Authorization: `Bearer ${adminToken}`, 'Content-Type': 'application/json' },
    body: '{}',
  });
  check(minted.status === 201, `minting a setup link answered ${minted.status}`);
  // The stack hands out http://localhost:port URLs; it listens on 127.0.0.1 only.
  const setupUrl = (await minted.json()).url.replace('//localhost:', '//127.0.0.1:');
  const linkToken = new URL(setupUrl).searchParams.get('token');
  await page.goto(setupUrl);
  await page.getByRole('heading', { name: 'Directory Sync', level: 1 }).waitFor();
  check(!page.url().includes(linkToken), 'the setup link token must not stay in the address bar');
  await page.getByLabel('Signed in').getByText('setup-link').waitFor();
  await shot(page, '01-signed-in-by-setup-link');
  const reused = await fetch(setupUrl, { redirect: 'manual' });
  check(reused.status === 410, `a second use of the setup link answered ${reused.status}`);
  check((await reused.text()).includes('can no longer be used'), 'a used setup link explains itself');

  step = 'custom fields: add one (Edit Fields)';
  await page.getByRole('link', { name: 'Workspace settings', exact: true }).click();
  await page.getByRole('heading', { name: 'Custom fields' }).waitFor();
  await page.getByLabel('Key').fill('costCenter');
  await page.getByLabel('Label').fill('Cost center');
  await page.getByLabel('Type').selectOption({ label: 'Text' });
  await page.getByRole('button', { name: 'Add field' }).click();
  await page.locator('tr[data-field="costCenter"]').waitFor();

  step = 'add a connection: name and type';
  await page.getByRole('link', { name: 'Directory Sync', exact: true }).click();
  await page.getByRole('button', { name: 'Add connection' }).click();
  const wizard = page.getByRole('region', { name: 'Add connection' });
  await wizard.getByLabel('Name', { exact: true }).fill('Okta production');
  await wizard.getByLabel('Type', { exact: true }).selectOption({ label: 'Okta' });
  await wizard.getByRole('button', { name: 'Continue' }).click();

  step = 'add a connection: map fields';
  await wizard.getByRole('heading', { name: 'Map fields' }).waitFor();
  check(await wizard.locator('tr[data-field="email"] .badge.required').count() === 1, 'the email is marked required');
  await wizard.getByLabel('Read Cost center from').selectOption('urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:costCenter');
  await shot(page, '02a-mapping');
  await wizard.getByRole('button', { name: 'Save and continue' }).click();

  step = 'add a connection: target group, grouped by department';
  await wizard.getByRole('heading', { name: 'Target group' }).waitFor();
  await wizard.getByRole('textbox', { name: 'Target group' }).fill('All staff');
  await wizard.getByLabel('Group by').selectOption('department');
  await wizard.getByRole('button', { name: 'Save and continue' }).click();

  step = 'add a connection: access groups skipped, credentials shown';
  await wizard.getByRole('heading', { name: 'Group-based access' }).waitFor();
  await wizard.getByRole('button', { name: 'Skip' }).click();
  await page.getByRole('heading', { name: 'Okta production', level: 1 }).waitFor();

  step = 'read the SCIM base URL and secret from the page';
  const baseUrl = await page.locator('#scim-base-url').inputValue();
  const secret = await page.locator('#scim-secret').inputValue();
  check(/\/scim\/v2\/[^/]+$/.test(baseUrl), `SCIM base URL looks wrong: ${baseUrl}`);
  check(secret.length > 20, 'the secret is shown');
  check(await page.locator('#scim-secret').getAttribute('type') === 'password', 'the secret is masked until shown');
  await page.getByRole('button', { name: /^Copy Secret/ }).click();
  await page.getByText('Copied').first().waitFor();
  await page.getByRole('heading', { name: 'Set up Okta' }).waitFor();
  await until(async () => await page.locator('ol.steps li').count() > 2, 'the IdP setup steps are listed');
  await shot(page, '02-connection-details');

  step = 'events: add a webhook and keep its signing secret';
  await page.getByRole('link', { name: 'Events', exact: true }).click();
  await page.getByRole('heading', { name: 'Events', level: 1 }).waitFor();
  // The embedded stack publishes to no bus: the page says so, with the local stage's source.
  await page.getByTestId('eventbridge').getByText('publishes to no EventBridge bus').waitFor();
  await page.getByLabel('Endpoint URL').fill(hookUrl);
  await page.getByRole('button', { name: 'Save webhook' }).click();
  const signingSecret = await page.locator('#signing-secret').inputValue();
  check(signingSecret.startsWith('whsec_'), 'the signing secret is shown once');
  await page.getByRole('button', { name: 'I have stored it' }).click();
  await page.getByRole('heading', { name: 'Deliveries' }).waitFor();
  await shot(page, '02b-webhook');

  step = 'push a user and a group by SCIM';
  const enterprise = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
  const created = await scim(baseUrl, secret, 'POST', '/Users', {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', enterprise], userName: 'ada@example.com', active: true,
    name: { givenName: 'Ada', familyName: 'Lovelace' }, displayName: 'Ada Lovelace',
    emails: [{ value: 'ada@example.com', type: 'work', primary: true }],
    [enterprise]: { department: 'Sales', costCenter: 'CC-42' },
  });
  check(created.status === 201, `POST /Users answered ${created.status}`);
  const group = await scim(baseUrl, secret, 'POST', '/Groups', {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName: 'Engineering',
    members: [{ value: created.json.id }],
  });
  check(group.status === 201, `POST /Groups answered ${group.status}`);

  step = 'events: each event delivered, signed, and listed with its attempts';
  await page.getByRole('link', { name: 'Events', exact: true }).click();
  const userCreated = page.locator('tr[data-status="delivered"]', { hasText: 'user.created' });
  await untilVisible(page, userCreated, () => page.getByRole('button', { name: 'Refresh' }).click());
  const eventId = await userCreated.first().getAttribute('data-event-id');
  const first = received.find((d) => d.headers['webhook-id'] === eventId);
  check(first && verifies(first, signingSecret), 'the receiver got the event, signed with the secret shown');
  check(JSON.parse(first.body).specversion === '1.0', 'the body is a CloudEvents envelope');
  await userCreated.first().getByText('1 attempt').click();
  await userCreated.first().getByText(/HTTP 204/).first().waitFor();
  await shot(page, '02c-deliveries');

  step = 'events: redeliver one event under the same id';
  const eventRow = page.locator(`tr[data-event-id="${eventId}"]`);
  await eventRow.getByRole('button', { name: `Redeliver event ${eventId}` }).click();
  await page.getByText(`Event ${eventId} queued for redelivery.`).waitFor();
  await until(async () => received.filter((d) => d.headers['webhook-id'] === eventId).length === 2,
    'the redelivered event arrives again with the same webhook-id', 30);

  step = 'events: rotate the signing secret with an overlap';
  await page.getByRole('button', { name: 'Rotate signing secret' }).click();
  const rotateHook = page.getByRole('dialog', { name: 'Rotate the signing secret?' });
  await rotateHook.getByLabel('Overlap (hours)').fill('2');
  await rotateHook.getByRole('button', { name: 'Rotate' }).click();
  await until(async () => (await page.locator('#signing-secret').inputValue()) !== signingSecret, 'the new secret is shown once');
  const newSigningSecret = await page.locator('#signing-secret').inputValue();
  await page.getByRole('button', { name: 'I have stored it' }).click();
  await page.getByTestId('previous-secret').waitFor();
  await eventRow.getByRole('button', { name: `Redeliver event ${eventId}` }).click();
  await until(async () => received.filter((d) => d.headers['webhook-id'] === eventId).length === 3,
    'the event arrives a third time', 30);
  const overlapping = received.filter((d) => d.headers['webhook-id'] === eventId)[2];
  check(verifies(overlapping, newSigningSecret) && verifies(overlapping, signingSecret),
    'during the overlap a delivery verifies with either secret');

  step = 'see the user tagged Group:Engineering';
  await page.getByRole('link', { name: 'Users', exact: true }).click();
  await page.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
  const adaRow = page.locator('tbody tr', { hasText: 'ada@example.com' });
  await untilVisible(page, adaRow.getByText('Group:Engineering'), () => page.getByRole('button', { name: 'Refresh' }).click());
  check(await adaRow.locator('.badge.source-scim').count() === 1, 'the user carries the scim source badge');
  check(await adaRow.getByText('Active', { exact: true }).count() === 1, 'the user is active');
  check(await adaRow.getByText('Holds a seat').count() === 1, 'the user holds a seat');
  await shot(page, '03-users-tagged');

  step = 'filter by tag and search by email';
  await untilVisible(page, page.locator('#tag-filter option', { hasText: 'Group:Engineering' }),
    () => page.getByRole('button', { name: 'Refresh' }).click(), 30, 'attached');
  await page.getByLabel('Tag').selectOption('Group:Engineering');
  await adaRow.waitFor();
  await page.getByLabel('Tag').selectOption('');
  await page.getByLabel('Email').fill('ADA@example.com');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await adaRow.waitFor();
  await page.getByLabel('Email').fill('nobody@example.com');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await page.getByText('Nobody has the email nobody@example.com').waitFor();
  await page.getByRole('button', { name: 'Clear search' }).click();
  await adaRow.waitFor();

  step = 'target group: Ada is in Department:Sales';
  await untilVisible(page, adaRow.getByText('Department:Sales'), () => page.getByRole('button', { name: 'Refresh' }).click());
  await page.getByRole('link', { name: 'Directory Sync', exact: true }).click();
  await page.getByRole('link', { name: 'View details of Okta production' }).click();
  await page.getByRole('navigation', { name: 'Connection' }).getByRole('link', { name: 'Target group' }).click();
  await page.locator('li[data-tag="Department:Sales"]', { hasText: '1 person' }).waitFor();
  await shot(page, '03a-target-groups');

  step = 'group-based access: Engineering grants access, leaving it revokes';
  await page.getByRole('navigation', { name: 'Connection' }).getByRole('link', { name: 'Access' }).click();
  await page.getByLabel(/^Engineering/).check();
  await page.getByRole('button', { name: 'Save access groups' }).click();
  await page.getByTestId('seats-change').getByText(/Before: 1|before: 1/).waitFor();
  await page.getByTestId('seats-change').getByText('After: 1').waitFor({ timeout: 30000 });
  await shot(page, '03b-access');
  const left = await scim(baseUrl, secret, 'PATCH', `/Groups/${group.json.id}`, {
    schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
    Operations: [{ op: 'remove', path: `members[value eq "${created.json.id}"]` }],
  });
  check(left.status === 200 || left.status === 204, `PATCH /Groups answered ${left.status}`);
  await page.getByRole('link', { name: 'Users', exact: true }).click();
  await untilVisible(page, adaRow.locator('[data-reason="no_group_access"]'), () => page.getByRole('button', { name: 'Refresh' }).click());
  check(await adaRow.getByText('No seat').count() === 1, 'leaving the access group releases the seat');

  step = 'deactivate the user by SCIM and see it';
  const patched = await scim(baseUrl, secret, 'PATCH', `/Users/${created.json.id}`, {
    schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
    Operations: [{ op: 'replace', value: { active: false } }],
  });
  check(patched.status === 200 || patched.status === 204, `PATCH /Users answered ${patched.status}`);
  await untilVisible(page, adaRow.getByText('Deactivated'), () => page.getByRole('button', { name: 'Refresh' }).click());
  check(await adaRow.getByText('No seat').count() === 1, 'a deactivated user frees the seat');
  await shot(page, '04-user-deactivated');

  step = 'user detail: linked identities and recent activity';
  await adaRow.getByRole('link', { name: 'ada@example.com' }).click();
  await page.getByRole('heading', { name: 'Ada Lovelace', level: 1 }).waitFor();
  await page.getByRole('heading', { name: 'Linked identities' }).waitFor();
  await page.locator('.identities li', { hasText: 'Okta production' }).waitFor();
  await untilVisible(page, page.locator('table.activity', { hasText: 'patch User' }), () => page.reload());
  await shot(page, '05-user-detail');

  step = 'a failed request is highlighted in the connection activity log';
  const duplicate = await scim(baseUrl, secret, 'POST', '/Users', {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName: 'ada@example.com',
  });
  check(duplicate.status === 409, `duplicate POST /Users answered ${duplicate.status}`);
  await page.getByRole('link', { name: 'Directory Sync', exact: true }).click();
  const connectionRow = page.locator('tbody tr', { hasText: 'Okta production' });
  check(!(await connectionRow.innerText()).includes('never'), 'the last request seen is shown');
  await connectionRow.getByRole('link', { name: 'View details of Okta production' }).click();
  await page.getByRole('navigation', { name: 'Connection' }).getByRole('link', { name: 'Activity' }).click();
  await untilVisible(page, page.locator('tr.failed', { hasText: 'Failed 409' }),
    () => page.getByRole('button', { name: 'Refresh' }).last().click());
  await page.getByLabel('Only failed requests').check();
  await until(async () => await page.locator('table.activity tbody tr:not(.failed)').count() === 0
    && await page.locator('tr.failed').count() > 0, 'only failures are listed');
  await shot(page, '06-activity-failures');

  step = 'rotate the secret, revoking the old one at once';
  await page.getByRole('navigation', { name: 'Connection' }).getByRole('link', { name: 'Credentials and setup' }).click();
  await page.getByRole('button', { name: 'Rotate secret' }).click();
  const rotate = page.getByRole('dialog', { name: 'Rotate the secret?' });
  await rotate.getByLabel('The old secret keeps working for').selectOption('PT0S');
  await rotate.getByRole('button', { name: 'Rotate secret' }).click();
  await page.getByText('A new secret was issued').waitFor();
  await until(async () => await page.locator('#scim-secret').inputValue() !== secret, 'the page shows the new secret');
  const rotated = await page.locator('#scim-secret').inputValue();
  check((await scim(baseUrl, secret, 'GET', '/ServiceProviderConfig')).status === 401, 'the old secret is revoked');
  check((await scim(baseUrl, rotated, 'GET', '/ServiceProviderConfig')).status === 200, 'the new secret works');

  step = 'workspace settings: seats, session duration, force re-authentication';
  await page.getByRole('link', { name: 'Workspace settings', exact: true }).click();
  await page.getByRole('heading', { name: 'Workspace settings', level: 1 }).waitFor();
  await page.locator('tr[data-field="costCenter"]').getByText('In use by Okta production').waitFor();
  check(await page.getByRole('button', { name: 'Delete field Cost center' }).isDisabled(), 'a field a mapping uses cannot be deleted');
  await shot(page, '07a-custom-fields');
  await page.getByTestId('seats').getByText('0 in use').waitFor();
  await page.getByLabel('Seat limit').fill('25');
  await page.getByLabel('Session duration (hours)').fill('8');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByTestId('seats').getByText('0 of 25 in use').waitFor();
  const validAfter = await page.getByTestId('sessions-valid-after').innerText();
  await page.getByRole('button', { name: 'Force re-authentication' }).click();
  const reauth = page.getByRole('dialog', { name: 'Force everyone to sign in again?' });
  await reauth.getByRole('button', { name: 'Cancel' }).click();
  await until(async () => !(await reauth.isVisible()), 'cancel closes the confirmation');
  await page.getByRole('button', { name: 'Force re-authentication' }).click();
  await reauth.getByRole('button', { name: 'Sign everyone out' }).click();
  await page.getByTestId('sessions-valid-after').filter({ hasNotText: validAfter }).waitFor();
  await shot(page, '07-workspace-settings');

  step = API_ERROR_STEP;
  await page.getByLabel('Session duration (hours)').fill('99999');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('alert').waitFor();
  check((await page.getByRole('alert').innerText()).length > 10, 'the error is in words');
  await page.getByLabel('Session duration (hours)').fill('8');

  step = 'people: remove a person';
  await page.getByRole('link', { name: 'Users', exact: true }).click();
  await adaRow.getByRole('link', { name: 'ada@example.com' }).click();
  await page.getByRole('button', { name: 'Remove person' }).click();
  await page.getByRole('dialog', { name: /^Remove / }).getByRole('button', { name: 'Remove person' }).click();
  await page.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
  await untilVisible(page, page.getByText('No users yet.'), () => page.getByRole('button', { name: 'Refresh' }).click());

  step = 'delete the connection with confirmation';
  await page.getByRole('link', { name: 'Directory Sync', exact: true }).click();
  await connectionRow.getByRole('link', { name: 'View details of Okta production' }).click();
  await page.getByRole('button', { name: 'Delete connection' }).click();
  await page.getByRole('dialog', { name: 'Delete Okta production?' }).getByRole('button', { name: 'Delete connection' }).click();
  await page.getByRole('heading', { name: 'Directory Sync', level: 1 }).waitFor();
  await connectionRow.getByText('Deleted').waitFor();

  step = 'the audit trail shows what the setup link session did';
  await page.getByRole('link', { name: 'Audit trail' }).click();
  await page.getByRole('heading', { name: 'Audit trail', level: 1 }).waitFor();
  const added = page.locator('tr[data-action="create_connection"]').first();
  await added.waitFor();
  check((await added.textContent()).includes('setup-link'), 'the connection was added by the setup-link session');
  await page.locator('tr[data-action="rotate_connection_secret"]').first().waitFor();
  await shot(page, '08-audit');

  step = 'directory sync: connect Okta through its API, with the steps to find the credentials';
  await page.getByRole('link', { name: 'Directory Sync', exact: true }).click();
  await page.getByRole('button', { name: 'Add connection' }).click();
  const pullWizard = page.getByRole('region', { name: 'Add connection' });
  await pullWizard.getByRole('radio', { name: 'Directory Sync (we read your directory)' }).check();
  await pullWizard.getByLabel('Name', { exact: true }).fill('Okta directory');
  await pullWizard.getByLabel('Directory', { exact: true }).selectOption({ label: 'Okta API' });
  await pullWizard.getByText('Where to find these').click();
  await pullWizard.getByText('okta.users.read, okta.groups.read and okta.logs.read', { exact: false }).waitFor();
  await pullWizard.getByRole('radio', { name: 'an API token' }).check();
  await pullWizard.getByLabel('Okta org URL', { exact: true }).fill(oktaOrgUrl);
  await pullWizard.getByLabel('API token', { exact: true }).fill('okta-stub-token');
  await shot(page, '11a-directory-sync-credentials');
  await pullWizard.getByRole('button', { name: 'Connect' }).click();
  await page.getByRole('heading', { name: 'Okta directory', level: 1 }).waitFor();

  step = 'directory sync: sync now, and the run history shows what it did';
  await page.getByRole('button', { name: 'Sync now' }).click();
  await untilVisible(page, page.locator('tr[data-run="succeeded"]'), () => page.getByRole('button', { name: 'Refresh history' }).click());
  const run = page.locator('tr[data-run="succeeded"]').last();
  check((await run.locator('td').nth(3).innerText()).trim() === '3', 'the first run added the three Okta users');
  await shot(page, '11-directory-sync-runs');

  step = 'directory sync: the pulled people are tagged with their Okta groups';
  await page.getByRole('link', { name: 'Users', exact: true }).click();
  const isaacRow = page.locator('tbody tr', { hasText: 'isaac.brock@example.com' });
  await untilVisible(page, isaacRow.getByText('Group:Engineering'), () => page.getByRole('button', { name: 'Refresh' }).click());

  step = 'directory sync: choose groups from the directory';
  await page.getByRole('link', { name: 'Directory Sync', exact: true }).click();
  await page.locator('tbody tr', { hasText: 'Okta directory' }).getByRole('link', { name: 'View details of Okta directory' }).click();
  await page.getByRole('link', { name: 'Groups', exact: true }).click();
  await page.getByRole('radio', { name: 'Only these groups' }).check();
  await page.getByLabel('Group name starts with').fill('Eng');
  await page.getByRole('button', { name: 'Find groups' }).click();
  await page.getByRole('checkbox', { name: 'Engineering' }).check();
  await page.getByRole('button', { name: 'Save groups' }).click();
  await page.getByRole('link', { name: 'Directory Sync', exact: true }).click();
  await page.locator('tbody tr', { hasText: 'Okta directory' }).getByRole('link', { name: 'View details of Okta directory' }).click();
  await page.getByText('1 chosen').waitFor();
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, '11b-directory-sync-narrow');
  await page.setViewportSize({ width: 1280, height: 900 });

  step = 'keyboard: the sections are reachable by Tab and Enter';
  await page.getByRole('link', { name: 'Skip to content' }).focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  check(await page.evaluate(() => document.activeElement.textContent) === 'Users', 'Tab reaches the Users section');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Users', level: 1 }).waitFor();

  step = 'a narrow screen';
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
  await shot(page, '09-users-narrow');

  step = 'sign out, then sign in with the operator token';
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByLabel('Admin token or JWT').fill(adminToken);
  await shot(page, '10-sign-in');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByLabel('Signed in').getByText('operator token').waitFor();
  await page.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
  check(!page.url().includes(adminToken), 'the admin token must never be in the URL');

  step = 'the browser console has no errors';
  check(consoleErrors.length === 0, `browser console errors:\n  ${consoleErrors.join('\n  ')}`);

  step = 'no page has a serious or critical accessibility violation';
  check(accessibilityViolations.length === 0, `axe-core found:\n  ${accessibilityViolations.join('\n  ')}`);
  await context.close();
} catch (e) {
  failed = e;
} finally {
  await browser.close();
  receiver.close();
  okta.close();
}
if (failed) {
  console.error(`FAILED at step "${step}": ${failed.message}`);
  if (consoleErrors.length) {
    console.error(`browser console errors:\n  ${consoleErrors.join('\n  ')}`);
  }
  process.exit(1);
}
console.log(`console flow passed; screenshots in ${screenshots}`);
