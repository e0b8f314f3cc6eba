/**
 * Headless Chromium for the site tests: the Debian package at /usr/bin/chromium driven by playwright-core
 * (never a downloaded browser), with a fresh profile and everything that could reach the network off.
 * `watchPage` collects console errors, page errors, failed requests and any request that is not file://.
 */
import { existsSync } from "node:fs";
import { type Browser, chromium, type Page } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";

export const chromiumSkipReason = existsSync(CHROMIUM)
  ? ""
  : `${CHROMIUM} is absent (install it with: apt-get install -y chromium)`;

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
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
}

export interface PageProblems {
  problems: string[];
}

export function watchPage(page: Page): PageProblems {
  const watched: PageProblems = { problems: [] };
  page.on("console", (message) => {
    if (message.type() === "error") watched.problems.push(`console error: ${message.text()}`);
  });
  page.on("pageerror", (error) => watched.problems.push(`page error: ${error.message}`));
  page.on("requestfailed", (request) => watched.problems.push(`failed request: ${request.url()}`));
  page.on("request", (request) => {
    if (!request.url().startsWith("file://")) watched.problems.push(`network request: ${request.url()}`);
  });
  page.on("dialog", (dialog) => {
    watched.problems.push(`dialog opened: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return watched;
}
