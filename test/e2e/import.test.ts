import { existsSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  expectAccessible,
  expectAccessibleWithoutScripts,
  expectH1,
  hasChromium,
  inGroup,
  openBrowser,
  signIn,
  textOf,
  type Browser,
} from "./support.ts";

/** The shared seed documents live beside the project: <root>/../shared/seeds. */
const SEEDS = join(import.meta.dirname, "..", "..", "..", "shared", "seeds");
const lesseboName = existsSync(SEEDS) ? readdirSync(SEEDS).find((f) => /^004_.*\.txt$/.test(f)) : undefined;
const lessebo = lesseboName ? join(SEEDS, lesseboName) : undefined;
if (!lessebo) console.warn(`Import e2e skipped: no ${SEEDS}/004_*.txt (the Lessebo agreement)`);
const skaraName = existsSync(SEEDS) ? readdirSync(SEEDS).find((f) => /^002_.*\.txt$/.test(f)) : undefined;
const skara = skaraName ? join(SEEDS, skaraName) : undefined;
if (!skara) console.warn(`Several-file import e2e skipped: no ${SEEDS}/002_*.txt (the Skara agreement)`);

const TITLE = "Samverkansöverenskommelse mellan Lokalpolisområde Nybro och Lessebo kommun";

describe.skipIf(!hasChromium || !lessebo)("importing a document", () => {
  let browser: Browser;
  afterEach(async () => {
    await browser?.close();
  });

  describe("with JavaScript", () => {
    beforeEach(async () => {
      browser = await openBrowser();
    });

    it("upload → review with parties pre-selected and marks in the source → confirm", async () => {
      const { page } = browser;
      await signIn(page, "samordnare@samverkan.test");
      await page.goto("/overenskommelser");
      await page.getByRole("link", { name: "Importera från dokument" }).click();
      await expectH1(page, "Importera ett dokument");
      await expectAccessible(page);

      await page.getByLabel("Dokument").setInputFiles(lessebo!);
      await page.getByRole("button", { name: "Läs in dokumentet" }).click();
      await expectH1(page, "Granska importen");

      expect(await page.getByLabel("Rubrik", { exact: true }).first().inputValue()).toBe(TITLE);
      const selected = async (group: string) =>
        (await inGroup(page, group).getByLabel("Organisation").locator("option:checked").innerText()).trim();
      expect(await selected("Part 1")).toBe("Nybro (Lokalpolisområde)");
      expect(await selected("Part 2")).toBe("Lessebo kommun (Kommun)");

      const source = page.getByRole("region", { name: "Källtext" });
      expect(await textOf(source.locator("mark#src-0-title"))).toBe(TITLE);
      expect(await source.locator("mark").count()).toBeGreaterThan(10);
      expect(await textOf(source.locator("mark#src-0-focusAreas-1"))).toContain("Otrygga platser");
      // Every "Visa i källtexten" link points at a mark that exists.
      const targets = await page
        .getByRole("link", { name: /^Visa i källtexten/ })
        .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).hash.slice(1)));
      expect(targets.length).toBeGreaterThan(5);
      for (const id of targets) expect(await page.locator(`mark[id="${id}"]`).count(), id).toBe(1);
      await expectAccessible(page);

      await page.getByRole("button", { name: "Bekräfta och skapa överenskommelsen" }).click();
      await page.waitForURL(/\/overenskommelser\/[0-9a-f-]{36}\?sparad=1$/);
      await expectH1(page, TITLE);
      const focus = page.getByRole("region", { name: /Fokusområden/ }).getByRole("listitem");
      expect(await focus.allInnerTexts()).toEqual([
        "Unga i riskzon att utveckla en kriminell livsstil",
        "Otrygga platser",
        "Skolsäkerhet",
        "Inbrott och stölder",
      ]);
      expect(await textOf(page.getByText(lesseboName!).first())).toContain(lesseboName!);
    });
  });

  describe.skipIf(!skara)("several files", () => {
    beforeEach(async () => {
      browser = await openBrowser();
    });

    it("uploads two files at once → one form beside two source texts → both kept as annexes", async () => {
      const { page } = browser;
      await signIn(page, "samordnare@samverkan.test");
      await page.goto("/importera");
      await page.getByLabel("Dokument").setInputFiles([skara!, lessebo!]);
      await page.getByRole("button", { name: "Läs in dokumentet" }).click();
      await expectH1(page, "Granska importen");

      const regions = page.getByRole("region", { name: /^Källtext: / });
      expect(await regions.count()).toBe(2);
      const skaraSource = page.getByRole("region", { name: `Källtext: ${skaraName!}` });
      const lesseboSource = page.getByRole("region", { name: `Källtext: ${lesseboName!}` });
      expect(await skaraSource.locator("mark").count()).toBeGreaterThan(0);
      expect(await lesseboSource.locator("mark").count()).toBeGreaterThan(0);
      expect(await lesseboSource.locator("mark#src-1-title").count()).toBe(1);
      expect(await page.getByRole("heading", { level: 2, name: new RegExp(`^${skaraName!}`) }).count()).toBe(1);
      expect(await page.getByRole("heading", { level: 2, name: new RegExp(`^${lesseboName!}`) }).count()).toBe(1);
      // Mark ids are unique across the documents, and every link points at a mark that exists.
      const ids = await page.locator("mark[id]").evaluateAll((marks) => marks.map((m) => m.id));
      expect(new Set(ids).size).toBe(ids.length);
      const targets = await page
        .getByRole("link", { name: /^Visa i källtexten/ })
        .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).hash.slice(1)));
      expect(targets.some((id) => id.startsWith("src-1-"))).toBe(true);
      for (const id of targets) expect(await page.locator(`mark[id="${id}"]`).count(), id).toBe(1);
      await expectAccessible(page);

      // The parties are pre-selected from both documents (Lessebo's kommun and LPO are known to the demo).
      const title = `Två dokument ${Date.now()}`;
      await page.getByLabel("Rubrik", { exact: true }).first().fill(title);
      await page.getByRole("button", { name: "Bekräfta och skapa överenskommelsen" }).click();
      await page.waitForURL(/\/overenskommelser\/[0-9a-f-]{36}\?sparad=1$/);
      await expectH1(page, title);
      const annexes = page.getByRole("region", { name: /^Bilagor/ }).getByRole("listitem");
      const texts = await annexes.allInnerTexts();
      expect(texts).toHaveLength(2);
      expect(texts[0]).toContain(skaraName!);
      expect(texts[1]).toContain(lesseboName!);
    });

    it("a file that cannot be read is named on the upload page", async () => {
      const { page } = browser;
      const broken = join(mkdtempSync(join(tmpdir(), "samverkan-import-")), "trasig.pdf");
      writeFileSync(broken, Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 0xff, 0, 1, 2, 3]));
      await signIn(page, "samordnare@samverkan.test");
      await page.goto("/importera");
      await page.getByLabel("Dokument").setInputFiles([skara!, broken]);
      await page.getByRole("button", { name: "Läs in dokumentet" }).click();
      expect(await textOf(page.getByRole("alert").getByRole("listitem").first())).toMatch(/^trasig\.pdf: /);
      await expectH1(page, "Importera ett dokument");
      await expectAccessible(page);
    });
  });

  describe("without JavaScript", () => {
    let checker: Browser;
    beforeEach(async () => {
      browser = await openBrowser({ javaScriptEnabled: false });
      checker = await openBrowser();
    });
    afterEach(async () => {
      await checker?.close();
    });

    it("works with plain form posts: an error keeps the review, nothing is saved until it is fixed", async () => {
      const { page } = browser;
      await signIn(page, "samordnare@samverkan.test");
      await page.goto("/importera");
      await page.getByLabel("Dokument").setInputFiles(lessebo!);
      await page.getByRole("button", { name: "Läs in dokumentet" }).click();
      await expectH1(page, "Granska importen");
      await expectAccessibleWithoutScripts(page, checker.page);

      const title = `Importerad utan skript ${Date.now()}`;
      await page.getByLabel("Rubrik", { exact: true }).first().fill("");
      await page.getByRole("button", { name: "Bekräfta och skapa överenskommelsen" }).click();
      expect(await textOf(page.getByRole("alert").getByRole("heading"))).toBe("Det finns fel i formuläret");
      await expectH1(page, "Granska importen");
      expect(await page.locator("mark#src-0-title").count()).toBe(1);

      await page.getByLabel("Rubrik", { exact: true }).first().fill(title);
      await page.getByRole("button", { name: "Bekräfta och skapa överenskommelsen" }).click();
      await expectH1(page, title);
      expect(new URL(page.url()).pathname).toMatch(/^\/overenskommelser\/[0-9a-f-]{36}$/);
    });
  });
});
