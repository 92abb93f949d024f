/** Every schema, one import away (the collection registry in src/lib/content/collections.ts uses these). */
export * from './common.ts';
export * from './framework.ts';
export * from './role.ts';
export * from './playbook.ts';
export * from './journey.ts';
export * from './onboarding.ts';
export * from './glossary.ts';
export * from './health.ts';
export * from './policy.ts';
export * from './assessment.ts';
export * from './team.ts';
export * from './search.ts';
