// Survey journey: the municipality's officer opens the open round in Vestervang and Fløng, whose
// figures are withheld while only four have answered, and makes a one-time code for a letter;
// a resident scans the letter's QR address, answers in the questionnaire without signing in,
// and cannot use the code twice; the officer's report then shows the share with severe
// loneliness with its interval beside the national lines; the officer also opens the
// municipality's impact in numbers. The list of rounds, the report, the
// questionnaire, the thank-you page and the dashboard pass axe-core in Danish and Arabic.
// Start everything with: bash tests/browser/run.sh

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import { accessible, click, goto, launchBrowser, loginAs, withPage as withPageOf } from './support.mjs';

const OFFICER = 'kommune@demo.naboskab.dk';
const ROUND = 'Ensomhed i Vestervang og Fløng';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

const withPage = (fn) => withPageOf(browser, fn);

let reportPath;
let letterAddress;

test('the officer finds the open round withheld and makes a code for a letter', async () => {
  await withPage(async (page) => {
    await loginAs(page, OFFICER);
    await goto(page, '/');
    await click(page, page.locator('nav.main-nav a', { hasText: 'Trivselsundersøgelser' }));
    await accessible(page, '/surveys', 'survey rounds');
    await click(page, page.locator('main a', { hasText: ROUND }));
    reportPath = new URL(page.url()).pathname;
    await accessible(page, reportPath, 'survey report under the floor');
    const main = await page.locator('main').innerText();
    assert.match(main, /\u2068?4\u2069? har svaret\. Tallene vises, når mindst 5 har svaret\./);
    assert.doesNotMatch(main, /tegn på svær ensomhed\./, 'no share while fewer than five answered');

    const form = page.locator(`form[action="${reportPath}/codes"]`);
    await form.getByLabel('Afdeling').selectOption({ label: 'Afd. 2 Vestervang' });
    await form.getByLabel('Antal koder').fill('1');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      form.locator('button[type=submit]').click(),
    ]);
    const file = await download.path();
    const { readFileSync } = await import('node:fs');
    const line = readFileSync(file, 'utf8').trim();
    const [code, address] = line.split('\t');
    assert.match(code, /^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    assert.ok(address.endsWith(`/survey?code=${code}`), address);
    letterAddress = `/survey?code=${code}`;
  });
});

test('a resident answers from the letter without signing in, once', async () => {
  assert.ok(letterAddress, 'the first journey made a code');
  await withPage(async (page) => {
    await accessible(page, letterAddress, 'questionnaire');
    const main = page.locator('main');
    assert.equal(await main.getByLabel('Koden fra brevet').inputValue(), letterAddress.split('=')[1]);
    // Sending with one question unanswered names it and keeps what was chosen.
    await main.getByRole('group', { name: 'Hvor ofte føler du, at du savner nogen at være sammen med?' }).getByLabel('Ofte').check();
    await main.getByRole('group', { name: 'Hvor ofte føler du dig holdt udenfor?' }).getByLabel('Ofte').check();
    await main.getByLabel('Alder').selectOption('75+');
    await page.evaluate(() => document.querySelectorAll('main input[required]').forEach((i) => i.removeAttribute('required')));
    await click(page, main.locator('button', { hasText: 'Send svar' }));
    assert.match(await main.innerText(), /Vælg et svar på spørgsmålet/);
    assert.equal(await main.getByRole('group', { name: 'Hvor ofte føler du dig holdt udenfor?' }).getByLabel('Ofte').isChecked(), true);
    assert.equal(await main.getByLabel('Alder').inputValue(), '75+');

    await main.getByRole('group', { name: 'Hvor ofte føler du dig isoleret fra andre?' }).getByLabel('En gang imellem').check();
    await click(page, main.locator('button', { hasText: 'Send svar' }));
    assert.match(await main.innerText(), /Tak for dine svar/);
    await accessible(page, '/survey', 'questionnaire without a code');

    await goto(page, letterAddress);
    assert.match(await main.innerText(), /Koden findes ikke eller er allerede brugt/);
    assert.equal(await main.locator('fieldset').count(), 0, 'a used code opens no questions');
  });
});

test('the report shows the share once five have answered', async () => {
  assert.ok(reportPath, 'the first journey found the report');
  await withPage(async (page) => {
    await loginAs(page, OFFICER);
    await goto(page, reportPath);
    const main = await page.locator('main').innerText();
    assert.match(main, /\u2068?5\u2069? har svaret\. .+ har tegn på svær ensomhed\./);
    assert.match(main, /Hele landet 12,4 %/);
    assert.match(main, /95 %-interval/);
    // The chart has its numbers in the table beside it.
    assert.equal(await page.locator('main figure svg[role=img]').count(), 1);
    const row = page.locator('main table tbody tr').first();
    assert.match(await row.innerText(), /Hele runden\s+5\s+\d+,\d %/);
    // Neither department is shown alone: Fløng has one answer, so Vestervang is hidden with it.
    assert.equal(await page.locator('main table tbody tr', { hasText: 'Fløng' }).count(), 0);
    await accessible(page, reportPath, 'survey report');
  });
});

test('the officer opens the municipality\'s impact in numbers', async () => {
  await withPage(async (page) => {
    await loginAs(page, OFFICER);
    await goto(page, '/');
    await click(page, page.locator('nav.main-nav a', { hasText: 'Effekt i tal' }));
    await accessible(page, '/impact', 'impact places');
    await click(page, page.locator('main a', { hasText: 'Høje-Taastrup' }).first());
    const path = new URL(page.url()).pathname;
    await accessible(page, path, 'impact dashboard');
    const main = await page.locator('main').innerText();
    assert.match(main, /Aktiviteter pr\. målgruppe og ugedag/);
    assert.match(main, /Grupper uden tilbud nogle dage/);
    assert.match(main, /Kom igen efter 4 uger eller mere\s+\d+ \/ \d+/);
    // The charts are images with a text alternative and their numbers in a table.
    assert.equal(await page.locator('main figure svg[role=img]').count(), 2);
    assert.ok(await page.locator('main table').count() >= 3);
  });
});
