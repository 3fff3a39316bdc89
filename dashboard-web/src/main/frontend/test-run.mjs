// Runs the bundled unit tests with Node's built-in runner (Node 18 and 20 take files, not globs).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'target', 'frontend-test');
const files = readdirSync(dir).filter(f => f.endsWith('.test.mjs')).map(f => join(dir, f));
const run = spawnSync(process.execPath, ['--test', ...files], { stdio: 'inherit' });
process.exit(run.status ?? 1);
