// `plangen audit` on a seeded synthetic app of 2,000 TypeScript files (200 with --quick),
// generated here at bench time and never committed: 20 feature folders, each file
// importing SDK functions (by name, aliased, or through a namespace import), calling a few,
// importing a neighbour, and one file in ten making a raw `window.analytics.track` call
// (planned, unplanned or with a template-literal name). The baseline, in the same run, is
// `tsc --noEmit` of the same project: audit is read against what one type-check of the app costs.
//
//   node audit.mjs [--quick]   builds plangen into .work/audit-alone, runs the section and prints its markdown
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { measureNode } from './lib/measure.mjs';
import { REPO } from './lib/tools.mjs';
import { writeSyntheticPlan } from './synthetic-plan.mjs';

const TSC = createRequire(join(REPO, 'package.json')).resolve('typescript/bin/tsc');
const EVENTS = 100;
const FOLDERS = 20;

export async function run({ workDir, plangenBin, coreEntry, quick, log }) {
  const sizes = quick ? [200] : [200, 2000];
  const rows = [];
  for (const files of sizes) {
    const app = join(workDir, `audit-app-${files}`);
    log(`audit: writing the ${files}-file synthetic app`);
    const plan = await writeApp(app, files, { plangenBin, coreEntry });
    log(`audit: plangen audit on ${files} files`);
    const audit = await measureNode(plangenBin, ['audit', '--plan', plan, '--sdk', 'src/analytics', '--format', 'json', '--fail-on', 'none'], { cwd: app });
    const report = JSON.parse(audit.stdout);
    log(`audit: tsc --noEmit on ${files} files`);
    const tsc = await measureNode(TSC, ['--noEmit', '-p', 'tsconfig.json'], { cwd: app });
    rows.push({ files, audit, tsc, report });
  }
  return render(rows);
}

/** Writes the app (tsconfig, generated SDK, `files` source files) into `dir`; returns its plan's path. */
async function writeApp(dir, files, { plangenBin, coreEntry }) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'node_modules/@plangen'), { recursive: true });
  // The SDK imports @plangen/core/runtime: the bench's own build of it.
  symlinkSync(dirname(dirname(dirname(coreEntry))), join(dir, 'node_modules/@plangen/core'), 'dir');
  const plan = join(dir, 'plan.json');
  const { samples } = writeSyntheticPlan(EVENTS, plan);
  await measureNode(plangenBin, ['generate', '--plan', plan, '--out', 'src/analytics', '--client', 'analytics-next'], { cwd: dir });
  const sdk = readFileSync(join(dir, 'src/analytics/index.ts'), 'utf8');
  const functions = [...sdk.matchAll(/^export function (track\w+)\(/gm)].map((match) => match[1]);
  const events = Object.keys(samples);
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', lib: ['ES2022', 'DOM'], strict: true, skipLibCheck: true, noEmit: true, types: [] }, include: ['src'] }, null, 2),
  );
  writeFileSync(join(dir, 'src/globals.d.ts'), 'export {};\ndeclare global {\n  interface Window {\n    analytics: any;\n  }\n}\n');
  const random = mulberry32(files);
  const pick = (list) => list[Math.floor(random() * list.length)];
  for (let index = 0; index < files; index += 1) {
    const folder = `feature-${String(index % FOLDERS).padStart(2, '0')}`;
    mkdirSync(join(dir, 'src', folder), { recursive: true });
    writeFileSync(join(dir, 'src', folder, `${moduleName(index)}.ts`), sourceFile(index, { functions, events, pick, random }));
  }
  return plan;
}

const moduleName = (index) => `module-${String(index).padStart(4, '0')}`;

function sourceFile(index, { functions, events, pick, random }) {
  const [direct, aliased, viaNamespace] = [pick(functions), pick(functions), pick(functions)];
  const lines = [
    `// Synthetic module ${index}.`,
    `import { ${direct}, ${aliased} as sendAliased${index} } from '../analytics/index.js';`,
    `import * as sdk from '../analytics/index.js';`,
  ];
  if (index > 0) lines.push(`import { handle${index - 1} } from '../${`feature-${String((index - 1) % FOLDERS).padStart(2, '0')}`}/${moduleName(index - 1)}.js';`);
  lines.push(
    '',
    `export interface Input${index} {`,
    '  readonly id: string;',
    '  readonly count: number;',
    '  readonly tags: readonly string[];',
    '}',
    '',
    `export class Store${index} {`,
    '  private readonly items = new Map<string, number>();',
    '  add(id: string, count: number): number {',
    '    const total = (this.items.get(id) ?? 0) + count;',
    '    this.items.set(id, total);',
    '    return total;',
    '  }',
    '}',
    '',
    `export function handle${index}(input: Input${index}): number {`,
    `  const store = new Store${index}();`,
    '  let total = 0;',
    '  for (const tag of input.tags) total += store.add(`${input.id}:${tag}`, input.count);',
    `  ${direct}({} as never);`,
    `  if (total > ${Math.floor(random() * 100)}) sendAliased${index}({} as never);`,
    `  sdk.${viaNamespace}({} as never);`,
  );
  if (index > 0) lines.push(`  total += handle${index - 1}({ ...input, count: input.count - 1 });`);
  if (index % 10 === 3) lines.push(`  window.analytics.track(${JSON.stringify(pick(events))}, { total });`);
  if (index % 50 === 7) lines.push(`  window.analytics.track('Unplanned Event ${index}', { total });`);
  if (index % 100 === 11) lines.push('  window.analytics.track(`${input.id} Viewed`, { total });');
  lines.push('  return total;', '}', '');
  return lines.join('\n');
}

/** Seeded PRNG (mulberry32): the same app for the same size, every run. */
function mulberry32(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;

function render(rows) {
  const lines = [
    '## plangen audit on a synthetic app',
    '',
    `A seeded app (\`bench/audit.mjs\`, generated at bench time) against a ${EVENTS}-event plan and its generated SDK. Baseline: \`tsc --noEmit\` of the same project in the same run.`,
    '',
    '| files | audit wall | audit CPU | audit peak RSS | tsc --noEmit wall | tsc CPU | audit / tsc (CPU) | SDK calls | raw calls |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const { files, audit, tsc, report } of rows) {
    const { counts } = report;
    const raw = counts['raw-planned'] + counts['raw-unplanned'] + counts['raw-dynamic'];
    lines.push(
      `| ${files.toLocaleString('en-US')} | ${seconds(audit.wallMs)} | ${seconds(audit.cpuMs)} | ${Math.round(audit.maxRssKb / 1024)} MB | ${seconds(tsc.wallMs)} | ${seconds(tsc.cpuMs)} | ${(audit.cpuMs / tsc.cpuMs).toFixed(2)}x | ${counts['sdk-call'].toLocaleString('en-US')} | ${raw} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { buildPlangen } = await import('./lib/build-plangen.mjs');
  const workDir = join(fileURLToPath(new URL('.', import.meta.url)), '.work/audit-alone');
  rmSync(workDir, { recursive: true, force: true });
  mkdirSync(workDir, { recursive: true });
  const plangen = await buildPlangen(join(workDir, 'plangen'));
  const log = (line) => process.stderr.write(`${line}\n`);
  process.stdout.write(await run({ workDir, plangenBin: plangen.bin, coreEntry: plangen.coreEntry, quick: process.argv.includes('--quick'), log }));
}
