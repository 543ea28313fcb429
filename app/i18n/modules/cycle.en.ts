import type { svCycle } from "./cycle.sv.ts";

/** English messages of the cycle module: every key of cycle.sv.ts. */
export const enCycle = {} as const satisfies Record<keyof typeof svCycle, string>;
