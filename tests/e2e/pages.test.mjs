// Every main page on the sample workspace: reachable from the navigation, rendered without
// a browser error, and saved as a full-page screenshot in target/e2e-screenshots.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { screenshot, startBrowser, startServer, watch } from './support.mjs';

/** The main pages: the screenshot's name, the address and the page's main heading. */
const PAGES = [
  { name: 'week', path: '/', heading: /^This week/ },
  { name: 'people', path: '/people', heading: 'People' },
  { name: 'person', path: '/people/helena-voss', heading: 'Helena Voss' },
  { name: 'map', path: '/map', heading: /Map/ },
  { name: 'rooms', path: '/rooms', heading: 'Rooms' },
  { name: 'wins', path: '/wins', heading: 'Wins' },
  { name: 'readiness', path: '/readiness', heading: /Readiness/ },
  { name: 'momentum', path: '/momentum', heading: /Momentum/ },
  { name: 'intros', path: '/paths', heading: /Intro/ },
  { name: 'check', path: '/check', heading: /Check/ },
  { name: 'settings', path: '/settings', heading: 'Settings' },
  { name: 'search', path: '/search?q=platform', heading: /Search/ },
];

describe('the main pages, on the sample workspace', () => {
  let server;
  let browser;
  let page;
  let problems;

  before(async () => {
    server = await startServer();
    browser = await startBrowser();
    page = await browser.context.newPage();
    problems = watch(page);
    await page.goto(`${server.url}/`);
    await page.getByRole('button', { name: 'Load the sample workspace' }).click();
    await page.getByRole('heading', { level: 1, name: /^This week/ }).waitFor();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('each link of the navigation opens its page and marks it current', async () => {
    await page.goto(`${server.url}/`);
    const nav = page.getByRole('navigation', { name: 'Main' });
    const links = await nav.getByRole('link').evaluateAll((as) =>
      as.map((a) => ({ label: a.textContent.trim(), href: a.getAttribute('href') })),
    );
    assert.ok(links.length >= 10, `the navigation lists every part, got ${links.length}`);
    for (const { label, href } of links) {
      const [response] = await Promise.all([
        page.waitForResponse((r) => new URL(r.url()).pathname === href && r.request().isNavigationRequest()),
        nav.getByRole('link', { name: label, exact: true }).click(),
      ]);
      assert.equal(response.status(), 200, `${label} (${href}) answers 200`);
      await page.waitForURL(`${server.url}${href}`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      assert.equal(
        await nav.getByRole('link', { name: label, exact: true }).getAttribute('aria-current'),
        'page',
        `${label} is marked as the current page`,
      );
    }
  });

  for (const { name, path, heading } of PAGES) {
    test(`${name} (${path}) renders and is saved as a screenshot`, async () => {
      const response = await page.goto(`${server.url}${path}`);
      assert.equal(response?.status(), 200, `${path} answers 200`);
      await page.getByRole('heading', { level: 1, name: heading }).first().waitFor();
      // One main landmark and a skip link to it, on every page.
      assert.equal(await page.getByRole('main').count(), 1);
      await screenshot(page, name);
    });
  }

  test('no console errors, uncaught exceptions or CSP violations on any page', () => {
    assert.deepEqual(problems, []);
  });
});
