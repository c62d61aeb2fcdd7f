import path from 'node:path';
import {
  type Browser,
  type BrowserContext,
  chromium,
  type Locator,
  type Page,
  type Response,
} from 'playwright-core';
import { CHROMIUM, DEMO_PASSWORD, SHOTS_DIR } from './paths';

/** Wait until the locator shows (playwright-core has no `expect`; this is its `toBeVisible`). */
export async function visible(locator: Locator, timeout = 20_000): Promise<Locator> {
  await locator.first().waitFor({ state: 'visible', timeout });
  return locator;
}

/**
 * The longest a journey lets the server work on one request (argon2 at login, a class closing
 * with its certificates, an import's check) on a loaded machine. A bound, not a wait: `answered`
 * returns as soon as the answer is there.
 */
const SERVER_WORK_MS = 150_000;
/** How long a click may take to send its request on a loaded machine (rendering, validation). */
const REQUEST_SENT_MS = 20_000;
const CLICK_TRIES = 3;

/** Whether `url` is the API's `path` (after /api, or a pattern of it). */
function isApiPath(url: string, path: string | RegExp): boolean {
  const p = new URL(url).pathname;
  return typeof path === 'string' ? p === `/api${path}` : p.startsWith('/api/') && path.test(p.slice(4));
}

/**
 * The next answer of the API to `method path` (`path` after /api, or a pattern of it), however
 * long the server works: start waiting before the step that sends the request, await it after.
 */
export function nextAnswer(page: Page, method: string, path: string | RegExp): Promise<Response> {
  return page.waitForResponse((r) => r.request().method() === method && isApiPath(r.url(), path), {
    timeout: SERVER_WORK_MS,
  });
}

/**
 * Do `action` (a click that sends a request) and wait for the API's answer to `method path`: the
 * state the journey needs next is then on its way, however slow the machine. A non-2xx answer
 * fails here, with its body, unless `status` names it.
 */
export async function answered(
  page: Page,
  method: string,
  path: string | RegExp,
  action: () => Promise<unknown>,
  status?: number,
): Promise<Response> {
  const answer = nextAnswer(page, method, path);
  answer.catch(() => {}); // awaited below unless the request never left
  // The request leaves the browser at once or never. On a loaded machine a click can land while
  // the page is still re-rendering and be lost (seen on a modal's OK and a drawer's save): if no
  // request left and the page shows no field error, the click is repeated (nothing was sent, so
  // nothing is done twice), at most CLICK_TRIES times; then the failure names what the page shows.
  for (let attempt = 1; ; attempt++) {
    const sent = page
      .waitForRequest((r) => r.method() === method && isApiPath(r.url(), path), { timeout: REQUEST_SENT_MS })
      .then(
        () => true,
        () => false,
      );
    await action();
    if (await sent) break;
    const errors = await page.locator('.ant-form-item-explain-error').allTextContents();
    if (errors.length || attempt >= CLICK_TRIES) {
      await screenshot(page, `not-sent-${method}-${String(path).replace(/\W+/g, '_')}`).catch(() => {});
      throw new Error(
        `${method} ${path} was not sent after ${attempt} tries of ${REQUEST_SENT_MS / 1000} s; field errors on the page: ${JSON.stringify(errors)}`,
      );
    }
    console.warn(
      `e2e: ${method} ${path} not sent ${REQUEST_SENT_MS / 1000} s after the click; clicking again`,
    );
  }
  const res = await answer;
  const expected = status ?? (res.status() >= 200 && res.status() < 300 ? res.status() : 200);
  if (res.status() !== expected)
    throw new Error(`${method} ${res.url()}: ${res.status()} (expected ${expected}) ${await res.text()}`);
  return res;
}

/** Debian's Chromium, headless, with a fresh profile (plain launch uses a new temporary user-data-dir). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A fresh browser context (own cookies and localStorage) pointed at the server. */
export async function newSession(
  browser: Browser,
  baseURL: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL,
    locale: 'vi-VN',
    viewport: { width: 1440, height: 900 },
  });
  context.setDefaultTimeout(20_000);
  const page = await context.newPage();
  return { context, page };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SHOTS_DIR, `${name}.png`), fullPage: true });
}

/** Log in through the login page, as a user would. */
export async function login(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  // Hashing the password (argon2) is the slow part on a loaded machine: wait for its answer.
  await answered(page, 'POST', '/auth/login', () => page.getByRole('button', { name: 'Đăng nhập' }).click());
  await visible(page.getByRole('button', { name: /^Tài khoản:/ }));
}

export async function logout(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^Tài khoản:/ }).click();
  // The login page shows once the server has answered the log-out: wait for that answer first
  // (slow on a loaded machine), then for the page.
  await answered(page, 'POST', '/auth/logout', () =>
    page.locator('.ant-dropdown').getByRole('menuitem', { name: 'Đăng xuất' }).click(),
  );
  await visible(page.getByRole('heading', { name: 'Đăng nhập' }), 60_000);
}

/** Pick an option of an antd Select/TreeSelect by typing (accents optional) and pressing Enter. */
export async function choose(page: Page, label: string | RegExp, text: string): Promise<void> {
  // The field's input: a sortable column header of the same name is labelled too.
  const box = page.getByLabel(label, { exact: typeof label === 'string' }).and(page.locator('input'));
  await box.click();
  await box.fill(text);
  await page.keyboard.press('Enter');
}
