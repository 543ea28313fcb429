import type { svActions } from "./actions.sv.ts";

/** English messages of the actions module: every key of actions.sv.ts. */
export const enActions = {} as const satisfies Record<keyof typeof svActions, string>;
