import { z } from "zod";
import { requiredText, uuidSchema } from "../shared/text.ts";

export const roles = ["admin", "editor", "contributor", "viewer"] as const;
export const email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: "validation.email" }));
export const password = z.string().min(10, { message: "auth.password.tooShort" }).max(200);

export const CreateUserInput = z
  .object({
    email,
    name: requiredText(200),
    password: password.optional(),
    isPlatformAdmin: z.boolean().default(false),
    locale: z.enum(["sv", "en"]).default("sv"),
  })
  .strict();
export type CreateUserInput = z.input<typeof CreateUserInput>;

export const SignInInput = z.object({
  email,
  password: z.string().min(1, { message: "validation.required" }).max(200),
});

export const SetMembershipInput = z
  .object({ userId: uuidSchema, organisationId: uuidSchema, role: z.enum(roles) })
  .strict();

export const CreateApiTokenInput = z
  .object({ name: requiredText(100), expiresInDays: z.number().int().min(1).max(730).nullable().default(365) })
  .strict();
