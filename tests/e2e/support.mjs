// What every browser test shares: the real `fanclub` binary serving a throwaway database,
// Debian's chromium driven by playwright-core, and a watch on each page for console
// errors, uncaught exceptions and Content-Security-Policy violations.

import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Where the screenshots go: kept after the run as test artefacts. */
export const screenshotDir = join(repoRoot, 'target', 'e2e-screenshots');

/**
 * The `fanclub` binary to test. `FANCLUB_BIN` names one already built (scripts/test
 * passes the one `cargo test` just built); otherwise build it with the profile
 * scripts/test uses (dev), so a standalone `npm test` tests the current source.
 */
function fanclubBinary() {
  if (process.env.FANCLUB_BIN) return resolve(process.env.FANCLUB_BIN);
  const build = spawnSync('cargo', ['build', '--quiet', '--locked', '-p', 'fanclub'], {
    cwd: repoRoot,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (build.status !== 0) {
    throw new Error(`cargo build -p fanclub failed (exit ${build.status}): fix the build first`);
  }
  const meta = spawnSync('cargo', ['metadata', '--format-version', '1', '--no-deps'], {
    cwd: repoRoot,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (meta.status !== 0) throw new Error(`cargo metadata failed: ${meta.stderr}`);
  return join(JSON.parse(meta.stdout).target_directory, 'debug', 'fanclub');
}

/**
 * Start `fanclub serve --port 0` on a fresh database in a temporary folder and wait for
 * the line that tells its address. Returns `{ url, stop }`.
 */
export async function startServer() {
  const bin = fanclubBinary();
  const dir = mkdtempSync(join(tmpdir(), 'fanclub-e2e-'));
  const child = spawn(bin, ['--db', join(dir, 'fanclub.db'), 'serve', '--port', '0'], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1' },
  });
  let output = '';
  const url = await new Promise((ok, fail) => {
    const timer = setTimeout(
      () => fail(new Error(`fanclub serve printed no address within 30 s:\n${output}`)),
      30_000,
    );
    const read = (chunk) => {
      output += chunk;
      const m = output.match(/http:\/\/127\.0\.0\.1:\d+\//);
      if (m) {
        clearTimeout(timer);
        ok(m[0].replace(/\/$/, ''));
      }
    };
    child.stdout.setEncoding('utf8').on('data', read);
    child.stderr.setEncoding('utf8').on('data', read);
    child.on('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`fanclub serve exited (${code}) before serving:\n${output}`));
    });
  });
  return {
    url,
    output: () => output,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((ok) => child.once('exit', ok));
        child.kill('SIGINT');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The chromium flags: headless, no network of its own, nothing to set up on first run. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Debian's chromium on a fresh profile. Returns `{ context, close }`; Playwright's own
 * browser download is never used.
 */
export async function startBrowser() {
  const profile = mkdtempSync(join(tmpdir(), 'fanclub-e2e-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 },
    locale: 'en-GB',
  });
  context.setDefaultTimeout(10_000);
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Record everything that went wrong in a page: console errors (the browser reports a
 * blocked resource or a CSP violation there), uncaught exceptions, and CSP violation
 * events. `problems` lists them; a test asserts it is empty.
 */
export function watch(page) {
  const problems = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') {
      problems.push(`console ${msg.type()} on ${page.url()}: ${msg.text()}`);
    }
  });
  page.on('pageerror', (err) => problems.push(`uncaught exception on ${page.url()}: ${err.message}`));
  page.on('response', (res) => {
    if (res.status() >= 500) problems.push(`HTTP ${res.status()} for ${res.url()}`);
  });
  // Runs before the page's own scripts, outside its CSP (a DevTools script).
  page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`);
    });
  });
  return problems;
}

/** Save a full-page screenshot named `name.png` into target/e2e-screenshots. */
export async function screenshot(page, name) {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
}
