// Foundation journeys for Naboskab, run in headless Chromium against a live
// server (BASE_URL). Start everything with: bash tests/browser/run.sh

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import {
  BASE_URL,
  CRAWL_LIMIT,
  checkPage,
  crawlAndCheck,
  describePage,
  formatReport,
  goto,
  loginAsResident,
  launchBrowser,
  newContext,
  url,
  waitForHtmlAttrs,
} from './support.mjs';

let browser;

before(async () => {
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

/** Run fn with a fresh context + page, always closing the context. */
async function withPage(fn) {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    return await fn(page, context);
  } finally {
    await context.close();
  }
}

test('resident logs in', { timeout: 120_000 }, async () => {
  await withPage(async (page) => {
    await loginAsResident(page);
    const where = await describePage(page);
    assert.equal(
      await page.locator('nav.main-nav a[href="/account"]').count(),
      1,
      `main nav should link to /account after login (${where})`,
    );
    assert.equal(
      await page.locator('nav.main-nav form[action="/logout"] button[type=submit]').count(),
      1,
      `main nav should have a logout button (form[action="/logout"]) after login (${where})`,
    );
    assert.equal(
      await page.locator('nav.main-nav a[href="/login"]').count(),
      0,
      `main nav should no longer offer /login after login (${where})`,
    );
  });
});

test('switch to Arabic and back to Danish', { timeout: 120_000 }, async () => {
  await withPage(async (page) => {
    await goto(page, '/');

    await page.locator('nav.lang-switcher a[hreflang=ar]').click();
    let attrs = await waitForHtmlAttrs(page, { lang: 'ar', dir: 'rtl' });
    assert.deepEqual(attrs, { lang: 'ar', dir: 'rtl' }, `after choosing Arabic (${page.url()})`);

    // The choice is kept (cookie) on other pages.
    await goto(page, '/municipalities');
    attrs = await waitForHtmlAttrs(page, { lang: 'ar', dir: 'rtl' }, 2_000);
    assert.deepEqual(attrs, { lang: 'ar', dir: 'rtl' }, `Arabic should persist on ${page.url()}`);

    await page.locator('nav.lang-switcher a[hreflang=da]').click();
    attrs = await waitForHtmlAttrs(page, { lang: 'da', dir: 'ltr' });
    assert.deepEqual(attrs, { lang: 'da', dir: 'ltr' }, `after choosing Danish (${page.url()})`);

    await goto(page, '/');
    attrs = await waitForHtmlAttrs(page, { lang: 'da', dir: 'ltr' }, 2_000);
    assert.deepEqual(attrs, { lang: 'da', dir: 'ltr' }, `Danish should persist on ${page.url()}`);
  });
});

test('accessibility (axe WCAG 2.1 A/AA, structure, status)', { timeout: 900_000 }, async (t) => {
  await t.test('anonymous visitor crawl', async (st) => {
    const log = (line) => st.diagnostic(line);
    await withPage(async (page) => {
      const { results, capped } = await crawlAndCheck(page, { startPath: '/', log });
      if (capped) log(`crawl capped at ${CRAWL_LIMIT} URLs`);
      assert.ok(results.length >= 2, `crawl found too few pages from ${BASE_URL}/: ${results.length}`);
      const failing = results.filter((r) => r.problems.length > 0);
      assert.equal(failing.length, 0, formatReport('anonymous visitor', results));
    });
  });

  await t.test('front page in Arabic (?lang=ar)', async () => {
    await withPage(async (page) => {
      const result = await checkPage(page, url('/?lang=ar'));
      const attrs = await waitForHtmlAttrs(page, { lang: 'ar', dir: 'rtl' }, 2_000);
      if (attrs.dir !== 'rtl') result.problems.push(`expected <html dir="rtl">, got ${JSON.stringify(attrs)}`);
      assert.equal(result.problems.length, 0, formatReport('Arabic front page', [result]));
    });
  });

  await t.test('logged-in resident crawl', async (st) => {
    const log = (line) => st.diagnostic(line);
    await withPage(async (page) => {
      await loginAsResident(page);
      const { results, capped } = await crawlAndCheck(page, { startPath: '/', expandMainNav: true, log });
      if (capped) log(`crawl capped at ${CRAWL_LIMIT} URLs`);
      assert.ok(
        results.some((r) => new URL(r.url).pathname === '/account'),
        'resident crawl should include /account',
      );
      // The crawl must not have logged us out along the way.
      await goto(page, '/');
      assert.equal(
        await page.locator('nav.main-nav a[href="/account"]').count(),
        1,
        'still logged in after the crawl',
      );
      const failing = results.filter((r) => r.problems.length > 0);
      assert.equal(failing.length, 0, formatReport('logged-in resident', results));
    });
  });
});
