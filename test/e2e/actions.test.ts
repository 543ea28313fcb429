import type { Page } from "playwright-core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  baseUrl,
  expectAccessible,
  expectH1,
  hasChromium,
  openBrowser,
  signIn,
  textOf,
  type Browser,
} from "./support.ts";

interface CycleOut {
  id: string;
  label: string;
  startsOn: string;
  endsOn: string;
}

/**
 * The cycle (with a problem and a cause) is made through the API with the browser's own session:
 * the cycle module's pages are another journey; this one is about the action plan.
 */
async function cycleWithCause(page: Page) {
  const api = (path: string) => `${baseUrl()}/api/v1${path}`;
  const agreements = (await (await page.request.get(api("/agreements"))).json()) as {
    id: string;
    parties: { name: string }[];
  }[];
  const agreement = agreements.find((a) => a.parties.some((p) => p.name === "Köpings kommun"));
  expect(agreement, "the demo has an agreement with Köpings kommun").toBeTruthy();
  let cycle: CycleOut | undefined;
  // Another test may have started a cycle for a year already: take the first year that is free.
  for (let year = 2041; year < 2060 && !cycle; year++) {
    const res = await page.request.post(api(`/agreements/${agreement!.id}/cycles`), { data: { year } });
    if (res.status() === 201) cycle = (await res.json()) as CycleOut;
  }
  expect(cycle, "a cycle could be started").toBeTruthy();
  const problem = await page.request.post(api(`/cycles/${cycle!.id}/problems`), {
    data: { title: "Otrygghet vid resecentrum" },
  });
  expect(problem.status(), await problem.text()).toBe(201);
  const { id: problemId, version } = (await problem.json()) as { id: string; version: number };
  const causes = await page.request.put(api(`/problems/${problemId}/causes`), {
    data: { version, causes: [{ axis: "place", text: "Mörk gångtunnel" }] },
  });
  expect(causes.status(), await causes.text()).toBe(200);
  return { agreementId: agreement!.id, cycle: cycle! };
}

describe.skipIf(!hasChromium)("the action plan", () => {
  let browser: Browser;
  beforeEach(async () => {
    browser = await openBrowser();
  });
  afterEach(async () => {
    await browser?.close();
  });

  it("adds an action with its responsible organisation, follows it up and counts it in the report", async () => {
    const { page } = browser;
    await signIn(page, "samordnare@samverkan.test");
    const { agreementId, cycle } = await cycleWithCause(page);
    const base = `/overenskommelser/${agreementId}/cykler/${cycle.id}`;

    await page.goto(`${base}/atgardsplan`);
    await expectH1(page, `Åtgärdsplan ${cycle.label}`);
    expect(await textOf(page.getByText("Åtgärdsplanen har inga åtgärder än."))).toBeTruthy();
    await expectAccessible(page);

    await page.getByRole("link", { name: "Ny åtgärd" }).click();
    await expectH1(page, "Ny åtgärd");
    await expectAccessible(page);

    // Without a responsible organisation and with a deadline after the cycle: both named.
    const title = `Belysning i gångtunneln ${Date.now()}`;
    await page.getByLabel("Åtgärd", { exact: true }).fill(title);
    await page.getByLabel("Orsak").selectOption({ label: "Plats: Mörk gångtunnel" });
    const afterCycle = `${Number(cycle.endsOn.slice(0, 4)) + 1}-01-15`;
    await page.getByLabel("Klart senast").fill(afterCycle);
    await page.getByRole("button", { name: "Lägg till åtgärden" }).click();
    const summary = page.getByRole("alert");
    expect(await textOf(summary)).toContain("Välj minst en ansvarig organisation.");
    expect(await textOf(summary)).toContain("Slutdatumet måste ligga inom cykelns period.");
    await expectAccessible(page);

    // A target value without the baseline year it is measured from: refused, naming that field.
    await page.getByLabel("Köpings kommun", { exact: true }).check();
    await page.getByLabel("Klart senast").fill(cycle.endsOn);
    await page.getByLabel("Hur följs åtgärden upp?").fill("Räkna nya armaturer");
    await page.getByLabel("Målvärde", { exact: true }).fill("100");
    await page.getByRole("button", { name: "Lägg till åtgärden" }).click();
    await expectH1(page, "Ny åtgärd");
    const message = "Fyll i Utgångsläge, år när du anger ett mål.";
    const link = summary.getByRole("link", { name: message });
    expect(await link.getAttribute("href")).toBe("#f-baselineYear");
    expect(await summary.getByRole("link").count()).toBe(1);
    const baselineYear = page.getByLabel("Utgångsläge, år", { exact: true });
    expect(await baselineYear.getAttribute("aria-invalid")).toBe("true");
    expect(await textOf(page.locator("#f-baselineYear-err"))).toBe(message);
    expect(await baselineYear.getAttribute("aria-describedby")).toContain("f-baselineYear-err");
    const saved = await page.request.get(`${baseUrl()}/api/v1/cycles/${cycle.id}/actions`);
    expect(await saved.json(), "nothing was saved").toEqual([]);
    await expectAccessible(page);

    await page.getByLabel("Köpings kommun", { exact: true }).check();
    await baselineYear.fill(String(Number(cycle.startsOn.slice(0, 4)) - 1));
    await page.getByRole("button", { name: "Lägg till åtgärden" }).click();
    await expectH1(page, title);
    expect(await textOf(page.getByRole("status"))).toContain("sparade");
    expect(await textOf(page.getByText("Planerad").first())).toBe("Planerad");
    await expectAccessible(page);

    // The plan as the familiar table: Orsak | Åtgärd | Ansvarig | Uppföljning.
    await page.getByRole("link", { name: /^Tillbaka till åtgärdsplanen/ }).click();
    await expectH1(page, `Åtgärdsplan ${cycle.label}`);
    const table = page.getByRole("table", { name: `Åtgärdsplan ${cycle.label}` });
    const headers = await table.getByRole("columnheader").allInnerTexts();
    expect(headers.map((h) => h.trim())).toEqual(["Orsak", "Åtgärd", "Ansvarig", "Uppföljning"]);
    const row = table.getByRole("row").filter({ hasText: title });
    expect(await textOf(row)).toContain("Mörk gångtunnel");
    expect(await textOf(row)).toContain("Köpings kommun");
    expect(await textOf(row)).toContain("Räkna nya armaturer");
    await expectAccessible(page);

    await page.getByRole("link", { name: "Kort per fokusområde" }).click();
    await page.waitForURL((url) => url.search === "?visa=kort");
    expect(await textOf(page.getByRole("link", { name: title }))).toBe(title);
    await expectAccessible(page);

    // Edit the action, then follow it up with a status.
    await page.getByRole("link", { name: title }).click();
    await expectH1(page, title);
    await page.getByRole("link", { name: "Ändra åtgärden" }).click();
    await expectH1(page, `Ändra ${title}`);
    expect(await page.getByLabel("Köpings kommun", { exact: true }).isChecked()).toBe(true);
    await expectAccessible(page);
    await page.getByLabel("Omfattning").fill("minst 10 armaturer");
    await page.getByRole("button", { name: "Spara" }).click();
    await expectH1(page, title);
    expect(await textOf(page.getByText("minst 10 armaturer"))).toBe("minst 10 armaturer");
    await page.getByLabel("Typ av uppföljning").selectOption({ label: "Produktion" });
    await page.getByLabel("Status", { exact: true }).first().selectOption({ label: "Genomförd" });
    await page.getByLabel("Anteckning").fill("Tolv nya armaturer uppsatta");
    await page.getByLabel("Antal").fill("12");
    await page.getByLabel("Timmar", { exact: true }).fill("6,5");
    await page.getByRole("button", { name: "Spara uppföljningen" }).click();
    await expectH1(page, title);
    const history = page.getByRole("table", { name: `Uppföljningar av ${title}` });
    expect(await textOf(history)).toContain("Tolv nya armaturer uppsatta");
    expect(await textOf(history)).toContain("Genomförd");
    await expectAccessible(page);

    // An indicator of the agreement with a suppressed year (made through the cycle module's API).
    const indicatorName = `Anmälda skadegörelsebrott ${Date.now()}`;
    const indicator = await page.request.post(`${baseUrl()}/api/v1/agreements/${agreementId}/indicators`, {
      data: {
        name: indicatorName,
        values: [
          { year: 2023, value: "XX" },
          { year: 2024, value: 12.5 },
        ],
      },
    });
    expect(indicator.status(), await indicator.text()).toBe(201);

    // The annual follow-up counts it as genomförd, with its hours.
    await page.goto(`${base}/uppfoljning`);
    await expectH1(page, `Årlig uppföljning ${cycle.label}`);
    expect(await textOf(page.getByTestId("total-done"))).toBe("1");
    expect(await textOf(page.getByTestId("total-planned"))).toBe("0");
    expect(await textOf(page.getByText("6,5 timmar"))).toBeTruthy();
    // Its target (no indicator to measure it by) is counted per focus area, not met.
    expect(await textOf(page.getByText("0 av 1 mål uppnådda"))).toBe("0 av 1 mål uppnådda");
    // The suppressed year is shown as such, not left out.
    const trend = page.getByRole("table", { name: new RegExp(indicatorName) });
    expect(await textOf(trend.getByRole("row", { name: /^2023/ }))).toMatch(/^2023\s+skyddat$/);
    expect(await textOf(trend.getByRole("row", { name: /^2024/ }))).toMatch(/^2024\s+12,5$/);
    await expectAccessible(page);

    await page.getByLabel("Mottagare").fill("Kommunstyrelsen");
    await page.getByLabel("Datum").fill(cycle.endsOn);
    await page.getByRole("button", { name: "Spara återrapporteringen" }).click();
    const reported = page.getByRole("table", { name: "Vad som rapporterats till vem och när" });
    expect(await textOf(reported)).toContain("Kommunstyrelsen");
    await expectAccessible(page);

    // The kommunikationsplan.
    await page.getByRole("link", { name: "Kommunikationsplan" }).click();
    await expectH1(page, `Kommunikationsplan ${cycle.label}`);
    await expectAccessible(page);
    await page.getByLabel("Budskap").fill("Nu är gångtunneln upplyst");
    await page.getByLabel("Kanal").fill("Kommunens webb");
    await page.getByRole("button", { name: "Lägg till", exact: true }).click();
    const plan = page.getByRole("table", { name: `Kommunikationsplan ${cycle.label}` });
    expect(await textOf(plan)).toContain("Nu är gångtunneln upplyst");
    await expectAccessible(page);

    const { id: indicatorId, version: indicatorVersion } = (await indicator.json()) as { id: string; version: number };
    const removed = await page.request.delete(
      `${baseUrl()}/api/v1/indicators/${indicatorId}?version=${indicatorVersion}`,
    );
    expect(removed.status(), await removed.text()).toBe(200);
  });

  it("does not reveal the plan to a reader of another kommun", async () => {
    const { page } = browser;
    await signIn(page, "samordnare@samverkan.test");
    const { agreementId, cycle } = await cycleWithCause(page);
    const other = await openBrowser();
    try {
      await signIn(other.page, "lasare@samverkan.test");
      for (const path of ["atgardsplan", "uppfoljning", "kommunikation", "atgarder/ny"]) {
        await other.page.goto(`/overenskommelser/${agreementId}/cykler/${cycle.id}/${path}`);
        await expectH1(other.page, "Sidan finns inte");
      }
      await expectAccessible(other.page);
    } finally {
      await other.close();
    }
  });
});
