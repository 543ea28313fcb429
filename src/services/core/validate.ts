import type { z } from "zod";
import { AppError, type FieldError } from "../../errors.ts";

/** Parses input with a zod schema, turning issues into field errors with i18n keys. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new AppError("VALIDATION", "validation.failed", {
    fields: result.error.issues.flatMap((issue): FieldError[] =>
      // An unknown field is named by its own path ("parties.0.role"), not by the object holding it.
      issue.code === "unrecognized_keys"
        ? issue.keys.map((key) => ({
            path: [...issue.path, key].map(String).join("."),
            message: "validation.unknownField",
            params: { keys: key },
          }))
        : [
            {
              path: issue.path.map(String).join("."),
              message:
                issue.code === "invalid_type"
                  ? "validation.invalidType"
                  : issue.message.includes(".")
                    ? issue.message
                    : "validation.invalid",
            },
          ],
    ),
  });
}
