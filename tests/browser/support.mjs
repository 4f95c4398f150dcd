// Shared helpers for the Naboskab browser tests.
//
// Uses playwright-core (no bundled browser) driving Debian's Chromium, and
// axe-core for accessibility checks. Not a test file itself: the runner only
// picks up *.test.mjs.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);

export const BASE_URL = (process.env.BASE_URL || 'http://127.0.0.1:8080').replace(/\/+$/, '');
export const BASE_ORIGIN = new URL(BASE_URL).origin;
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export const DEMO_RESIDENT_EMAIL = 'beboer@demo.naboskab.dk';
export const DEMO_PASSWORD = process.env.NABOSKAB_DEMO_PASSWORD || 'naboskab-demo-2026';

/** Max unique URLs checked per crawl (anonymous, resident). */
export const CRAWL_LIMIT = Number.parseInt(process.env.CRAWL_LIMIT || '40', 10);

/** WCAG tags axe runs, and the impacts that fail the build. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
export const FAILING_IMPACTS = new Set(['serious', 'critical']);

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Absolute URL for an app path. */
export function url(path = '/') {
  return new URL(path, BASE_URL + '/').href;
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * A fresh, isolated browser context (own cookies). The app's CSP stays
 * enforced, so pages render exactly as for a real visitor (an inline script
 * or style the CSP blocks stays blocked here too); axe-core is injected with
 * page.evaluate, which goes through the DevTools protocol and is not subject
 * to the page's CSP. BYPASS_CSP=1 turns CSP off for debugging.
 */
export async function newContext(browser) {
  const context = await browser.newContext({
    bypassCSP: process.env.BYPASS_CSP === '1',
    locale: 'da-DK',
    viewport: { width: 1280, height: 900 },
  });
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(30_000);
  return context;
}

/** Navigate and return the main-resource response (throws on network errors). */
export async function goto(page, pathOrUrl) {
  const response = await page.goto(url(pathOrUrl), { waitUntil: 'load' });
  return response;
}

/** Read <html lang> and <html dir>, tolerating a navigation in flight. */
export async function htmlAttrs(page) {
  for (let i = 0; i < 20; i++) {
    try {
      return await page.evaluate(() => ({
        lang: document.documentElement.lang,
        dir: document.documentElement.dir,
      }));
    } catch (err) {
      if (!/context was destroyed|navigat/i.test(String(err))) throw err;
      await page.waitForLoadState('load').catch(() => {});
    }
  }
  throw new Error('page kept navigating; could not read <html> attributes');
}

/**
 * Wait (up to timeoutMs) until <html> has the expected lang/dir; return the
 * attributes last seen so the caller can assert on them with a clear diff.
 */
export async function waitForHtmlAttrs(page, expected, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  let seen;
  for (;;) {
    seen = await htmlAttrs(page);
    const ok = Object.entries(expected).every(([k, v]) => seen[k] === v);
    if (ok || Date.now() > deadline) return seen;
    await page.waitForTimeout(100);
  }
}

/** Short description of where the page is, for assertion messages. */
export async function describePage(page) {
  let text = '';
  try {
    text = await page.evaluate(() => {
      const main = document.querySelector('main') || document.body;
      return (main ? main.innerText : '').replace(/\s+/g, ' ').trim().slice(0, 300);
    });
  } catch {
    /* ignore */
  }
  return `url=${page.url()} main text: "${text}"`;
}

/** Log in through the real form as the demo resident. */
export async function loginAsResident(page) {
  await loginAs(page, DEMO_RESIDENT_EMAIL);
}

/** Log in through the real form as one of the demo accounts. The journeys sign in more often
 * than a person would; when the per-address limit answers 429, wait as it asks and try again
 * (as a person would). */
export async function loginAs(page, email) {
  for (let attempt = 0; ; attempt++) {
    await goto(page, '/login');
    const form = page.locator('form[action="/login"]');
    await form.locator('input[name=email]').fill(email);
    await form.locator('input[name=password]').fill(DEMO_PASSWORD);
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/login') && r.request().method() === 'POST'),
      form.locator('button[type=submit]').click(),
    ]);
    if (response.status() !== 429 || attempt >= 6) {
      break;
    }
    const wait = Number(response.headers()['retry-after'] ?? '10');
    await new Promise((resolve) => setTimeout(resolve, Math.min(Math.max(wait, 1), 60) * 1000));
  }
  try {
    await page.locator('nav.main-nav a[href="/account"]').waitFor({ state: 'attached' });
  } catch (err) {
    throw new Error(
      `login as ${email} did not reach a page with /account in the main nav ` +
        `(${await describePage(page)}): ${err.message}`,
    );
  }
}

/** Signs `email` in with the password, then the second step on the way to `path` (the demo
 * shows the code). */
export async function signInWithSecondStep(page, email, path) {
  await loginAs(page, email);
  await goto(page, path);
  assert.match(new URL(page.url()).pathname, /^\/two-factor/, `${path} asks for the second step`);
  for (let attempt = 0; attempt < 2; attempt++) {
    const hint = await page.locator('main .notice').innerText();
    const code = hint.match(/(\d{6})/)[1];
    await page.fill('#field-code', code);
    // Wait for the page the form leads to (through its redirect) to load completely: a page
    // closed while it still loads can leave the browser waiting for ever.
    await Promise.all([
      page.waitForNavigation({ waitUntil: 'load' }),
      page.locator('main form button[type=submit]').click(),
    ]);
    if (new URL(page.url()).pathname === path) {
      return;
    }
    // A code works once: after two sign-ins within the same half minute, wait for a new one.
    await new Promise((resolve) => setTimeout(resolve, 31_000));
    await goto(page, `/two-factor?next=${encodeURIComponent(path)}`);
  }
  assert.equal(new URL(page.url()).pathname, path);
}

/** Inject axe-core (once per document) and run it with the WCAG 2.1 A/AA tags. */
export async function runAxe(page) {
  const hasAxe = () => page.evaluate(() => typeof window.axe === 'object' && window.axe !== null);
  if (!(await hasAxe())) {
    // Evaluated as a classic script through the DevTools protocol: works under
    // the app's CSP (script-src 'self'), where an inline <script> would not.
    await page.evaluate(`${AXE_SOURCE}\n;undefined`);
    if (!(await hasAxe())) throw new Error(`could not inject axe-core into ${page.url()}`);
  }
  return page.evaluate(async (tags) => {
    const results = await window.axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    });
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      targets: v.nodes.map((n) => n.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : t)).join(' | ')),
    }));
  }, AXE_TAGS);
}

/** Only the violations that fail the build. */
export function seriousViolations(violations) {
  return violations.filter((v) => FAILING_IMPACTS.has(v.impact));
}

export function formatViolation(v) {
  const targets = v.targets.map((t) => `\n        target: ${t}`).join('');
  return `axe [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})${targets}`;
}

/** Structural checks every HTML page must pass. Returns a list of problems. */
export async function structuralProblems(page) {
  const facts = await page.evaluate(() => ({
    h1Count: document.querySelectorAll('h1').length,
    lang: document.documentElement.getAttribute('lang'),
    skipLink: !!document.querySelector('a.skip-link[href="#main"]'),
    mainTarget: !!document.getElementById('main'),
  }));
  const problems = [];
  if (facts.h1Count !== 1) problems.push(`expected exactly one <h1>, found ${facts.h1Count}`);
  if (!facts.lang || !facts.lang.trim()) problems.push('<html lang> is missing or empty');
  if (!facts.skipLink) problems.push('missing skip link a.skip-link[href="#main"]');
  else if (!facts.mainTarget) problems.push('skip link target #main does not exist');
  return problems;
}

const IGNORED_PATH = /^\/(api|static)(\/|$)|^\/(metrics|healthz|readyz|logout)(\/|$)/;

/**
 * Same-origin page links in the current document, normalised (no hash),
 * filtered, in document order. Returns { all, chrome } where chrome holds the
 * links in nav.main-nav and the footer, and nav only those in nav.main-nav.
 */
export async function collectLinks(page) {
  const raw = await page.evaluate(() =>
    Array.from(document.querySelectorAll('a[href]')).map((a) => ({
      href: a.href,
      download: a.hasAttribute('download'),
      switcher: !!a.closest('nav.lang-switcher'),
      nav: !!a.closest('nav.main-nav'),
      chrome: !!a.closest('nav.main-nav, footer'),
    })),
  );
  const all = [];
  const chrome = [];
  const nav = [];
  for (const link of raw) {
    // Language-switch links are covered explicitly (front page in Arabic).
    if (link.switcher) continue;
    const normalised = normaliseLink(link.href, link.download);
    if (!normalised) continue;
    if (link.nav && !nav.includes(normalised)) nav.push(normalised);
    if (link.chrome && !chrome.includes(normalised)) chrome.push(normalised);
    if (!all.includes(normalised)) all.push(normalised);
  }
  return { all, chrome, nav };
}

export function normaliseLink(href, isDownload = false) {
  let u;
  try {
    u = new URL(href, BASE_URL + '/');
  } catch {
    return null;
  }
  if (isDownload) return null;
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  if (u.origin !== BASE_ORIGIN) return null;
  if (IGNORED_PATH.test(u.pathname)) return null;
  // Language-switch links are covered explicitly (front page in Arabic).
  if (u.searchParams.has('lang')) return null;
  u.hash = '';
  return u.href;
}

/**
 * Check one page: status, structure, axe. Returns { url, finalUrl, problems,
 * skipped } where skipped is a reason string for non-HTML responses.
 */
export async function checkPage(page, target) {
  const result = { url: target, finalUrl: target, problems: [], skipped: null };
  let response;
  try {
    response = await page.goto(target, { waitUntil: 'load' });
  } catch (err) {
    if (/Download is starting/i.test(String(err))) {
      result.skipped = 'download';
      return result;
    }
    result.problems.push(`navigation failed: ${err.message.split('\n')[0]}`);
    return result;
  }
  result.finalUrl = page.url();
  if (!response) {
    result.problems.push('no response for navigation');
    return result;
  }
  const status = response.status();
  if (status >= 400) {
    result.problems.push(`HTTP status ${status}`);
    return result;
  }
  const contentType = (await response.headerValue('content-type')) || '';
  if (!/text\/html|application\/xhtml/i.test(contentType)) {
    result.skipped = `not HTML (${contentType || 'no content-type'})`;
    return result;
  }
  result.problems.push(...(await structuralProblems(page)));
  const serious = seriousViolations(await runAxe(page));
  for (const v of serious) result.problems.push(formatViolation(v));
  return result;
}

/**
 * Crawl from startPath: the start page, every page it links to (one level),
 * plus the nav.main-nav and footer links of every visited page. With
 * expandMainNav, the pages in the start page's nav.main-nav get the same
 * one-level crawl (every link on them is followed once). Checks each unique
 * URL once (at most `limit`).
 */
export async function crawlAndCheck(
  page,
  { startPath = '/', limit = CRAWL_LIMIT, expandMainNav = false, log = () => {} } = {},
) {
  const start = url(startPath);
  const expand = new Set([start]);
  const queue = [start];
  const queued = new Set(queue);
  const visited = new Set();
  const results = [];
  let capped = false;
  const enqueue = (links) => {
    for (const l of links) {
      if (queued.has(l)) continue;
      queued.add(l);
      queue.push(l);
    }
  };

  while (queue.length > 0) {
    const target = queue.shift();
    if (visited.has(target)) continue;
    if (visited.size >= limit) {
      capped = true;
      break;
    }
    visited.add(target);
    const result = await checkPage(page, target);
    results.push(result);
    log(
      `${result.problems.length ? 'FAIL' : result.skipped ? 'skip' : ' ok '} ${target}` +
        (result.finalUrl !== target ? ` -> ${result.finalUrl}` : '') +
        (result.skipped ? ` (${result.skipped})` : ''),
    );
    if (result.skipped || result.problems.some((p) => p.startsWith('navigation failed'))) continue;
    // A redirect to an already-visited page needs no second look.
    const finalNormalised = normaliseLink(result.finalUrl);
    if (finalNormalised) {
      visited.add(finalNormalised);
      queued.add(finalNormalised);
    }
    const links = await collectLinks(page);
    // Nav/footer links first so they are never the ones cut off by the cap.
    if (target === start && expandMainNav) for (const l of links.nav) expand.add(l);
    if (expand.has(target)) enqueue([...links.chrome, ...links.all]);
    else enqueue(links.chrome);
  }
  return { results, capped, visited: [...visited] };
}

/** Human-readable failure report for a list of checkPage results. */
export function formatReport(label, results) {
  const failing = results.filter((r) => r.problems.length > 0);
  const lines = [`${label}: ${failing.length} of ${results.length} page(s) failed`];
  for (const r of failing) {
    lines.push(`  ${r.url}${r.finalUrl !== r.url ? ` (-> ${r.finalUrl})` : ''}`);
    for (const p of r.problems) lines.push(`    - ${p}`);
  }
  return lines.join('\n');
}

/** Runs `fn` with a page of a fresh browser context (its own cookies), closed afterwards. */
export async function withPage(browser, fn) {
  const context = await newContext(browser);
  try {
    return await fn(await context.newPage());
  } finally {
    await context.close();
  }
}

/** Clicks and waits for the page that follows to load. */
export function click(page, locator) {
  return Promise.all([page.waitForLoadState('load'), locator.click()]);
}

/** Asserts that `path` passes the structural checks and axe-core in Danish and in Arabic
 * (right to left), then leaves `page` on `path` in Danish. */
export async function accessible(page, path, label) {
  const sep = path.includes('?') ? '&' : '?';
  for (const lang of ['da', 'ar']) {
    const result = await checkPage(page, url(`${path}${sep}lang=${lang}`));
    assert.deepEqual(result.problems, [], formatReport(`${label} (${lang})`, [result]));
  }
  await goto(page, `${path}${sep}lang=da`);
}
