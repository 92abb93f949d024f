/** UI strings of the search feature, in English and Japanese (merged into ui.ts). */
export const searchEn = {
  'search.none': 'No results. Try other words, or English/Japanese synonyms.',
  'search.loading': 'Loading search…',
  'search.error': 'Search could not be loaded. Try again later.',
  'search.all': 'See all results',
  'search.results': 'results',
  'search.noscript': 'Search needs JavaScript. Every page is also reachable from the navigation.',
  'search.type.playbook': 'Playbook',
  'search.type.journey': 'Journey',
  'search.type.element': 'Skill',
  'search.type.framework': 'Framework',
  'search.type.role': 'Role',
  'search.type.onboarding': 'Onboarding',
  'search.type.glossary': 'Term',
  'search.type.health-model': 'Health model',
  'search.why.synonym': 'Found through the synonym “{word}”',
  'search.why.en': 'Found through the English “{word}”',
  'search.why.ja': 'Found through the Japanese “{word}”',
  'search.why.intent': 'Suggested for “{word}”',
  'search.untranslated': 'Not yet translated',
} as const;

export const searchJa: Record<keyof typeof searchEn, string> = {
  'search.none': '見つかりませんでした。別の言葉や、英語・日本語の同義語で試してください。',
  'search.loading': '検索を読み込んでいます…',
  'search.error': '検索を読み込めませんでした。しばらくしてからもう一度お試しください。',
  'search.all': 'すべての結果を見る',
  'search.results': '件',
  'search.noscript': '検索には JavaScript が必要です。すべてのページはナビゲーションからもたどれます。',
  'search.type.playbook': 'プレイブック',
  'search.type.journey': 'ジャーニー',
  'search.type.element': 'スキル',
  'search.type.framework': 'フレームワーク',
  'search.type.role': 'ロール',
  'search.type.onboarding': 'オンボーディング',
  'search.type.glossary': '用語',
  'search.type.health-model': 'ヘルスモデル',
  'search.why.synonym': '同義語「{word}」で見つかりました',
  'search.why.en': '英語の「{word}」で見つかりました',
  'search.why.ja': '日本語の「{word}」で見つかりました',
  'search.why.intent': '「{word}」に関連するページです',
  'search.untranslated': '英語のみ',
};

/** What the search scripts need to render results, from the page's translator (written into data-labels). */
export function searchLabels(t: (key: keyof typeof searchEn) => string) {
  return {
    none: t('search.none'),
    loading: t('search.loading'),
    error: t('search.error'),
    all: t('search.all'),
    results: t('search.results'),
    types: Object.fromEntries(
      (['playbook', 'journey', 'element', 'framework', 'role', 'onboarding', 'glossary', 'health-model'] as const).map(
        (k) => [k, t(`search.type.${k}`)],
      ),
    ),
    why: {
      synonym: t('search.why.synonym'),
      en: t('search.why.en'),
      ja: t('search.why.ja'),
      intent: t('search.why.intent'),
    },
    untranslated: t('search.untranslated'),
  };
}
export type SearchLabels = ReturnType<typeof searchLabels>;
