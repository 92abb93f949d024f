/** One page of every page type (path below the language root), shared by the layout test and `npm run screenshots`. */
export const PAGE_TYPES: readonly { name: string; path: string }[] = [
  { name: 'home', path: '' },
  { name: 'onboarding', path: 'onboarding/' },
  { name: 'onboarding-track', path: 'onboarding/new-csm/' },
  { name: 'playbooks', path: 'playbooks/' },
  { name: 'playbook', path: 'playbooks/kickoff/' },
  { name: 'journeys', path: 'journeys/' },
  { name: 'journey', path: 'journeys/high-touch-b2b/' },
  { name: 'plane', path: 'plane/' },
  { name: 'skills', path: 'skills/' },
  { name: 'framework', path: 'skills/cs-skills/' },
  { name: 'element', path: 'skills/cs-skills/customer-health/' },
  { name: 'roles', path: 'roles/' },
  { name: 'role', path: 'roles/csm/' },
  { name: 'assess', path: 'assess/' },
  { name: 'team', path: 'team/' },
  { name: 'team-member', path: 'team/members/aoi-tanaka/' },
  { name: 'health', path: 'health/' },
  { name: 'health-model', path: 'health/high-touch-health/' },
  { name: 'simulator', path: 'health/simulator/' },
  { name: 'batch', path: 'health/batch/' },
  { name: 'glossary', path: 'glossary/' },
  { name: 'glossary-term', path: 'glossary/churn/' },
  { name: 'search', path: 'search/?q=churn' },
  { name: 'progress', path: 'progress/' },
];

/** Viewports the portal is designed for: a phone and a laptop. */
export const VIEWPORTS = { phone: { width: 390, height: 844 }, laptop: { width: 1280, height: 900 } } as const;
