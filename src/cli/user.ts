import { randomBytes } from "node:crypto";
import { createUser, setMembership } from "../services/auth/users.ts";
import type { Role } from "../services/core/context.ts";
import { option, runCli } from "./run.ts";
import { withDatabase } from "./with-database.ts";

const usage =
  "usage: samverkan user create --email E --name N [--password P] [--platform-admin] [--org ORG_ID --role admin|editor|contributor|viewer]\n";

export async function run(argv: string[]): Promise<number> {
  return runCli(async () => {
    if (argv[0] !== "create" || !option(argv, "email") || !option(argv, "name")) {
      process.stderr.write(usage);
      return 2;
    }
    const generated = !option(argv, "password");
    const password = option(argv, "password") ?? randomBytes(12).toString("base64url");
    return withDatabase(async (ctx) => {
      const user = await createUser(ctx, {
        email: option(argv, "email")!,
        name: option(argv, "name")!,
        password,
        isPlatformAdmin: argv.includes("--platform-admin"),
      });
      const org = option(argv, "org");
      if (org)
        await setMembership(ctx, {
          userId: user.id,
          organisationId: org,
          role: (option(argv, "role") ?? "viewer") as Role,
        });
      process.stdout.write(`created user ${user.email} (${user.id})${generated ? `\npassword: ${password}` : ""}\n`);
      return 0;
    });
  });
}
