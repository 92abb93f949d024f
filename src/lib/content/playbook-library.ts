/**
 * The playbook library page's data: every playbook in the page's language with its facets (what the
 * filters match on), in phase order then title, and the filter menus with the options in use.
 * Pure: the page renders it, the client script filters the facets (src/lib/playbook-filter.ts).
 */
import { collator, tx, type Locale } from '../../i18n/locales.ts';
import type { Translate } from '../../i18n/translator.ts';
import type { UIKey } from '../../i18n/ui.ts';
import { LAYERS, PHASES, PLAYBOOK_TYPES, TOUCHES } from '../../schemas/index.ts';
import type { FilterKey, PlaybookFacets } from '../playbook-filter.ts';
import type { ContentSet } from './collections.ts';
import { localisePlaybook } from './playbook.ts';

export interface LibraryFilter {
  key: FilterKey;
  label: string;
  options: { key: string; label: string }[];
}

export function playbookLibrary(c: ContentSet, lang: Locale, t: Translate) {
  const coll = collator(lang);
  const playbooks = [...c.playbooks.values()].map((p) => {
    const l = lang === 'en' ? p.data : localisePlaybook(p.data, c.playbookTranslations.get(lang)?.get(p.id)?.data);
    const facets: PlaybookFacets = {
      id: p.id, title: l.title, phase: p.data.phase, type: p.data.type, layer: p.data.layers, touch: p.data.touch,
      element: p.data.trains.map((x) => `${x.framework}/${x.element}`), owner: p.data.ownerRole, reviewed: p.data.reviewed ?? '',
      phaseOrder: PHASES.indexOf(p.data.phase),
    };
    return { id: p.id, l, facets, translated: lang === 'en' || (c.playbookTranslations.get(lang)?.has(p.id) ?? false) };
  }).sort((a, b) => a.facets.phaseOrder - b.facets.phaseOrder || coll.compare(a.l.title, b.l.title));
  const usedElements = [...new Set(playbooks.flatMap((p) => p.facets.element))].map((key) => {
    const [fw, el] = key.split('/');
    return { key, label: tx(c.frameworks.get(fw)?.data.elements.find((e) => e.id === el)?.name, lang) };
  }).sort((a, b) => coll.compare(a.label, b.label));
  const owners = [...new Set(playbooks.map((p) => p.facets.owner))].map((id) => ({ key: id, label: tx(c.roles.get(id)?.data.name, lang) }));
  const menu = (prefix: string, values: readonly string[]) => values.map((x) => ({ key: x, label: t(`${prefix}.${x}` as UIKey) }));
  const filters: LibraryFilter[] = [
    { key: 'phase', label: t('playbook.phase'), options: menu('enum.phase', PHASES) },
    { key: 'type', label: t('playbook.type'), options: menu('enum.type', PLAYBOOK_TYPES) },
    { key: 'layer', label: t('playbook.layers'), options: menu('enum.layer', LAYERS) },
    { key: 'touch', label: t('playbook.touch'), options: menu('enum.touch', TOUCHES) },
    { key: 'element', label: t('playbooks.element'), options: usedElements },
    { key: 'owner', label: t('playbook.ownerRole'), options: owners },
  ];
  return { playbooks, filters };
}
