// Bundles the page into dashboard-web/target/classes/webroot (served from the jar's classpath), or,
// with --tests, the unit tests into dashboard-web/target/frontend-test for `node --test`.
// Everything is bundled: the page loads nothing from the network but its own server.
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const target = join(here, '..', '..', '..', 'target');

if (process.argv.includes('--tests')) {
  const out = join(target, 'frontend-test');
  rmSync(out, { recursive: true, force: true });
  const tests = readdirSync(join(here, 'test')).filter(f => f.endsWith('.test.ts')).map(f => join(here, 'test', f));
  await esbuild.build({
    entryPoints: tests, outdir: out, bundle: true, platform: 'node', format: 'esm',
    outExtension: { '.js': '.mjs' }, target: 'node18', logLevel: 'warning',
  });
} else {
  const out = join(target, 'classes', 'webroot');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  await esbuild.build({
    entryPoints: [join(here, 'src', 'main.ts')], outfile: join(out, 'app.js'), bundle: true,
    format: 'iife', target: 'es2020', minify: true, sourcemap: 'linked', logLevel: 'warning',
  });
  await esbuild.build({
    entryPoints: [join(here, 'src', 'style.css')], outfile: join(out, 'style.css'), bundle: true,
    minify: true, logLevel: 'warning',
  });
  copyFileSync(join(here, 'src', 'index.html'), join(out, 'index.html'));
}
