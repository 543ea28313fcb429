import type { z } from "zod";
import { AppError } from "../../errors.ts";

/** Parses input with a zod schema, turning issues into field errors with i18n keys. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new AppError("VALIDATION", "validation.failed", {
    fields: result.error.issues.map((issue) => ({
      path: issue.path.map(String).join("."),
      message:
        issue.code === "unrecognized_keys"
          ? "validation.unknownField"
          : issue.code === "invalid_type"
            ? "validation.invalidType"
            : issue.message.includes(".")
              ? issue.message
              : "validation.invalid",
      params: issue.code === "unrecognized_keys" ? { keys: issue.keys.join(", ") } : undefined,
    })),
  });
}
