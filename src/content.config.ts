/**
 * Astro content collections. The schemas are the same ones the content check, the tests and the
 * run-time import validation use (src/schemas). Cross-references are checked by
 * src/integrations/content-check.ts because Astro does not fail the build on them.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import {
  Framework, GlossaryTerm, HealthModel, Journey, OnboardingTrack, Playbook, PlaybookTranslation, Role,
} from './schemas/index.ts';
import { TeamMember } from './schemas/team.ts';
import { SearchSynonyms } from './schemas/search.ts';

const yaml = (dir: string) => glob({ base: `./content/${dir}`, pattern: '**/*.{yaml,yml}' });

export const collections = {
  frameworks: defineCollection({ loader: yaml('frameworks'), schema: Framework }),
  roles: defineCollection({ loader: yaml('roles'), schema: Role }),
  journeys: defineCollection({ loader: yaml('journeys'), schema: Journey }),
  onboarding: defineCollection({ loader: yaml('onboarding'), schema: OnboardingTrack }),
  glossary: defineCollection({ loader: yaml('glossary'), schema: GlossaryTerm }),
  healthModels: defineCollection({ loader: yaml('healthModels'), schema: HealthModel }),
  /** Optional team data for teams that keep reviews in a private repository (content/team/<id>.yaml). */
  team: defineCollection({ loader: yaml('team'), schema: TeamMember }),
  /** Search synonyms and intent phrases (content/search/*.yaml). */
  search: defineCollection({ loader: yaml('search'), schema: SearchSynonyms }),
  playbooks: defineCollection({ loader: glob({ base: './content/playbooks/en', pattern: '*.md' }), schema: Playbook }),
  /** Translations: content/playbooks/<locale>/<id>.md, ids "<locale>/<id>". */
  playbookTranslations: defineCollection({
    loader: glob({ base: './content/playbooks', pattern: ['*/*.md', '!en/**'] }),
    schema: PlaybookTranslation,
  }),
};
