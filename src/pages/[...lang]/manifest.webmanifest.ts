/** The web app manifest, one per language (/manifest.webmanifest, /ja/manifest.webmanifest): the portal can be installed. */
import type { APIRoute } from 'astro';
import { useTranslations, type Locale } from '~/i18n/index.ts';
import { langPaths } from '~/i18n/paths.ts';
import { localePath } from '~/lib/urls.ts';

export function getStaticPaths() {
  return langPaths();
}

export const GET: APIRoute = ({ props }) => {
  const lang = (props as { lang: Locale }).lang;
  const t = useTranslations(lang);
  const base = import.meta.env.BASE_URL;
  const root = localePath('en', '/', base);
  const manifest = {
    name: `${t('site.name')} — ${t('site.tagline')}`,
    short_name: t('site.name'),
    lang,
    start_url: localePath(lang, '/', base),
    scope: root,
    display: 'standalone',
    background_color: '#ffffff',
    theme_color: '#0b6b5d',
    icons: [{ src: `${root}favicon.svg`, sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
  };
  return new Response(JSON.stringify(manifest, null, 2), {
    headers: { 'content-type': 'application/manifest+json; charset=utf-8' },
  });
};
