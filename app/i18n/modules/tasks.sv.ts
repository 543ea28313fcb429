/** Swedish messages of the tasks module; merged into sv.ts. */
export const svTasks = {} as const;
