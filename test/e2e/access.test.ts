import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { expectAccessible, expectH1, hasChromium, openBrowser, signIn, signOut, type Browser } from "./support.ts";

describe.skipIf(!hasChromium)("pages for everyone, and refusals", () => {
  let browser: Browser;
  beforeEach(async () => {
    browser = await openBrowser();
  });
  afterEach(async () => {
    await browser?.close();
  });

  it("the sign-in page passes axe", async () => {
    const { page } = browser;
    await page.goto("/logga-in");
    await expectH1(page, "Logga in");
    await expectAccessible(page);
  });

  it("sends an anonymous visitor to sign-in", async () => {
    const { page } = browser;
    await page.goto("/overenskommelser/ny");
    await expectH1(page, "Logga in");
    expect(new URL(page.url()).searchParams.get("next")).toBe("/overenskommelser/ny");
  });

  it("a page that does not exist is a 404 that passes axe", async () => {
    const { page } = browser;
    const response = await page.goto("/finns-inte/alls");
    expect(response?.status()).toBe(404);
    await expectH1(page, "Sidan finns inte");
    await expectAccessible(page);
  });

  it("another organisation's agreement is not found for a viewer in Skara", async () => {
    const { page } = browser;
    await signIn(page, "samordnare@samverkan.test");
    await page.goto("/overenskommelser");
    const link = (kommun: string) =>
      page.getByRole("row").filter({ hasText: kommun }).first().getByRole("link").first().getAttribute("href");
    const koping = await link("Köpings kommun");
    const skara = await link("Skara kommun");
    expect(koping).toMatch(/^\/overenskommelser\/[0-9a-f-]{36}$/);
    await signOut(page);

    await signIn(page, "lasare@samverkan.test");
    for (const path of [koping!, `${koping}/andra`, `${koping}/bilagor`]) {
      const response = await page.goto(path);
      expect(response?.status()).toBe(404);
      await expectH1(page, "Sidan finns inte");
    }
    await expectAccessible(page);
    // The viewer may read Skara's own agreement, but not edit it.
    expect((await page.goto(skara!))?.status()).toBe(200);
    expect(await page.getByRole("link", { name: "Ändra överenskommelsen" }).count()).toBe(0);
    const edit = await page.goto(`${skara}/andra`);
    expect(edit?.status()).toBe(403);
    await expectAccessible(page);
  });
});
