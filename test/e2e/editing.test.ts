import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  expectAccessible,
  expectH1,
  hasChromium,
  inGroup,
  isShown,
  openBrowser,
  signIn,
  textOf,
  type Browser,
} from "./support.ts";

describe.skipIf(!hasChromium)("editing what an agreement holds", () => {
  let browser: Browser;
  let agreementPath: string;
  beforeEach(async () => {
    browser = await openBrowser();
    const { page } = browser;
    await signIn(page, "samordnare@samverkan.test");
    await page.goto("/overenskommelser/ny");
    await page.getByLabel("Rubrik").fill(`Redigering ${Date.now()}`);
    await inGroup(page, "Part 1").getByLabel("Organisation").selectOption({ label: "Kungsörs kommun (Kommun)" });
    await inGroup(page, "Part 2")
      .getByLabel("Organisation")
      .selectOption({ label: "Västra Mälardalen (Lokalpolisområde)" });
    await page.getByRole("button", { name: "Skapa överenskommelsen" }).click();
    await page.waitForURL(/\/overenskommelser\/[0-9a-f-]{36}\?sparad=1$/);
    agreementPath = new URL(page.url()).pathname;
  });
  afterEach(async () => {
    await browser?.close();
  });

  it("groups with members, and focus areas reordered by number", async () => {
    const { page } = browser;
    await page.goto(`${agreementPath}/grupper`);
    const group = inGroup(page, "Grupp 1");
    await group.getByLabel("Namn").fill("Lokala BRÅ");
    await group.getByLabel("Typ av grupp").selectOption("bra");
    await group.getByLabel("Medlemmar").fill("Maria Bäck; ordförande\nKommunpolisen");
    await page.getByRole("button", { name: "Spara", exact: true }).click();
    await page.waitForURL(/\?sparad=1$/);
    expect(await textOf(page.getByRole("listitem").filter({ hasText: "Lokala BRÅ" }).first())).toContain(
      "Maria Bäck, ordförande",
    );

    await page.goto(`${agreementPath}/fokusomraden`);
    await inGroup(page, "Fokusområde 1").getByLabel("Rubrik").fill("Trafik");
    await page.getByRole("button", { name: "Spara", exact: true }).click();
    await page.waitForURL(/\?sparad=1$/);
    await page.goto(`${agreementPath}/fokusomraden`);
    await inGroup(page, "Fokusområde 2").getByLabel("Rubrik").fill("Narkotika");
    await inGroup(page, "Fokusområde 2").getByLabel("Ordning").fill("0");
    await page.getByRole("button", { name: "Spara", exact: true }).click();
    await page.waitForURL(/\?sparad=1$/);
    const focus = page.getByRole("region", { name: /Fokusområden/ }).getByRole("listitem");
    expect(await focus.allInnerTexts()).toEqual(["Narkotika", "Trafik"]);

    // Removing a row.
    await page.goto(`${agreementPath}/fokusomraden`);
    await inGroup(page, "Fokusområde 2").getByLabel("Ta bort raden").check();
    await page.getByRole("button", { name: "Spara", exact: true }).click();
    await page.waitForURL(/\?sparad=1$/);
    expect(await focus.allInnerTexts()).toEqual(["Narkotika"]);
  });

  it("a save over someone else's change is refused with the conflict message", async () => {
    const { page, context } = browser;
    const other = await context.newPage();
    await page.goto(`${agreementPath}/andra`);
    await other.goto(`${agreementPath}/andra`);
    await other.getByLabel("Rubrik").fill("Ändrad i den andra fliken");
    await other.getByRole("button", { name: "Spara ändringarna" }).click();
    await expectH1(other, "Ändrad i den andra fliken");

    await page.getByLabel("Rubrik").fill("Ändrad i den första fliken");
    await page.getByRole("button", { name: "Spara ändringarna" }).click();
    expect(await isShown(page.getByRole("alert").getByText("Någon annan har ändrat detta", { exact: false }))).toBe(
      true,
    );
    await expectAccessible(page);
    await page.goto(agreementPath);
    await expectH1(page, "Ändrad i den andra fliken");
  });

  it("terminating the agreement", async () => {
    const { page } = browser;
    await page.goto(agreementPath);
    await page.getByRole("link", { name: "Avsluta överenskommelsen" }).click();
    await expectH1(page, "Avsluta överenskommelsen");
    await page.getByLabel("Upphör att gälla").fill("2020-01-01");
    await page.getByLabel("Anteckning").fill("Ersatt av en ny överenskommelse.");
    await page.getByRole("button", { name: "Avsluta överenskommelsen" }).click();
    await page.waitForURL(/\?sparad=1$/);
    expect(await textOf(page.locator(".status").first())).toBe("Uppsagd");
  });
});
