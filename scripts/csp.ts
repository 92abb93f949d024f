// Prints the site's Content-Security-Policy (every inline hash the built pages need) as an nginx line.
import { sitePolicyFromDist } from '../src/integrations/static-headers.ts';

const dist = process.argv[2] || 'dist';
console.log(`add_header Content-Security-Policy "${sitePolicyFromDist(dist)}" always;`);
