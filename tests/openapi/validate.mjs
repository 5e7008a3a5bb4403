// Checks an OpenAPI document with both validators the operator API promises to pass:
// swagger-parser's validate (structure, $refs, schemas) and Redocly's lint with its recommended rules.
// Usage: node validate.mjs <document.json>. Exit code 0 when both pass; every finding is printed.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';

const file = process.argv[2];
if (!file) {
  console.error('usage: node validate.mjs <document.json>');
  process.exit(2);
}

let failed = false;
try {
  await SwaggerParser.validate(file);
  console.log('swagger-parser: valid');
} catch (error) {
  console.log(`swagger-parser: ${error.message}`);
  failed = true;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const redocly = path.join(here, 'node_modules', '@redocly', 'cli', 'bin', 'cli.js');
const lint = spawnSync(process.execPath, [redocly, 'lint', file, '--config', path.join(here, 'redocly.yaml'), '--format', 'stylish'], {
  encoding: 'utf8',
  env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
});
console.log(`redocly lint (recommended): exit ${lint.status}`);
console.log(lint.stdout);
console.log(lint.stderr);
if (lint.status !== 0 || /warning/i.test(lint.stdout + lint.stderr.replace(/Deprecation warning[\s\S]*?╝/, ''))) {
  failed = true;
}

process.exit(failed ? 1 : 0);
