/** UI strings of offline reading and the new-version prompt, in English and Japanese (merged into ui.ts). */
export const offlineEn = {
  'offline.update': 'A new version of the portal is available.',
  'offline.reload': 'Reload',
  'offline.later': 'Later',
} as const;

export const offlineJa: Record<keyof typeof offlineEn, string> = {
  'offline.update': 'ポータルの新しいバージョンがあります。',
  'offline.reload': '再読み込み',
  'offline.later': 'あとで',
};
