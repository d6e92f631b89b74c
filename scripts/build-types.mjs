// Declarations for each package's dist/, from the same sources rollup built.
import { execFileSync } from 'node:child_process';
import { writeFileSync, rmSync } from 'node:fs';

for (const name of ['core', 'adapter-memory', 'adapter-rest', 'elements', 'react']) {
  const config = `packages/${name}/tsconfig.build.json`;
  writeFileSync(
    config,
    JSON.stringify({
      extends: './tsconfig.json',
      compilerOptions: { declaration: true, emitDeclarationOnly: true, noEmit: false, customConditions: [], declarationMap: true },
      include: ['src/**/*.ts'],
    }),
  );
  try {
    execFileSync('npx', ['tsc', '-p', config], { stdio: 'inherit' });
  } finally {
    rmSync(config);
  }
}
