import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

// The one Chromium launcher of the test suites: headless Debian Chromium driven by playwright-core
// (Playwright's own browser download is not used). .ci/infra.sh installs it and exports CHROMIUM_PATH.

const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/lib/chromium/chromium', '/usr/bin/chromium-browser'];
const LAUNCH_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function chromiumPath(): string {
  const found = [process.env.CHROMIUM_PATH, ...CHROMIUM_CANDIDATES].find((p) => p && existsSync(p));
  if (!found) {
    throw new Error(
      'Chromium not found: apt-get install -y --no-install-recommends chromium (or set CHROMIUM_PATH)',
    );
  }
  return found;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: LAUNCH_ARGS });
}
