// Expands the JSON-LD document on stdin with jsonld.js in safe mode (a term that would be dropped is an error) and prints
// the expanded form. No network: the schema.org context is served from here as what it does for these documents, a
// vocabulary mapping every term to https://schema.org/.
import jsonld from 'jsonld';

const schemaOrg = { '@context': { '@vocab': 'https://schema.org/' } };
const documentLoader = async (url) => {
  if (/^https?:\/\/schema\.org\/?$/.test(url)) {
    return { contextUrl: null, documentUrl: url, document: schemaOrg };
  }
  throw new Error(`No network here: ${url} is not a known context.`);
};

let input = '';
for await (const chunk of process.stdin) input += chunk;
try {
  const expanded = await jsonld.expand(JSON.parse(input), { documentLoader, safe: true });
  process.stdout.write(JSON.stringify(expanded));
} catch (error) {
  process.stderr.write(`JSON-LD expansion failed: ${error.message}\n${JSON.stringify(error.details ?? {})}\n`);
  process.exit(1);
}
