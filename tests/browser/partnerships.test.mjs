// Partnership journey: the board of Nørreparken starts a partnership with an association on
// the page, links the department's fælleshus once the parties are saved, the association's
// organiser says yes to it, and then the partnership shows on the department's page under
// "Samarbejder"; a visitor sees who works together but not the contact people. The partnership
// pages pass axe-core in Danish and Arabic.
// Start everything with: bash tests/browser/run.sh

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import { accessible, click, goto, launchBrowser, loginAs, withPage as withPageOf } from './support.mjs';

const BOARD = 'bestyrelse@demo.naboskab.dk';
const ORGANISER = 'arrangoer@demo.naboskab.dk';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

const withPage = (fn) => withPageOf(browser, fn);

let partnershipPath;

test('the board starts a partnership, then links the fælleshus to it', async () => {
  await withPage(async (page) => {
    await loginAs(page, BOARD);
    await goto(page, '/partnerships');
    await accessible(page, '/partnerships', 'partnerships');
    await click(page, page.locator('main a', { hasText: 'Start et samarbejde' }));
    await accessible(page, '/partnerships/new', 'new partnership form');

    const form = page.locator('main form');
    await form.locator('[name=purpose]').fill('Fester på tværs af generationer');
    await form.locator('[name=starts_on]').fill('2026-12-01');
    await form.getByLabel('Afd. 3 Nørreparken (Afdeling)').check();
    await click(page, form.locator('button[value=save]'));
    assert.match(await page.locator('main').innerText(), /Vælg mindst to parter/, 'one party is not a partnership');
    assert.equal(await form.locator('[name=purpose]').inputValue(), 'Fester på tværs af generationer', 'nothing typed is lost');

    await form.getByLabel(/Seniorklubben Taastrup/).check();
    await form.locator('[name=contacts]').fill('Birthe Olsen, formand, 11 22 33 44');
    await click(page, form.locator('button[value=save]'));
    assert.match(await page.locator('main').innerText(), /Samarbejdet er gemt/);
    partnershipPath = new URL(page.url()).pathname;
    await accessible(page, partnershipPath, 'partnership page');

    await click(page, page.locator('main a', { hasText: 'Ret samarbejdet' }));
    await accessible(page, `${partnershipPath}/edit`, 'partnership form with links');
    await page.locator('main form').getByLabel('Fælleshuset, Nørreparken').check();
    await click(page, page.locator('main form button[value=save]'));
    const main = await page.locator('main').innerText();
    assert.match(main, /Fælleshuset, Nørreparken/);
    assert.match(main, /Birthe Olsen, formand, 11 22 33 44/, 'the parties see the contact people');
    assert.match(main, /Venter på svar fra \u2068?Seniorklubben Taastrup/, 'the club is asked');
  });
});

test('the association says yes to the partnership', async () => {
  assert.ok(partnershipPath, 'the first journey started a partnership');
  await withPage(async (page) => {
    await loginAs(page, ORGANISER);
    await goto(page, '/partnerships');
    assert.match(await page.locator('main').innerText(), /Samarbejder, der venter på jeres svar/);
    await click(page, page.locator('main a', { hasText: 'Fester på tværs af generationer' }).first());
    await accessible(page, partnershipPath, 'partnership waiting for an answer');
    await click(page, page.locator('main button', { hasText: /Ja, \u2068?Seniorklubben Taastrup\u2069? er med/ }));
    assert.match(await page.locator('main').innerText(), /I er nu med i samarbejdet/);
  });
});

test('a visitor finds it on the department page without the contact people', async () => {
  assert.ok(partnershipPath, 'the first journey started a partnership');
  await withPage(async (page) => {
    await goto(page, '/municipalities/0169');
    await click(page, page.locator('main a', { hasText: 'Afd. 3 Nørreparken' }).first());
    const department = await page.locator('main').innerText();
    assert.match(department, /Samarbejder/);
    await click(page, page.locator('main a', { hasText: 'Fester på tværs af generationer' }));
    assert.equal(new URL(page.url()).pathname, partnershipPath);
    const main = await page.locator('main').innerText();
    assert.match(main, /Seniorklubben Taastrup/);
    assert.doesNotMatch(main, /11 22 33 44/, 'contact people are for the parties only');
  });
});
