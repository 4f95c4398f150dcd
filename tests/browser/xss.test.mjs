// SEC-05 in a real browser: an organiser puts script payloads in every text field of an offer
// (title, description, translations, when, place, contact, what to bring, first time) and
// publishes it; the preview, the offer page in every language, the search results, the
// department page and the feed show the text, and nothing ever runs.
// Start everything with: bash tests/browser/run.sh

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import { goto, launchBrowser, loginAs, newContext, url } from './support.mjs';

const MARK = 'Xssprøve';
// Each payload sets window.__xss or opens a dialog if it ever runs.
const PAYLOADS = [
  '<img src=x onerror="window.__xss=1;alert(1)">',
  '"><script>window.__xss=1</script>',
  '</script><script>window.__xss=1</script>',
  "'><svg onload=window.__xss=1>",
  '<a href="javascript:window.__xss=1">klik</a>',
  '{{7*7}} ${alert(1)}',
];
const payload = (i) => `${MARK} ${PAYLOADS[i % PAYLOADS.length]}`;

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/** Fails when a payload ran or reached the DOM as markup. */
async function assertInert(page, where) {
  const found = await page.evaluate(() => ({
    ran: window.__xss === 1,
    onerror: document.querySelectorAll('[onerror],[onload]').length,
    scripts: [...document.scripts].filter((s) => s.textContent.includes('window.__xss=1') && s.type !== 'application/ld+json').length,
    jsLinks: document.querySelectorAll('a[href^="javascript:" i]').length,
    svg: document.querySelectorAll('main svg[onload]').length,
  }));
  assert.deepEqual(
    found,
    { ran: false, onerror: 0, scripts: 0, jsLinks: 0, svg: 0 },
    `a payload became live markup on ${where}`,
  );
}

test('script payloads in every offer field never run (SEC-05)', async () => {
  const context = await newContext(browser);
  const page = await context.newPage();
  const dialogs = [];
  page.on('dialog', async (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    await d.dismiss();
  });
  try {
    await loginAs(page, 'arrangoer@demo.naboskab.dk');
    await goto(page, '/offers/new');
    const texts = [
      'title', 'description', 'when_text', 'street', 'city', 'contact_name',
      'what_to_bring', 'first_time', 'title_en', 'description_en', 'title_ar', 'description_ar',
    ];
    for (const [i, field] of texts.entries()) {
      await page.fill(`#field-${field}`, field.startsWith('title') ? payload(i).slice(0, 110) : payload(i));
    }
    await page.selectOption('#field-department', { index: 1 });
    await page.check('#weekday-2');
    // Preview first: nothing stored, everything shown.
    await Promise.all([page.waitForLoadState('load'), page.locator('button[name=intent][value=preview]').click()]);
    assert.ok((await page.content()).includes(MARK), 'the preview shows the text');
    await assertInert(page, 'the preview');
    await Promise.all([page.waitForLoadState('load'), page.locator('button[name=intent][value=publish]').click()]);
    await page.waitForURL(/\/offers\/\d+/);
    const offerPath = new URL(page.url()).pathname;
    const department = await page.locator('a[href^="/departments/"]').first().getAttribute('href');
    const pages = [
      offerPath,
      `${offerPath}?lang=en`,
      `${offerPath}?lang=ar`,
      `/offers?q=${encodeURIComponent(MARK)}`,
      `/offers?q=${encodeURIComponent(MARK)}&lang=ar`,
      department,
      '/manage/offers',
    ];
    for (const path of pages) {
      await goto(page, path);
      assert.ok((await page.content()).includes(MARK), `${path} shows the offer`);
      await assertInert(page, path);
    }
    // The feed is XML: the payload must be escaped text there too.
    const feed = await (await page.request.get(url(`${department}/feed.atom`))).text();
    assert.ok(feed.includes(MARK), 'the feed lists the offer');
    assert.ok(!feed.includes('<script>window.__xss'), 'no raw script in the feed');
    assert.deepEqual(dialogs, [], 'no dialog was opened by a payload');
  } finally {
    await context.close();
  }
});
