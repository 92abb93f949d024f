/** The seeded PRNG (mulberry32) for repeatable property tests: the one in scripts/lib/synthetic.ts. */
export { prng } from '../../scripts/lib/synthetic.ts';
