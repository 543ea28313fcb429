import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import { chromium, type BrowserContext, type Locator, type Page } from "playwright-core";
import { expect, inject } from "vitest";

export const CHROMIUM = "/usr/bin/chromium";
/** E2E needs Debian's chromium (`apt-get install chromium`); without it the suite is skipped, loudly. */
export const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`E2E tests skipped: ${CHROMIUM} is missing (apt-get install -y chromium).`);

export const DEMO_PASSWORD = "samverkan-demo";
export const baseUrl = () => inject("baseUrl");

export interface Browser {
  context: BrowserContext;
  page: Page;
  close: () => Promise<void>;
}

/** A fresh browser profile per call, so sessions never leak between tests. */
export async function openBrowser(options: { javaScriptEnabled?: boolean } = {}): Promise<Browser> {
  const dir = mkdtempSync(join(tmpdir(), "samverkan-chromium-"));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    headless: true,
    baseURL: baseUrl(),
    locale: "sv-SE",
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
  context.setDefaultTimeout(15_000);
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    close: async () => {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Runs axe on the page as it is now; fails listing each violation's rule and the elements it hit. */
export async function expectAccessible(page: Page) {
  const result = await new AxeBuilder({ page }).analyze();
  const report = result.violations.map(
    (v) => `${v.id} (${v.impact ?? "?"}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(" ")}`).join("\n")}`,
  );
  expect(report, `axe violations on ${page.url()}:\n${report.join("\n")}`).toEqual([]);
}

export async function signIn(page: Page, email: string) {
  await page.goto("/logga-in");
  await page.getByLabel("E-postadress").fill(email);
  await page.getByLabel("Lösenord").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Logga in" }).click();
  await page.waitForURL((url) => url.pathname === "/");
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: /^Logga ut/ }).click();
  await page.waitForURL((url) => url.pathname === "/logga-in");
}

/** The select labelled `label` inside the fieldset (group) named `group`. */
export function inGroup(page: Page, group: string) {
  return page.getByRole("group", { name: group, exact: true });
}

/** playwright-core has no web-first assertions: these wait for the element, then read it. */
export async function textOf(locator: Locator): Promise<string> {
  await locator.waitFor();
  return (await locator.innerText()).trim();
}

export async function isShown(locator: Locator): Promise<boolean> {
  await locator.waitFor({ state: "visible" });
  return true;
}

/** Waits until the page's h1 says `text` (after a client-side navigation it changes a little later). */
export async function expectH1(page: Page, text: string) {
  await expect
    .poll(
      () =>
        page
          .getByRole("heading", { level: 1 })
          .innerText({ timeout: 1000 })
          .catch(() => ""),
      { timeout: 15_000 },
    )
    .toBe(text);
}

export function isFocused(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => el === document.activeElement);
}

/**
 * axe runs as a script inside the page, so it cannot check a page with JavaScript disabled. This
 * replays that page's HTML, exactly as served, in `checker` (a JavaScript-enabled page) with the
 * app's own scripts blocked, and checks it there.
 */
export async function expectAccessibleWithoutScripts(page: Page, checker: Page) {
  const html = await page.content();
  const url = page.url();
  await checker.route(url, (route) =>
    route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html }),
  );
  await checker.route("**/*.js", (route) => route.abort());
  try {
    await checker.goto(url);
    await expectAccessible(checker);
  } finally {
    await checker.unrouteAll({ behavior: "wait" });
  }
}
