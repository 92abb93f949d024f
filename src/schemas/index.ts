export * from './common.ts';
export * from './framework.ts';
export * from './role.ts';
export * from './playbook.ts';
export * from './journey.ts';
export * from './onboarding.ts';
export * from './glossary.ts';
export * from './health.ts';
