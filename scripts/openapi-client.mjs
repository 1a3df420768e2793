#!/usr/bin/env node
// Generates the SPA's API types from openapi.json (itself generated from the code), or with
// --check fails when the committed file is out of date. The SPA never types the API by hand.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const target = join(root, 'apps/web/src/lib/api-schema.d.ts');
const spec = JSON.parse(readFileSync(join(root, 'openapi.json'), 'utf8'));
const ast = await openapiTS(spec, { alphabetize: true });
const text = `/* Generated from openapi.json by scripts/openapi-client.mjs: do not edit. */\n${astToString(ast)}`;

if (process.argv.includes('--check')) {
  let committed = '';
  try {
    committed = readFileSync(target, 'utf8');
  } catch {
    // missing counts as drift
  }
  if (committed !== text) {
    console.error('apps/web/src/lib/api-schema.d.ts is out of date: run `npm run openapi:generate` and commit it');
    process.exit(1);
  }
  console.log('api-schema.d.ts matches openapi.json');
} else {
  writeFileSync(target, text);
  console.log(`wrote ${target}`);
}
