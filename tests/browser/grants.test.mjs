// Role grants journey: the housing organisation's administrator cannot give herself the
// social caretaker's role; giving it to a colleague leaves it waiting for a second person,
// and it grants nothing until the platform administrator (after the second step) confirms
// it. The members page passes axe-core in Danish and Arabic, with a grant waiting.
// Start everything with: bash tests/browser/run.sh

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import { checkPage, formatReport, goto, launchBrowser, loginAs, newContext, signInWithSecondStep, url } from './support.mjs';

const HOUSING_ADMIN = 'boligorganisation@demo.naboskab.dk';
const COLLEAGUE = 'kommune@demo.naboskab.dk';

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

/** The members page of the administrator's housing organisation, reached from her account. */
async function membersPath(page) {
  await goto(page, '/account');
  const org = await page.locator('main a[href^="/organisations/"]', { hasText: 'Taastrup Have' }).first().getAttribute('href');
  return `${org}/members`;
}

async function grant(page, email, role) {
  const form = page.locator('form[action$="/members"]');
  await form.locator('input[name=email]').fill(email);
  await form.locator('select[name=role]').selectOption(role);
  await click(page, form.locator('button[type=submit]'));
}

let members;

test('a grant of the caretaker role waits for a second person', async () => {
  await withPage(async (page) => {
    await loginAs(page, HOUSING_ADMIN);
    members = await membersPath(page);
    await goto(page, members);

    // Herself: refused and named, what she typed kept.
    await grant(page, HOUSING_ADMIN, 'social_caretaker');
    assert.match(await page.locator('.error-summary').innerText(), /Du kan ikke give dig selv en rolle/);
    assert.equal(await page.inputValue('input[name=email]'), HOUSING_ADMIN);

    // A colleague: waiting, and she is offered no confirmation of her own grant.
    await goto(page, members);
    await grant(page, COLLEAGUE, 'social_caretaker');
    assert.match(await page.locator('main').innerText(), /venter nu på, at en anden administrator bekræfter/);
    const row = page.locator('ul.members li', { hasText: COLLEAGUE }).filter({ hasText: 'Social vicevært' });
    assert.match(await row.innerText(), /venter på, at en anden bekræfter/);
    assert.equal(await row.locator('form[action$="/members/confirm"]').count(), 0);

    for (const lang of ['da', 'ar']) {
      const result = await checkPage(page, url(`${members}?lang=${lang}`));
      assert.deepEqual(result.problems, [], formatReport(`members page (${lang})`, [result]));
    }
    await goto(page, `${members}?lang=da`);
  });

  // The colleague holds nothing yet: no outreach for her.
  await withPage(async (page) => {
    await loginAs(page, COLLEAGUE);
    const response = await goto(page, '/outreach');
    assert.equal(response.status(), 403);
  });
});

test('the platform administrator confirms it, and only then it holds', async () => {
  assert.ok(members, 'the first journey found the members page');
  await withPage(async (page) => {
    await signInWithSecondStep(page, 'admin@demo.naboskab.dk', members);
    const row = page.locator('ul.members li', { hasText: COLLEAGUE }).filter({ hasText: 'Social vicevært' });
    await click(page, row.locator('form[action$="/members/confirm"] button'));
    assert.match(await page.locator('main').innerText(), /Rollen er bekræftet og gælder nu/);
    assert.doesNotMatch(await row.innerText(), /venter/);

    // The demo stays as it was: the role is removed again (one more audit row).
    const form = page.locator('form[action$="/members"]');
    await form.locator('input[name=email]').fill(COLLEAGUE);
    await form.locator('select[name=role]').selectOption('social_caretaker');
    await form.locator('input[name=remove]').check();
    await click(page, form.locator('button[type=submit]'));
    assert.equal(await page.locator('ul.members li', { hasText: COLLEAGUE }).filter({ hasText: 'Social vicevært' }).count(), 0);
  });
});
