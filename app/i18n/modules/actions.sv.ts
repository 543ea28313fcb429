/** Swedish messages of the actions module; merged into sv.ts. */
export const svActions = {} as const;
