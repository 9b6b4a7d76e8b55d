import fs from "node:fs";
import path from "node:path";
import { chromium, type Browser } from "playwright-core";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
/** CI sets this: a missing browser then fails the run instead of skipping the browser tests. */
export const E2E_REQUIRED = process.env.TEKIZAI_E2E_REQUIRED === "1";
export const SCREENSHOT_DIR = path.resolve("test-results", "screenshots");

/** Why browser tests cannot run here, or undefined when they can. */
export function browserUnavailableReason(): string | undefined {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    return `no Chromium at ${CHROMIUM_PATH} (install the Debian package "chromium" or set CHROMIUM_PATH)`;
  }
  return undefined;
}

/** Playwright gives every launch a fresh, empty profile directory of its own (the equivalent of --user-data-dir). */
export async function launchBrowser(): Promise<{ browser: Browser; close(): Promise<void> }> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  return {
    browser,
    close: () => browser.close(),
  };
}
