/** UI strings of the team feature, in English and Japanese (merged into ui.ts). */
export const teamEn = {
} as const;

export const teamJa: Record<keyof typeof teamEn, string> = {
};
