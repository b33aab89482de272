#!/usr/bin/env node
// The CLI is compiled TypeScript in dist/ ("npm install" builds it through the prepare script).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const main = new URL('../dist/src/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(main))) {
  console.error('sitrep: not built yet; run "npm install" (or "npm run build") in the sitrep folder first');
  process.exit(2);
}
await import(main.href);
