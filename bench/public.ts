import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { load } from "./load.ts";
import { bareServer, startApp, stop, waitFor200 } from "./servers.ts";

/**
 * The public kommun page (/kommun/koping, anonymous) at 50 connections against a bare node:http
 * server returning the same HTML bytes, in the same run. Target ratio >= 0.5.
 */
export async function runPublicPageBench() {
  const dataDir = mkdtempSync(join(tmpdir(), "samverkan-bench-public-"));
  chmodSync(dataDir, 0o755);
  const port = 4000 + Math.floor(Math.random() * 50);
  const pgPort = 57_000 + Math.floor(Math.random() * 1000);
  const base = `http://127.0.0.1:${port}`;
  const child = startApp(dataDir, port, pgPort);
  try {
    await waitFor200(`${base}/logga-in`, 60_000);
    const signIn = await fetch(`${base}/logga-in`, {
      method: "POST",
      body: new URLSearchParams({ email: "samordnare@samverkan.test", password: "samverkan-demo" }),
      redirect: "manual",
    });
    const cookie = (signIn.headers.get("set-cookie") ?? "").split(";")[0]!;
    const json = { cookie, "content-type": "application/json" };
    const agreements = (await (await fetch(`${base}/api/v1/agreements`, { headers: { cookie } })).json()) as {
      id: string;
      parties: { municipalityCode: string | null }[];
    }[];
    const koping = agreements.find((a) => a.parties.some((p) => p.municipalityCode === "1983"));
    if (!koping) throw new Error("the demo has no agreement with Köping");
    // Five published promises, as a kommun might have: the page renders them all.
    for (const [i, promiser] of (["police", "police", "kommun", "kommun", "together"] as const).entries()) {
      const created = (await (
        await fetch(`${base}/api/v1/agreements/${koping.id}/promises`, {
          method: "POST",
          headers: json,
          body: JSON.stringify({
            promiser,
            text: `Löfte ${i + 1}: vi finns på plats i centrum fredagar och lördagar kväll under sommaren.`,
            periodStart: "2026-04-01",
            periodEnd: "2026-09-30",
          }),
        })
      ).json()) as { id: string; version: number };
      const published = await fetch(`${base}/api/v1/promises/${created.id}/publish`, {
        method: "POST",
        headers: json,
        body: JSON.stringify({ version: created.version }),
      });
      if (published.status !== 200) throw new Error(`publish failed: ${published.status}`);
    }
    const url = `${base}/kommun/koping`;
    const page = await fetch(url);
    const body = await page.text();
    if (page.status !== 200 || !body.includes("Löfte 5")) throw new Error("the public page does not show the promises");

    const barePort = port + 100;
    const bare = await bareServer(barePort, body, "text/html; charset=utf-8");
    const opts = { connections: 50, seconds: 5 };
    await load(`http://127.0.0.1:${barePort}/`, { ...opts, seconds: 1 }); // warm-up
    const baseline = await load(`http://127.0.0.1:${barePort}/`, opts);
    bare.kill();
    await load(url, { ...opts, seconds: 1 });
    const app = await load(url, opts);
    // For comparison: a signed-in visitor is rendered every time (their name is in the header).
    const uncached = await load(url, { ...opts, seconds: 3, headers: { cookie } });
    console.log(
      `GET /kommun/koping (anonymous, ${body.length} bytes, 5 promises) at 50 connections: app ${app.rps.toFixed(0)} req/s ` +
        `(p50 ${app.p50ms.toFixed(1)} ms, p95 ${app.p95ms.toFixed(1)} ms, ${app.errors} errors); bare node:http ${baseline.rps.toFixed(0)} req/s; ` +
        `ratio ${(app.rps / baseline.rps).toFixed(2)} (target >= 0.5)`,
    );
    console.log(
      `  rendered every time (signed in, no cache): ${uncached.rps.toFixed(0)} req/s (p50 ${uncached.p50ms.toFixed(1)} ms, ${uncached.errors} errors); ` +
        `ratio ${(uncached.rps / baseline.rps).toFixed(2)}`,
    );
  } finally {
    await stop(child);
    rmSync(dataDir, { recursive: true, force: true });
  }
}
