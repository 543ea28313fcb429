/** Swedish messages of the promises module; merged into sv.ts. */
export const svPromises = {} as const;
