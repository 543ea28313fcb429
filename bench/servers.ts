import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";

const root = join(import.meta.dirname, "..");

/** Polls until `url` answers 200 (the app is up), or fails after `timeoutMs`. */
export async function waitFor200(url: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`no 200 from ${url} within ${timeoutMs} ms`);
}

/** The real app (`bin/samverkan start`) on its own embedded PostgreSQL in `dataDir`, as a child process. */
export function startApp(dataDir: string, port: number, pgPort: number): ChildProcess {
  const { DATABASE_URL: _ignored, ...env } = process.env;
  return spawn(process.execPath, [join(root, "bin/samverkan"), "start"], {
    cwd: root,
    env: {
      ...env,
      DATA_DIR: dataDir,
      PORT: String(port),
      EMBEDDED_PG_PORT: String(pgPort),
      NODE_ENV: "production",
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
}

export async function stop(child: ChildProcess) {
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  await exited;
}

/** A bare node:http server answering every request with the same bytes, in its own process: the baseline. */
export function bareServer(port: number, body: string, contentType: string): Promise<ChildProcess> {
  const code = `const b=Buffer.from(process.env.BODY);require("http").createServer((q,s)=>{s.writeHead(200,{"content-type":process.env.TYPE,"content-length":b.length});s.end(b)}).listen(${port},"127.0.0.1",()=>process.send("up"))`;
  const child = spawn(process.execPath, ["-e", code], {
    env: { ...process.env, BODY: body, TYPE: contentType },
    stdio: ["ignore", "ignore", "inherit", "ipc"],
  });
  return new Promise((resolve) => child.once("message", () => resolve(child)));
}
