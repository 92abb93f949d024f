/** UI strings of the health batch scoring and backtest feature, in English and Japanese (merged into ui.ts). */
export const batchEn = {
} as const;

export const batchJa: Record<keyof typeof batchEn, string> = {
};
