// Reach journey (first part): a social caretaker signs in with the second step, takes a
// "contact me" request from the lonely page, records the person's consent at the first meeting, logs the visit and a follow-up; the
// outreach pages pass axe-core in Danish and Arabic.
// Start everything with: bash tests/browser/run.sh

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import { checkPage, formatReport, goto, launchBrowser, loginAs, newContext, url } from './support.mjs';

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
const CARETAKER = 'vicevaert@demo.naboskab.dk';

/** Signs the caretaker in with the password, then the second step (the demo shows the code). */
async function signInCaretaker(page) {
  await loginAs(page, CARETAKER);
  await goto(page, '/outreach');
  assert.match(new URL(page.url()).pathname, /^\/two-factor/, 'outreach asks for the second step');
  const hint = await page.locator('main .notice').innerText();
  const code = hint.match(/(\d{6})/)[1];
  await page.fill('#field-code', code);
  await click(page, page.locator('main form button[type=submit]'));
  assert.equal(new URL(page.url()).pathname, '/outreach');
}

test('a caretaker turns a contact request into a record under consent and logs the visit', async () => {
  await withPage(async (page) => {
    await signInCaretaker(page);
    const request = page.locator('li.card', { hasText: 'Inger (fiktiv)' });
    await click(page, request.locator('a[href^="/outreach/contacts/new?request="]'));
    assert.equal(await page.inputValue('#field-name'), 'Inger (fiktiv)', 'filled in from the request');
    await page.check('#interest-crafts');
    await page.check('#sensitive-loneliness');
    // Only registration ticked: the sensitive category is refused and named.
    await page.check('#consent-registration');
    await click(page, page.locator('main form button[type=submit]'));
    assert.match(await page.locator('.error-summary').innerText(), /Følsomme oplysninger kræver/);
    assert.ok(await page.isChecked('#sensitive-loneliness'), 'what was ticked is kept');
    await page.check('#consent-sensitive');
    await click(page, page.locator('main form button[type=submit]'));
    await page.waitForURL(/\/outreach\/contacts\/\d+/);
    const main = page.locator('main');
    assert.match(await main.innerText(), /Ensomhed eller isolation/);
    await page.selectOption('#field-kind', 'visit');
    await page.fill('#field-minutes', '30');
    await page.fill('#field-note', 'Vil gerne med i strikkeklubben');
    await click(page, page.locator('form[action$="/log"] button[type=submit]'));
    await page.fill('#field-what', 'Følg hende til strikkeklubben tirsdag');
    await click(page, page.locator('form[action$="/followups"] button[type=submit]'));
    const text = await main.innerText();
    assert.match(text, /Vil gerne med i strikkeklubben/);
    assert.match(text, /Følg hende til strikkeklubben tirsdag/);
  });
});

test('outreach pages pass axe-core in Danish and Arabic', async () => {
  await withPage(async (page) => {
    await signInCaretaker(page);
    const record = await page.locator('table.data a[href^="/outreach/contacts/"]').first().getAttribute('href');
    const results = [];
    for (const lang of ['da', 'ar']) {
      for (const t of ['/outreach', '/outreach/contacts/new', '/outreach/funnel', record, `${record}/edit`, `${record}/export`]) {
        results.push(await checkPage(page, url(`${t}?lang=${lang}`)));
      }
    }
    const bad = results.filter((r) => r.problems.length > 0);
    assert.equal(bad.length, 0, formatReport('outreach pages', results));
  });
});
