import { LOCALES, type Locale } from './locales.ts';

/** getStaticPaths entries for both locales: English at the root, Japanese under /ja/. */
export function langPaths<P extends Record<string, string>, X extends object = object>(
  items: { params: P; props?: X }[] = [{ params: {} as P }],
) {
  return LOCALES.flatMap((lang: Locale) =>
    items.map((it) => ({
      params: { ...it.params, lang: lang === 'en' ? undefined : lang },
      props: { ...(it.props ?? ({} as X)), lang },
    })),
  );
}
