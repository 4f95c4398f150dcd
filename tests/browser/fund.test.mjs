// Fund journey: an association's organiser applies to Høje-Taastrup's open § 18 call on the
// page (totals computed by the server), is told the call's two documents are missing, attaches
// them without JavaScript's help (a file that is not a PDF is refused) and submits; the
// municipal officer finds it in the call's list, downloads a document and the application as a
// PDF and grants it, the organiser downloads the decision letter, and the
// organiser sees the grant and reports on it after the year. The grant pages pass axe-core in
// Danish and Arabic. Start everything with: bash tests/browser/run.sh

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import { accessible, click, goto, launchBrowser, loginAs, withPage as withPageOf } from './support.mjs';

const ORGANISER = 'arrangoer@demo.naboskab.dk';
const OFFICER = 'kommune@demo.naboskab.dk';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

const withPage = (fn) => withPageOf(browser, fn);

/** A one-page PDF, as a scanner or a word processor would save it. */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

/** Clicks and waits for the page the click leads to. */
const submitted = (page, locator) => Promise.all([page.waitForNavigation({ waitUntil: 'load' }), locator.click()]);

/** Attaches a file as the required document `requirement` on the application's page. */
async function attach(page, requirement, name, buffer) {
  const form = page.locator('form[enctype="multipart/form-data"]');
  await form.locator('select[name=requirement]').selectOption(requirement);
  await form.locator('input[type=file]').setInputFiles({ name, mimeType: 'application/pdf', buffer });
  await submitted(page, form.locator('button[type=submit]'));
}

let applicationPath;
let callPath;

test('the organiser applies to the open call with the totals computed', async () => {
  await withPage(async (page) => {
    await loginAs(page, ORGANISER);
    await goto(page, '/grants');
    await accessible(page, '/grants', 'grants');
    await click(page, page.locator('main a', { hasText: 'Fællesskab mod ensomhed' }));
    callPath = new URL(page.url()).pathname;
    await accessible(page, callPath, 'call page');
    await click(page, page.locator('main a', { hasText: 'Søg puljen' }));
    await accessible(page, `${callPath}/apply`, 'application form');

    const form = page.locator('main form');
    await form.locator('[name="title"]').fill('Gåhold med kaffe bagefter');
    await form.locator('[name="activities[0].title"]').fill('Gåhold');
    await form.locator('[name="activities[0].expected_participants"]').fill('14');
    await form.locator('[name="budget_lines[0].text"]').fill('Kaffe og boller');
    await form.locator('[name="budget_lines[0].amount_ore"]').fill('3.250,50');
    await form.locator('[name="budget_lines[1].text"]').fill('Regnslag til udlån');
    await form.locator('[name="budget_lines[1].amount_ore"]').fill('2000');
    await form.locator('[name="amount_applied_ore"]').fill('5000');
    await submitted(page, form.locator('button[value=submit]'));

    // The call requires two documents: the draft is kept, and the form says what is missing.
    assert.match(await page.locator('.error-summary').innerText(), /kan ikke indsendes endnu/);
    await submitted(page, page.locator('main a', { hasText: 'Til ansøgningens bilag' }));
    applicationPath = new URL(page.url()).pathname;
    assert.match(applicationPath, /^\/grants\/applications\/\d+$/);
    assert.match(await page.locator('main').innerText(), /5\.250,50 kr\./, 'the budget total, computed by the server');

    // A text file named .pdf is refused by its content; real PDFs are attached.
    await attach(page, '0', 'vedtaegter.pdf', Buffer.from('not a pdf at all'));
    assert.match(await page.locator('.error-summary').innerText(), /Filen kan ikke bruges/);
    await attach(page, '0', 'Vedtægter Gåholdet.pdf', PDF);
    assert.match(await page.locator('main').innerText(), /Bilaget er vedhæftet/);
    await attach(page, '1', 'Regnskab 2026.pdf', PDF);
    const documents = await page.locator('section[aria-labelledby=documents-heading]').innerText();
    assert.match(documents, /Vedtægter Gåholdet\.pdf/);
    assert.doesNotMatch(documents, /mangler/, 'nothing is missing any more');
    await accessible(page, applicationPath, 'application page with documents');

    await submitted(page, page.locator('main a', { hasText: 'Ret ansøgningen' }));
    await submitted(page, page.locator('main form button[value=submit]'));
    assert.match(await page.locator('main').innerText(), /Ansøgningen er indsendt/);
  });
});

test('the municipal officer finds it among the call’s applications and grants it', async () => {
  assert.ok(applicationPath, 'the first journey made an application');
  await withPage(async (page) => {
    await loginAs(page, OFFICER);
    await goto(page, `${callPath}/applications?status=submitted`);
    await accessible(page, `${callPath}/applications?status=submitted`, 'review list');
    await click(page, page.locator('main').getByRole('link', { name: 'Gåhold med kaffe bagefter', exact: true }));
    assert.equal(new URL(page.url()).pathname, applicationPath);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('main a', { hasText: 'Vedtægter Gåholdet.pdf' }).click(),
    ]);
    assert.equal(download.suggestedFilename(), 'Vedtægter Gåholdet.pdf');
    const [committeeCopy] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('main a', { hasText: 'Hent ansøgningen som PDF' }).click(),
    ]);
    assert.match(committeeCopy.suggestedFilename(), /^application-\d+\.pdf$/);
    const grant = page.locator('form[action$="/decide"]').filter({ has: page.locator('input[value=grant]') });
    await grant.locator('[name=amount]').fill('4.500');
    await grant.locator('[name=note]').fill('Bevilget til kaffe og regnslag.');
    await click(page, grant.locator('button[type=submit]'));
    assert.match(await page.locator('main').innerText(), /Afgørelsen er gemt/);
  });
  await withPage(async (page) => {
    await loginAs(page, ORGANISER);
    await goto(page, applicationPath);
    const main = await page.locator('main').innerText();
    assert.match(main, /Bevilget/);
    assert.match(main, /4\.500,00 kr\./);
    assert.equal(await page.locator(`a[href="${applicationPath}/edit"]`).count(), 0, 'decided: no longer to change');
    const [letter] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('main a', { hasText: 'Hent afgørelsesbrevet (PDF)' }).click(),
    ]);
    assert.match(letter.suggestedFilename(), /^decision-\d+\.pdf$/);
    const bytes = await (await import('node:fs/promises')).readFile(await letter.path());
    assert.equal(bytes.subarray(0, 5).toString(), '%PDF-', 'the letter is a PDF');
  });
});

test('after the year the organiser reports, and what was not spent is to be paid back', async () => {
  assert.ok(applicationPath, 'the first journey made an application');
  await withPage(async (page) => {
    await loginAs(page, ORGANISER);
    await goto(page, applicationPath);
    await click(page, page.locator('main a', { hasText: 'Aflæg rapport' }));
    await accessible(page, `${applicationPath}/report`, 'report form');
    const form = page.locator('main form');
    await form.locator('[name="spent[0]"]').fill('2.500');
    await form.locator('[name="spent[1]"]').fill('1.500');
    await form.locator('[name="participants"]').fill('16');
    await form.locator('[name="narrative"]').fill('Vi gik hver onsdag og drak kaffe bagefter.');
    await click(page, form.locator('button[type=submit]'));
    const main = await page.locator('main').innerText();
    assert.match(main, /Rapporten er sendt/);
    assert.match(main, /Afrapporteret/);
    assert.match(main, /Skal betales tilbage\s+500,00 kr\./, 'granted 4.500, spent 4.000');
    await accessible(page, applicationPath, 'reported application');
  });
});
