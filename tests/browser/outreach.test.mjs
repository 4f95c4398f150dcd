// Reach journey: a social caretaker signs in with the second step, takes a "contact me"
// request from the lonely page, records the person's consent at the first meeting, logs the
// visit and a follow-up, picks a suggestion and signs her up with "please welcome me"; the
// organiser checks her in, and the caretaker sees that she came. The outreach pages pass
// axe-core in Danish and Arabic.
// Start everything with: bash tests/browser/run.sh

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import { checkPage, formatReport, goto, launchBrowser, loginAs, newContext, signInWithSecondStep, url } from './support.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await caretakerContext?.close();
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

// The caretaker signs in once (password and second step) and works in that session.
let caretakerContext;
async function asCaretaker(fn) {
  if (!caretakerContext) {
    caretakerContext = await newContext(browser);
    const page = await caretakerContext.newPage();
    await signInWithSecondStep(page, CARETAKER, '/outreach');
    await page.waitForLoadState('load');
    await page.close();
  }
  const page = await caretakerContext.newPage();
  try {
    return await fn(page);
  } finally {
    await page.close();
  }
}

test('a caretaker turns a contact request into a record under consent and logs the visit', async () => {
  await asCaretaker(async (page) => {
    await goto(page, '/outreach');
    const request = page.locator('li.card', { hasText: 'Inger (fiktiv)' });
    await click(page, request.locator('a[href^="/outreach/contacts/new?request="]'));
    assert.equal(await page.inputValue('#field-name'), 'Inger (fiktiv)', 'filled in from the request');
    await page.check('#interest-crafts');
    await page.check('#interest-food');
    await page.selectOption('#field-age_group', 'elderly');
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

    // She picks the seniors' food club from the suggestions; the caretaker signs her up for
    // the next time, marked "first time – please welcome me", with a neighbour going along.
    const club = page.locator('section[aria-labelledby=suggestions-heading] li', { hasText: 'Madklub for seniorer' }).first();
    assert.match(await club.innerText(), /Mad og fællesspisning.*Ældre 65\+/s, 'the suggestion says why');
    await club.locator('input[name=sign_up]').check();
    await club.locator('input[name=buddy]').fill('Naboen Karen');
    await click(page, club.locator('button[type=submit]'));
    const referral = page.locator('section[aria-labelledby=referrals-heading] li', { hasText: 'Madklub for seniorer' }).first();
    assert.match(await referral.innerText(), /tilmeldt/);
    assert.match(await referral.innerText(), /Naboen Karen/);
    const time = await referral.locator('a.referral-time').getAttribute('href');
    recordUrl = page.url().split('?')[0];
    occurrenceUrl = time;
  });
});

let recordUrl;
let occurrenceUrl;

test('the organiser checks her in and the caretaker sees that she came', async () => {
  assert.ok(occurrenceUrl, 'the referral signed her up');
  await withPage(async (page) => {
    await loginAs(page, 'arrangoer@demo.naboskab.dk');
    await goto(page, `${occurrenceUrl}/attendance`);
    const row = page.locator('li.checkin__row', { hasText: 'Inger (fiktiv)' });
    assert.match(await row.innerText(), /første gang|Første gang/i, 'the organiser sees "please welcome"');
    await click(page, row.locator('button.checkin__button'));
    assert.equal(
      await page.locator('li.checkin__row', { hasText: 'Inger (fiktiv)' }).locator('button.checkin__button').getAttribute('aria-pressed'),
      'true',
    );
  });
  await asCaretaker(async (page) => {
    await goto(page, new URL(recordUrl).pathname);
    const referral = page.locator('section[aria-labelledby=referrals-heading] li', { hasText: 'Madklub for seniorer' }).first();
    const text = await referral.innerText();
    assert.match(text, /kom/);
    assert.doesNotMatch(text, /kom ikke/);
  });
});

test('outreach pages pass axe-core in Danish and Arabic', async () => {
  await asCaretaker(async (page) => {
    await goto(page, '/outreach');
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

test('an administrator looks at a record only with a logged reason; a board sees counts with small cells hidden', async () => {
  await asCaretaker(async (page) => {
    await goto(page, '/outreach?lang=da');
    const record = await page.locator('table.data a[href^="/outreach/contacts/"]').first().getAttribute('href');
    recordId = record.split('/').pop();
  });
  await withPage(async (page) => {
    await signInWithSecondStep(page, 'admin@demo.naboskab.dk', '/outreach/inspect');
    const results = [await checkPage(page, url('/outreach/inspect?lang=ar'))];
    await goto(page, '/outreach/inspect?lang=da');
    await page.fill('#field-record', recordId);
    await page.fill('#field-reason', 'kort');
    await click(page, page.locator('main form button[type=submit]'));
    assert.match(await page.locator('.error-summary').innerText(), /mindst 20 tegn/);
    assert.equal(await page.inputValue('#field-record'), recordId, 'what was typed is kept');
    await page.fill('#field-reason', 'Klage fra personen over registreringen, sag 2026-114');
    await click(page, page.locator('main form button[type=submit]'));
    const main = await page.locator('main').innerText();
    assert.match(main, /Opslaget og begrundelsen er logget/);
    assert.match(main, /Klage fra personen over registreringen/);
    const bad = results.filter((r) => r.problems.length > 0);
    assert.equal(bad.length, 0, formatReport('inspection form', results));
  });
  await withPage(async (page) => {
    await loginAs(page, 'bestyrelse@demo.naboskab.dk');
    await goto(page, '/outreach/funnel');
    assert.match(await page.locator('main').innerText(), /under 5/);
    const results = [];
    for (const lang of ['da', 'ar']) {
      results.push(await checkPage(page, url(`/outreach/funnel?lang=${lang}`)));
    }
    const bad = results.filter((r) => r.problems.length > 0);
    assert.equal(bad.length, 0, formatReport('counts for a board', results));
  });
});

let recordId;
