/**
 * Dispatches `samverkan <command> …` to one file per command. Each command module is imported
 * lazily so that `samverkan import` does not load the web server or the database driver.
 */
type Command = { summary: string; load: () => Promise<{ run: (argv: string[]) => Promise<number> }> };

const commands: Record<string, Command> = {
  start: { summary: "start [--port N]            run the web app and the API", load: () => import("./start.ts") },
  db: { summary: "db migrate                   apply database migrations", load: () => import("./db.ts") },
  demo: {
    summary: "demo seed                    write the demo kommuner, agreements and accounts",
    load: () => import("./demo.ts"),
  },
  user: {
    summary: "user create --email E --name N [--password P] [--platform-admin] [--org ID --role R]",
    load: () => import("./user.ts"),
  },
  export: {
    summary: "export [--out FILE]          write a full JSON dump of the database",
    load: () => import("./dump.ts").then((m) => ({ run: m.runExport })),
  },
  "import-dump": {
    summary: "import-dump FILE             restore a dump into an empty database",
    load: () => import("./dump.ts").then((m) => ({ run: m.runImportDump })),
  },
  import: {
    summary: "import FILE [--json]         extract a draft from a document",
    load: () => import("./import.ts"),
  },
  // Tasks module: run one scheduled job once.
  jobs: {
    summary: "jobs digest|send|tasks        queue the weekly digest, send queued mail, or make årshjul tasks",
    load: () => import("./jobs.ts"),
  },
};

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const command = name ? commands[name] : undefined;
  if (!command || name === "--help") {
    const stream = name && name !== "--help" ? process.stderr : process.stdout;
    if (name && name !== "--help") stream.write(`unknown command: ${name}\n\n`);
    stream.write(
      `usage: samverkan <command>\n\n${Object.values(commands)
        .map((c) => `  ${c.summary}`)
        .join("\n")}\n`,
    );
    return name && name !== "--help" ? 2 : 0;
  }
  const module = await command.load();
  return module.run(rest);
}
