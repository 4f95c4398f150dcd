// Volunteer journey: a resident offers to help on an activity that asks for a co-host, the
// seniors' club's organiser confirms her on the activity's roster and records her hours, and
// the department's board sees which activities still stand on one person; the organiser opens
// the club's year of volunteer hours. The offer page, the roster, the year of hours and the
// department page pass axe-core in Danish and Arabic.
// Start everything with: bash tests/browser/run.sh

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import { accessible, click, goto, launchBrowser, loginAs, withPage as withPageOf } from './support.mjs';

const RESIDENT = 'beboer@demo.naboskab.dk';
const ORGANISER = 'arrangoer@demo.naboskab.dk';
const BOARD = 'bestyrelse@demo.naboskab.dk';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

const withPage = (fn) => withPageOf(browser, fn);

let offerPath;

test('a resident offers to help as co-host', async () => {
  await withPage(async (page) => {
    await loginAs(page, RESIDENT);
    await goto(page, '/offers?q=banko');
    await click(page, page.locator('main a', { hasText: 'Banko og kage' }).first());
    offerPath = new URL(page.url()).pathname;
    await accessible(page, offerPath, 'offer page with volunteers wanted');
    const form = page.locator(`form[action="${offerPath}/volunteer"]`);
    await form.getByLabel('Medvært').check();
    await click(page, form.locator('button[type=submit]'));
    const main = await page.locator('main').innerText();
    assert.match(main, /Arrangørerne har fået besked/);
    assert.match(main, /Du har tilbudt at hjælpe som \u2068?Medvært/);
    assert.equal(await page.locator(`form[action="${offerPath}/volunteer"]`).count(), 0, 'nothing left to offer her');
  });
});

test('the organiser confirms her and records her hours', async () => {
  assert.ok(offerPath, 'the first journey found the activity');
  await withPage(async (page) => {
    await loginAs(page, ORGANISER);
    await goto(page, offerPath);
    await click(page, page.locator('main a', { hasText: 'Frivillige' }).last());
    assert.equal(new URL(page.url()).pathname, `${offerPath}/volunteers`);
    await accessible(page, `${offerPath}/volunteers`, 'volunteer roster');
    const row = page.locator('tr', { hasText: 'Fatima Hassan' });
    await click(page, row.locator('button', { hasText: 'Bekræft' }));
    assert.match(await page.locator('main').innerText(), /Den frivillige er bekræftet/);
    const confirmed = page.locator('tr', { hasText: 'Fatima Hassan' });
    await confirmed.locator('[name=hours]').fill('2,5');
    await click(page, confirmed.locator('button', { hasText: 'Registrér timer' }));
    assert.match(await page.locator('main').innerText(), /Timerne er registreret/);
    assert.match(await page.locator('tr', { hasText: 'Fatima Hassan' }).innerText(), /2,5/);

    // The association's whole year, from the roster.
    await click(page, page.locator('main a', { hasText: 'Alle foreningens frivillige timer i år' }));
    const yearPath = new URL(page.url()).pathname;
    assert.match(yearPath, /^\/organisations\/\d+\/volunteers$/);
    await accessible(page, yearPath, "the association's year of volunteer hours");
    assert.match(await page.locator('main').innerText(), /timer i alt fra [\u2068]*\d+\u2069? frivillige/);
    assert.match(await page.locator('tr', { hasText: 'Fatima Hassan' }).innerText(), /Banko og kage/);
  });
});

test('the board sees the activities that stand on one person', async () => {
  await withPage(async (page) => {
    await loginAs(page, BOARD);
    await goto(page, '/municipalities/0169');
    await click(page, page.locator('main a', { hasText: 'Afd. 3 Nørreparken' }).first());
    const path = new URL(page.url()).pathname;
    await accessible(page, path, 'department page with volunteer alerts');
    const section = await page.locator('section[aria-labelledby=volunteering-heading]').innerText();
    assert.match(section, /Strikkeklub/);
    assert.match(section, /Jens Mikkelsen/);
  });
});
