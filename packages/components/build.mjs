// Builds the self-contained bundle (Lit included), the custom-elements manifest and the .d.ts types.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { delimiter } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = new URL('.', import.meta.url);
// The package's and the workspace's bins (cem, tsc), also when this runs as plain `node build.mjs`.
const binPath = ['node_modules/.bin', '../../node_modules/.bin'].map((bin) => fileURLToPath(new URL(bin, root)));
const env = { ...process.env, PATH: [...binPath, process.env.PATH].join(delimiter) };
const run = (command, args) => execFileSync(command, args, { cwd: root, env, stdio: 'inherit' });

rmSync(new URL('dist', root), { recursive: true, force: true });

await build({
  absWorkingDir: fileURLToPath(root),
  entryPoints: ['src/index.ts'],
  outfile: 'dist/clientbase.js',
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  define: { 'process.env.NODE_ENV': '"production"' },
  sourcemap: true,
  tsconfig: 'tsconfig.json',
  logLevel: 'info',
});

run('cem', ['analyze', '--litelement', '--globs', 'src/**/*.component.ts', '--outdir', 'dist']);
run('tsc', ['-p', 'tsconfig.build.json']);
