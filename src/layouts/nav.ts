/**
 * The header navigation: the tool pages below plus every collection of the registry
 * (src/lib/content/collections.ts) that names a `navOrder`, in that order. A section's label is the
 * UI string `nav.<section>`.
 */
import { COLLECTIONS } from '../lib/content/collections.ts';
import type { UIKey } from '../i18n/index.ts';

/** Pages that are not built from a collection. */
const TOOL_SECTIONS = [
  { section: 'home', path: '/', order: 0 },
  // The playbook map (CS Ops plane) is linked from the playbooks page, not the top menu.
  { section: 'plane', path: '/plane/', order: undefined },
  { section: 'progress', path: '/progress/', order: undefined },
  { section: 'assess', path: '/assess/', order: 60 },
  { section: 'review', path: '/review/', order: 65 },
  { section: 'team', path: '/team/', order: 70 },
  { section: 'search', path: '/search/', order: undefined },
] as const;

type CollectionSection = {
  [K in keyof typeof COLLECTIONS]: (typeof COLLECTIONS)[K] extends { section?: infer S } ? S : never;
}[keyof typeof COLLECTIONS];
/** Which navigation item a page belongs to. */
export type Section = (typeof TOOL_SECTIONS)[number]['section'] | NonNullable<CollectionSection>;

export interface NavItem {
  section: Section;
  path: string;
  label: UIKey;
}

export const NAV: NavItem[] = [
  ...TOOL_SECTIONS.flatMap((t) =>
    t.order === undefined ? [] : [{ section: t.section as Section, path: t.path, order: t.order }],
  ),
  ...Object.values(COLLECTIONS).flatMap((c) =>
    c.navOrder === undefined || !c.section || !c.indexPage
      ? []
      : [{ section: c.section as Section, path: `/${c.indexPage}`, order: c.navOrder }],
  ),
]
  .sort((a, b) => a.order - b.order)
  .map(({ section, path }) => ({ section, path, label: `nav.${section}` as UIKey }));
