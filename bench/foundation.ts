import { execFileSync } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { load } from "./load.ts";
import { bareServer, startApp, stop, waitFor200 } from "./servers.ts";

function rssKb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

function descendants(pid: number): number[] {
  let out: string;
  try {
    out = execFileSync("ps", ["-o", "pid=", "--ppid", String(pid)], { encoding: "utf8" });
  } catch {
    return [];
  }
  const kids = out
    .split("\n")
    .map((s) => Number(s.trim()))
    .filter((n) => n > 0);
  return kids.flatMap((k) => [k, ...descendants(k)]);
}

async function timedStart(dataDir: string, port: number, pgPort: number) {
  const t0 = performance.now();
  const child = startApp(dataDir, port, pgPort);
  await waitFor200(`http://127.0.0.1:${port}/logga-in`, 60_000);
  return { child, ms: performance.now() - t0 };
}

export async function runFoundationBench() {
  const dataDir = mkdtempSync(join(tmpdir(), "samverkan-bench-"));
  chmodSync(dataDir, 0o755);
  const port = 3900 + Math.floor(Math.random() * 50);
  const pgPort = 56_000 + Math.floor(Math.random() * 1000);
  try {
    const cold = await timedStart(dataDir, port, pgPort);
    await stop(cold.child);
    const warm = await timedStart(dataDir, port, pgPort);
    console.log(
      `start: cold (empty DATA_DIR: initdb, migrate, demo seed) ${cold.ms.toFixed(0)} ms (target < 5000); warm ${warm.ms.toFixed(0)} ms (target < 2000)`,
    );

    const signIn = await fetch(`http://127.0.0.1:${port}/logga-in`, {
      method: "POST",
      body: new URLSearchParams({ email: "samordnare@samverkan.test", password: "samverkan-demo" }),
      redirect: "manual",
    });
    const cookie = (signIn.headers.get("set-cookie") ?? "").split(";")[0]!;
    const list = (await (
      await fetch(`http://127.0.0.1:${port}/api/v1/agreements`, { headers: { cookie } })
    ).json()) as { id: string }[];
    const url = `http://127.0.0.1:${port}/api/v1/agreements/${list[0]!.id}`;
    const body = await (await fetch(url, { headers: { cookie } })).text();

    const barePort = port + 100;
    const bare = await bareServer(barePort, body, "application/json");
    const opts = { connections: 50, seconds: 5 };
    await load(`http://127.0.0.1:${barePort}/`, { ...opts, seconds: 1 }); // warm-up
    const baseline = await load(`http://127.0.0.1:${barePort}/`, opts);
    bare.kill();
    await load(url, { ...opts, seconds: 1, headers: { cookie } });
    const app = await load(url, { ...opts, headers: { cookie } });
    console.log(
      `GET /api/v1/agreements/:id at 50 connections: app ${app.rps.toFixed(0)} req/s (p50 ${app.p50ms.toFixed(1)} ms, p95 ${app.p95ms.toFixed(1)} ms, ${app.errors} errors); ` +
        `bare node:http ${baseline.rps.toFixed(0)} req/s; ratio ${(app.rps / baseline.rps).toFixed(2)} (target >= 0.3)`,
    );
    const pg = descendants(warm.child.pid!);
    const pgRss = pg.reduce((sum, pid) => sum + rssKb(pid), 0);
    console.log(
      `RSS after load: app process ${(rssKb(warm.child.pid!) / 1024).toFixed(0)} MiB; embedded PostgreSQL (${pg.length} processes) ${(pgRss / 1024).toFixed(0)} MiB`,
    );
    await stop(warm.child);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
