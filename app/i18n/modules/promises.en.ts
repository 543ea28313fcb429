import type { svPromises } from "./promises.sv.ts";

/** English messages of the promises module: every key of promises.sv.ts. */
export const enPromises = {} as const satisfies Record<keyof typeof svPromises, string>;
