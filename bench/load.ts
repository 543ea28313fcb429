import http from "node:http";

export interface LoadResult {
  requests: number;
  errors: number;
  seconds: number;
  rps: number;
  p50ms: number;
  p95ms: number;
}

/**
 * A small closed-loop load generator: `connections` keep-alive clients each send the next request
 * as soon as the previous answer is read, for `seconds`. Bounded in time and count, loopback only.
 */
export async function load(
  url: string,
  options: { connections: number; seconds: number; headers?: Record<string, string>; maxRequests?: number },
): Promise<LoadResult> {
  const target = new URL(url);
  if (!["127.0.0.1", "localhost", "[::1]"].includes(target.hostname))
    throw new Error("load tests target loopback only");
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections });
  const latencies: number[] = [];
  let errors = 0;
  const deadline = performance.now() + options.seconds * 1000;
  const max = options.maxRequests ?? 2_000_000;
  const once = () =>
    new Promise<void>((resolve) => {
      const start = performance.now();
      const req = http.request(target, { agent, headers: options.headers }, (res) => {
        res.on("data", () => undefined);
        res.on("end", () => {
          if (res.statusCode !== 200) errors++;
          latencies.push(performance.now() - start);
          resolve();
        });
      });
      req.on("error", () => {
        errors++;
        resolve();
      });
      req.end();
    });
  const began = performance.now();
  await Promise.all(
    Array.from({ length: options.connections }, async () => {
      while (performance.now() < deadline && latencies.length + errors < max) await once();
    }),
  );
  const seconds = (performance.now() - began) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? 0;
  return {
    requests: latencies.length,
    errors,
    seconds,
    rps: latencies.length / seconds,
    p50ms: pct(0.5),
    p95ms: pct(0.95),
  };
}
