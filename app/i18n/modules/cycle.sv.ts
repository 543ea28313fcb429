/** Swedish messages of the cycle module; merged into sv.ts. */
export const svCycle = {} as const;
