// The Chromium every benchmark script launches: the system's (a tool's own browser download
// fails here), headless as root needs, with background work that would land in a measurement
// (networking, component updates) turned off. `extraArgs`: a script's own flags.
import { chromium } from 'playwright-core';

export function launchChromium(extraArgs = []) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking', '--disable-component-update', ...extraArgs],
  });
}
