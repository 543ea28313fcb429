/** A small structured logger: one JSON line per event in production, readable lines in development. */
export interface Logger {
  info: (msg: string, extra?: unknown) => void;
  warn: (msg: string, extra?: unknown) => void;
  error: (msg: string, extra?: unknown) => void;
}

const levels = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const;

export function createLogger(level: keyof typeof levels, json: boolean): Logger {
  const emit = (lvl: "info" | "warn" | "error", msg: string, extra?: unknown) => {
    if (levels[lvl] < levels[level]) return;
    const detail = extra instanceof Error ? (extra.stack ?? extra.message) : extra;
    if (json) process.stderr.write(`${JSON.stringify({ level: lvl, time: new Date().toISOString(), msg, detail })}\n`);
    else
      process.stderr.write(
        `[${lvl}] ${msg}${detail !== undefined ? ` ${typeof detail === "string" ? detail : JSON.stringify(detail)}` : ""}\n`,
      );
  };
  return {
    info: (m, e) => emit("info", m, e),
    warn: (m, e) => emit("warn", m, e),
    error: (m, e) => emit("error", m, e),
  };
}
