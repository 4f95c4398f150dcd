// Join journeys: a guest without an account signs up for an activity from the calendar, gets
// the confirmation in the outbox, confirms and cancels through the link; the calendar pages,
// an occurrence page and the printed programme pass axe-core.
// Start everything with: bash tests/browser/run.sh

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import { checkPage, formatReport, goto, launchBrowser, newContext, url } from './support.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

async function withPage(fn) {
  const context = await newContext(browser);
  try {
    return await fn(await context.newPage());
  } finally {
    await context.close();
  }
}

const click = (page, locator) => Promise.all([page.waitForLoadState('load'), locator.click()]);

/** A coming occurrence with free places, found through the public API. */
async function occurrenceWithSignup(page) {
  const r = await page.request.get(url('/api/v1/occurrences?limit=500'));
  const open = (await r.json()).items.find((o) => o.signup_required && !o.cancelled && o.places_left > 0);
  assert.ok(open, 'the demo has a coming activity with free places');
  return `/occurrences/${open.id}`;
}

test('a guest signs up without an account, confirms through the link in the outbox and cancels', async () => {
  await withPage(async (page) => {
    const path = await occurrenceWithSignup(page);
    await goto(page, path);
    const email = `gaest-${Date.now()}@example.dk`;
    await page.fill('#field-name', 'Karin Gæst');
    await page.fill('#field-email', email);
    await page.check('#field-first_time');
    await click(page, page.locator('form[action$="/signup"] button[type=submit]').first());
    const said = await page.locator('main').innerText();
    assert.match(said, /Du er tilmeldt|ventelisten/, said);
    assert.match(said, new RegExp(email.replace('.', '\\.')), 'the page says where the link went');

    await goto(page, '/demo/outbox');
    const mail = page.locator('article.outbox-message').filter({ hasText: email }).first();
    assert.equal(await mail.count(), 1, 'the confirmation is in the outbox');
    await click(page, mail.locator('a[href*="/signups/"]').first());
    await page.waitForURL(/\/signups\//);
    await click(page, page.locator('form[action$="/confirm"] button'));
    assert.match(await page.locator('main').innerText(), /bekræftet/);
    await click(page, page.locator('form[action$="/cancel"] button'));
    assert.match(await page.locator('main').innerText(), /Afmeldt/);
  });
});

test('calendar pages pass axe-core in Danish and Arabic', async () => {
  await withPage(async (page) => {
    const path = await occurrenceWithSignup(page);
    const targets = [
      '/calendar',
      '/calendar/month',
      '/calendar?department=102',
      '/calendar?lang=ar',
      '/calendar/month?lang=ar',
      path,
      `${path}?lang=ar`,
      '/departments/102/programme?second=ar',
    ];
    const results = [];
    for (const t of targets) {
      results.push(await checkPage(page, url(t)));
    }
    const failing = results.filter((r) => r.problems.length > 0);
    assert.equal(failing.length, 0, formatReport('Join pages', failing));
  });
});

test('the weekly programme prints on one A4 page', async () => {
  await withPage(async (page) => {
    await goto(page, '/departments/102/programme?second=ar');
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) || []).length;
    assert.equal(pages, 1, `the programme took ${pages} pages`);
    assert.ok((await page.locator('.programme__qr svg').count()) > 0, 'QR codes are printed');
  });
});
