// Builds a browser package: its self-contained bundle (Lit included), the custom-elements manifest and the .d.ts
// types. Shared by packages/components and packages/booking-widget, whose build.mjs only names the bundle.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { delimiter } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/** `packageUrl` is the package folder (`new URL('.', import.meta.url)`); `outfile` is relative to it. */
export async function buildElements(packageUrl, outfile) {
  const cwd = fileURLToPath(packageUrl);
  // The package's and the workspace's bins (cem, tsc), also when this runs as plain `node build.mjs`.
  const binPath = ['node_modules/.bin', '../../node_modules/.bin'].map((bin) =>
    fileURLToPath(new URL(bin, packageUrl)),
  );
  const env = { ...process.env, PATH: [...binPath, process.env.PATH].join(delimiter) };
  const run = (command, args) => execFileSync(command, args, { cwd, env, stdio: 'inherit' });

  rmSync(new URL('dist', packageUrl), { recursive: true, force: true });
  await build({
    absWorkingDir: cwd,
    entryPoints: ['src/index.ts'],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    // @tanstack/virtual-core reads process.env.NODE_ENV, which a bundle must replace.
    define: { 'process.env.NODE_ENV': '"production"' },
    sourcemap: true,
    tsconfig: 'tsconfig.json',
    logLevel: 'info',
  });
  run('cem', ['analyze', '--litelement', '--globs', 'src/**/*.component.ts', '--outdir', 'dist']);
  run('tsc', ['-p', 'tsconfig.build.json']);
}
