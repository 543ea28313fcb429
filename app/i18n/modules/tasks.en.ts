import type { svTasks } from "./tasks.sv.ts";

/** English messages of the tasks module: every key of tasks.sv.ts. */
export const enTasks = {} as const satisfies Record<keyof typeof svTasks, string>;
