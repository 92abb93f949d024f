/** The header CSP for the built site: every hash from the pages' meta tags (the same policy as dist/_headers). */
export { sitePolicyFromDist as siteHeaderPolicy } from '../../src/integrations/static-headers.ts';
