// A newcomer's first session, in a real browser on the real binary: the empty workspace,
// the sample, a room's coverage, an interaction logged with the keyboard only, a win
// recorded and shared, and the weekly review. Each step builds on the one before.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startBrowser, startServer, watch } from './support.mjs';

describe("a newcomer's first session", () => {
  let server;
  let browser;
  let page;
  let problems;

  before(async () => {
    server = await startServer();
    browser = await startBrowser();
    page = await browser.context.newPage();
    problems = watch(page);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('the empty workspace teaches what to do first', async () => {
    await page.goto(`${server.url}/`);
    await page.getByRole('heading', { level: 1, name: 'Welcome to fanclub' }).waitFor();
    assert.equal(await page.title(), 'Welcome · fanclub');
    await page.getByRole('heading', { name: 'How to start' }).waitFor();
    assert.ok(await page.getByRole('button', { name: 'Load the sample workspace' }).isVisible());
  });

  test('one click loads the sample workspace and shows its week', async () => {
    await page.getByRole('button', { name: 'Load the sample workspace' }).click();
    await page.waitForURL(`${server.url}/`);
    await page.getByRole('heading', { level: 1, name: /^This week/ }).waitFor();
    // The agenda has content from the sample, each item with its reason.
    await page.getByRole('heading', { name: 'Relationships to tend' }).waitFor();
    await page.getByRole('heading', { name: 'Rooms at risk' }).waitFor();
    const reasons = await page.locator('main .why').count();
    assert.ok(reasons > 0, 'the agenda explains why each item is on it');
    assert.equal(
      await page.getByRole('button', { name: 'Load the sample workspace' }).count(),
      0,
      'the welcome offer is gone once the workspace has data',
    );
  });

  test('a room shows its coverage and who sits in it', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Rooms' }).click();
    await page.waitForURL(`${server.url}/rooms`);
    const room = page.getByRole('region', { name: /Promotion committee/ });
    await room.waitFor();
    const coverage = room.getByRole('meter', { name: 'Coverage' });
    const value = Number(await coverage.getAttribute('value'));
    assert.ok(value > 0 && value <= 1, `coverage is a share between 0 and 1, got ${value}`);
    assert.match(await room.locator('.coverage').innerText(), /\d+%\s+covered/);
    const members = room.getByRole('table', { name: /Members of/ }).locator('tbody tr');
    assert.ok((await members.count()) >= 3, 'the room lists its members');
  });

  test('an interaction is logged with the keyboard alone', async () => {
    await page.goto(`${server.url}/people`);
    await page.locator('body').click({ position: { x: 1, y: 1 } });
    // `l` opens the quick form with the cursor in its first field.
    await page.keyboard.press('l');
    const withField = page.getByLabel('With', { exact: true });
    await withField.waitFor({ state: 'visible' });
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'log-with');
    await page.keyboard.type('helena-voss');
    // Tab on to "What happened" (the date field takes a Tab per part of the date).
    for (let i = 0; i < 12; i += 1) {
      if ((await page.evaluate(() => document.activeElement?.id)) === 'log-summary') break;
      await page.keyboard.press('Tab');
    }
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'log-summary');
    await page.keyboard.type('Coffee about the platform move');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/people\/helena-voss\?logged=\d+$/);
    await page
      .getByRole('status')
      .filter({ hasText: 'Logged “Coffee about the platform move”' })
      .waitFor();
    // It is in her timeline, not only in the notice.
    const mentions = await page.getByText('Coffee about the platform move').count();
    assert.ok(mentions >= 2, 'the new interaction shows in the timeline as well as the notice');
  });

  test('Escape closes the quick form and gives focus back', async () => {
    await page.goto(`${server.url}/rooms`);
    await page.locator('body').click({ position: { x: 1, y: 1 } });
    await page.keyboard.press('l');
    await page.getByLabel('With', { exact: true }).waitFor({ state: 'visible' });
    await page.keyboard.press('Escape');
    await page.getByLabel('With', { exact: true }).waitFor({ state: 'hidden' });
    // The page itself had focus, so focus goes to the form's toggle, not into the closed form.
    const focused = await page.evaluate(() => ({
      tag: document.activeElement?.tagName,
      inLog: document.activeElement?.closest('#quick-log') !== null,
    }));
    assert.deepEqual(focused, { tag: 'SUMMARY', inLog: true });
  });

  const win = 'Renewal playbook adopted by Sales';

  test('a win is recorded from the brag document', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Wins' }).click();
    await page.waitForURL(`${server.url}/wins`);
    await page.getByRole('link', { name: 'Record a win' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Record a win' }).waitFor();
    const main = page.getByRole('main');
    await main.getByLabel('What happened').fill(win);
    await main.getByRole('group', { name: /Business goals it served/ }).getByRole('checkbox').first().check();
    await main.getByLabel('Metric that moved').fill('Gross churn');
    await main.getByLabel('Before').fill('4.1%');
    await main.getByLabel('After').fill('3.2%');
    await main.getByRole('button', { name: 'Record win' }).click();
    await page.waitForURL(/\/wins\?done=recorded/);
    await page.getByRole('status').filter({ hasText: 'Win recorded' }).waitFor();
    const card = page.locator('li.win').filter({ has: page.getByRole('heading', { name: win }) });
    await card.waitFor();
    assert.match(await card.innerText(), /Gross churn: 4\.1% → 3\.2%/);
    assert.match(await card.getByText(/^Nobody yet/).innerText(), /Nobody yet/);
  });

  test('one click records who heard about the win', async () => {
    const card = page.locator('li.win').filter({ has: page.getByRole('heading', { name: win }) });
    const share = card.getByRole('form', { name: `Record who heard about ${win}` });
    // A short list of suggestions: the most important people who have not heard yet.
    const person = share.getByLabel('Person', { exact: true });
    const suggested = person.locator('option:not([value=""])');
    const count = await suggested.count();
    assert.ok(count >= 2 && count <= 8, `a few suggestions, got ${count}`);
    const name = (await suggested.first().innerText()).trim();
    await person.selectOption({ label: name });
    await share.getByRole('button', { name: 'Record share' }).click();
    await page.waitForURL(/\/wins\?done=shared/);
    await page.getByRole('status').filter({ hasText: 'Share recorded' }).waitFor();
    const after = page.locator('li.win').filter({ has: page.getByRole('heading', { name: win }) });
    const heard = after.locator('ul.heard');
    await heard.getByRole('link', { name }).waitFor();
    assert.equal(await heard.locator('li').count(), 1, `only ${name} knows so far`);
  });

  test('anyone else is typed by name, with the keyboard only', async () => {
    const card = () => page.locator('li.win').filter({ has: page.getByRole('heading', { name: win }) });
    const share = card().getByRole('form', { name: `Record who heard about ${win}` });
    // Someone by their whole name, typed in "Or someone else" and sent with Enter (the
    // HTTP tests cover the names that are refused).
    const someone = (await share.locator('select[name="person"] option:not([value=""])').first().innerText()).trim();
    const other = share.getByLabel('Or someone else');
    await other.focus();
    await page.keyboard.type(someone);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/wins\?done=shared/);
    await card().locator('ul.heard').getByRole('link', { name: someone }).waitFor();
    assert.equal(await card().locator('ul.heard li').count(), 2);
  });

  test('/ jumps to search from any page, and finds what was just written', async () => {
    await page.goto(`${server.url}/rooms`);
    await page.locator('body').click({ position: { x: 1, y: 1 } });
    await page.keyboard.press('/');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('name')), 'q');
    await page.keyboard.type('renewal playbook');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\?q=renewal/);
    await page.getByRole('heading', { level: 1, name: 'Search' }).waitFor();
    await page.getByRole('main').getByRole('link', { name: win }).waitFor();
  });

  test("the weekly review: tick last week's commitments, write this week's part, save", async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'This week' }).click();
    await page.waitForURL(`${server.url}/`);
    const form = page.getByRole('form', { name: 'Your weekly review' });
    await form.waitFor();
    const kept = form.getByRole('group', { name: /Last week's commitments/ }).getByRole('checkbox');
    assert.ok((await kept.count()) > 0, "the sample's last review left commitments to look back on");
    await kept.first().check();
    await form.getByLabel("This week's wins").fill('Sales adopted the renewal playbook.');
    await form.getByLabel('What I learned').fill('Helena plans three months ahead: bring asks early.');
    await form.getByLabel('Whom I helped, and how').fill('Paired with Diego on his first pricing test.');
    await form
      .getByLabel('Commitments for next week')
      .fill('Coffee with Helena about the region move\nSend Marcus the churn one-pager');
    await form.getByRole('button', { name: "Save this week's review" }).click();
    await page.waitForURL(/\/\?saved=review/);
    await page.getByRole('status').filter({ hasText: "Saved this week's review" }).waitFor();

    // A fresh load shows what was saved, not what the browser kept in the form.
    await page.goto(`${server.url}/`);
    const again = page.getByRole('form', { name: 'Your weekly review' });
    assert.equal(
      await again.getByLabel('Commitments for next week').inputValue(),
      'Coffee with Helena about the region move\nSend Marcus the churn one-pager',
    );
    assert.equal(await again.getByLabel('What I learned').inputValue(), 'Helena plans three months ahead: bring asks early.');
    const keptAgain = again.getByRole('group', { name: /Last week's commitments/ }).getByRole('checkbox');
    assert.ok(await keptAgain.first().isChecked(), 'the kept commitment stays ticked');
    if ((await keptAgain.count()) > 1) {
      assert.ok(!(await keptAgain.nth(1).isChecked()), 'an unticked commitment stays unticked');
    }
    assert.match(await page.getByRole('region', { name: /Your review of/ }).innerText(), /Last saved \d{4}-\d{2}-\d{2}/);
  });

  test('no console errors, uncaught exceptions or CSP violations on the way', () => {
    assert.deepEqual(problems, []);
  });
});
