/** "1 device", "8 devices": counts in the reasons a check gives. */
export const counted = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;
