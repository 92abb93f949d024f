/** The seeded PRNG (mulberry32) for repeatable property tests: the one in src/lib/bench/synthetic.ts. */
export { prng } from '../../src/lib/bench/synthetic.ts';
