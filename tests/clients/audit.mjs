// The graphql-http server audit (GraphQL over HTTP, MUST/SHOULD/MAY) against one URL.
// Prints each audit that did not pass, then one JSON line: { "MUST": [passed, total], ... }.
// Usage: node audit.mjs http://127.0.0.1:8080/graphql
import { auditServer } from 'graphql-http';

const url = process.argv[2];
if (!url) {
  console.error('usage: node audit.mjs <url>');
  process.exit(2);
}
const results = await auditServer({ url });
const count = { MUST: [0, 0], SHOULD: [0, 0], MAY: [0, 0] };
for (const result of results) {
  const level = result.name.split(' ')[0];
  count[level][1] += 1;
  if (result.status === 'ok') {
    count[level][0] += 1;
  } else {
    console.log(`${result.status}: ${result.name}${result.reason ? ` (${result.reason})` : ''}`);
  }
}
console.log(JSON.stringify(count));
