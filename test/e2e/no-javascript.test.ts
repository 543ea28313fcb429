import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  expectAccessibleWithoutScripts,
  expectH1,
  hasChromium,
  inGroup,
  isShown,
  openBrowser,
  signIn,
  textOf,
  type Browser,
} from "./support.ts";

describe.skipIf(!hasChromium)("without JavaScript", () => {
  let browser: Browser;
  let checker: Browser;
  beforeEach(async () => {
    browser = await openBrowser({ javaScriptEnabled: false });
    checker = await openBrowser();
  });
  afterEach(async () => {
    await browser?.close();
    await checker?.close();
  });

  it("creating an agreement works with plain form posts", async () => {
    const { page } = browser;
    const title = `Utan skript ${Date.now()}`;
    await signIn(page, "kommunpolis@samverkan.test");
    await page.goto("/overenskommelser/ny");

    // An error first: the server renders the summary and keeps the values.
    await page.getByLabel("Rubrik").fill(title);
    await page.getByRole("button", { name: "Skapa överenskommelsen" }).click();
    expect(await textOf(page.getByRole("alert").getByRole("heading"))).toBe("Det finns fel i formuläret");
    expect(await page.getByLabel("Rubrik").inputValue()).toBe(title);
    await expectAccessibleWithoutScripts(page, checker.page);

    await inGroup(page, "Part 1").getByLabel("Organisation").selectOption({ label: "Kungsörs kommun (Kommun)" });
    await inGroup(page, "Part 2")
      .getByLabel("Organisation")
      .selectOption({ label: "Västra Mälardalen (Lokalpolisområde)" });
    await page.getByLabel("Gäller från").fill("2025-03-01");
    await page.getByLabel("Gäller tills vidare").check();
    await page.getByRole("button", { name: "Skapa överenskommelsen" }).click();
    await expectH1(page, title);
    expect(new URL(page.url()).pathname).toMatch(/^\/overenskommelser\/[0-9a-f-]{36}$/);
    expect(await isShown(page.getByText("Från 2025-03-01 tills vidare").first())).toBe(true);
    await expectAccessibleWithoutScripts(page, checker.page);
  });
});
