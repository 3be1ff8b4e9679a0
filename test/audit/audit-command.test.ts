// `plangen audit` as a command: text output, --fail-on, severities from the config,
// progress on a TTY only, and one-line errors for what it cannot use.
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../packages/cli/src/cli.js';
import { captureOutput, project } from '../cli/helpers.js';

const FIXTURES = fileURLToPath(new URL('../../fixtures/audit/', import.meta.url));

async function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const output = captureOutput();
  const code = await main(['audit', ...args]);
  return { code, stdout: output.stdout(), stderr: output.stderr() };
}

/** A temp project holding the fixtures' plan and SDK and one fixture app, with `config` as its plangen.config.json. */
async function auditProject(fixture: string, config: object = { plan: 'plan.yaml', out: 'sdk' }): Promise<string> {
  const dir = await project({ 'plangen.config.json': JSON.stringify(config) });
  await cp(path.join(FIXTURES, 'plan.yaml'), path.join(dir, 'plan.yaml'));
  await cp(path.join(FIXTURES, 'sdk'), path.join(dir, 'sdk'), { recursive: true });
  await cp(path.join(FIXTURES, fixture, 'src'), path.join(dir, 'src'), { recursive: true });
  await writeFile(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, allowJs: true, noEmit: true, lib: ['ES2022', 'DOM'], types: [] }, include: ['src'] }));
  return dir;
}

const isTTY = Object.getOwnPropertyDescriptor(process.stderr, 'isTTY');
afterEach(() => {
  if (isTTY) Object.defineProperty(process.stderr, 'isTTY', isTTY);
  else delete (process.stderr as { isTTY?: boolean }).isTTY;
});

describe('plangen audit', () => {
  it('prints findings grouped by kind, then a summary naming what fails the run', async () => {
    process.chdir(FIXTURES);
    const { code, stdout, stderr } = await run('--project', 'window-analytics');
    expect(code).toBe(1);
    expect(stderr).toBe('');
    expect(stdout).toBe(
      [
        'raw-planned (2, warn): Raw client calls of planned events, bypassing the SDK',
        '  window-analytics/src/app.ts:9:1  track() on window.analytics sends "Order Completed" bypassing the SDK. Call trackOrderCompleted() instead.',
        '  window-analytics/src/app.ts:10:1  identify() on window.analytics bypasses the SDK. Call identify() instead, which checks it against the plan.',
        '',
        'raw-unplanned (1, error): Raw client calls of events that are not in the plan',
        '  window-analytics/src/app.ts:11:1  track() on window.rudderanalytics sends "Checkout Started", which is not in the plan. Add it to the plan, or remove the call.',
        '',
        'unused-event (2, warn): Plan events that no code sends',
        '  plan.yaml:14:3  "Signed Up" is in the plan, but no code sends it (no SDK call, no raw call). Remove it from the plan, or send it.',
        '  plan.yaml:17:3  "Cart Viewed" is in the plan, but no code sends it (no SDK call, no raw call). Remove it from the plan, or send it.',
        '',
        'unused-version (1, warn): Event versions that no code sends',
        '  plan.yaml:10:9  "Order Completed" v2 is never sent: nothing calls trackOrderCompletedV2. Remove the version, or send it.',
        '',
        'sends per event and version (SDK uses; raw calls):',
        '  "Cart Viewed": v1 0',
        '  "Order Completed": v1 0, v2 0; 1 raw call',
        '  "Signed Up": v1 0',
        '',
        'plangen audit: 1 file, 2 raw-planned, 1 raw-unplanned, 2 unused-event, 1 unused-version; failing on raw-unplanned (--fail-on)',
        '',
      ].join('\n'),
    );
  });

  it('--fail-on picks the kinds that fail the run: a list, the flag repeated, or none', async () => {
    process.chdir(FIXTURES);
    expect((await run('--project', 'window-analytics', '--fail-on', 'none')).code).toBe(0);
    expect((await run('--project', 'template-literal-name')).code).toBe(0);
    expect((await run('--project', 'template-literal-name', '--fail-on', 'raw-unplanned,raw-dynamic')).code).toBe(1);
    expect((await run('--project', 'template-literal-name', '--fail-on', 'unused-version', '--fail-on', 'raw-dynamic')).code).toBe(1);
    const { code, stdout } = await run('--project', 'reexport-index', '--fail-on', 'pinned-version', '--format', 'json');
    expect(code).toBe(1);
    expect((JSON.parse(stdout) as { failing: string[] }).failing).toEqual(['pinned-version']);
  });

  it.each([[['--fail-on', '']], [['--fail-on']], [['--fail-on', ',']]])('an empty --fail-on (%j) is a usage error', async (args) => {
    const { code, stdout, stderr } = await run('--project', 'window-analytics', ...args);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^plangen: --fail-on is empty: give finding kinds \(sdk-call, .*\) or none, e\.g\. --fail-on raw-unplanned/);
  });

  it('a misspelled --fail-on kind is a usage error that runs nothing', async () => {
    process.chdir(FIXTURES);
    const { code, stdout, stderr } = await run('--project', 'window-analytics', '--fail-on', 'raw-unplaned');
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain(
      '--fail-on takes finding kinds (sdk-call, pinned-version, raw-planned, raw-unplanned, raw-dynamic, unused-event, unused-version) or none, not "raw-unplaned"',
    );
  });

  it('takes each kind\'s severity from the config: off hides a kind, error makes it fail the run by default', async () => {
    await auditProject('const-event-name', { plan: 'plan.yaml', out: 'sdk', audit: { 'raw-unplanned': 'warn', 'unused-event': 'off', 'raw-planned': 'error' } });
    const { code, stdout } = await run('--format', 'json');
    const json = JSON.parse(stdout) as { failing: string[]; findings: { kind: string; severity: string }[] };
    expect(json.findings.map(({ kind, severity }) => `${kind} ${severity}`)).toEqual(['raw-planned error', 'raw-unplanned warn']);
    expect(json.failing).toEqual(['raw-planned']);
    expect(code).toBe(1);
  });

  it('refuses a config whose audit key names an unknown kind or severity, at its place', async () => {
    await auditProject('const-event-name', { plan: 'plan.yaml', out: 'sdk', audit: { 'raw-calls': 'warn' } });
    let result = await run();
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^plangen\.config\.json#\/audit\/raw-calls: invalid plangen config: unknown audit finding kind "raw-calls"\. Use one of "sdk-call", /);
    await writeFile('plangen.config.json', JSON.stringify({ plan: 'plan.yaml', out: 'sdk', audit: { 'raw-planned': 'warning' } }));
    result = await run();
    expect(result.stderr).toContain('plangen.config.json#/audit/raw-planned: invalid plangen config: audit kind "raw-planned" must be "off", "note", "warn", "error", not "warning". Write it like { "raw-planned": "warn" }.');
  });

  it('says what is missing in one line: the SDK folder, the tsconfig', async () => {
    const dir = await auditProject('window-analytics', { plan: 'plan.yaml', out: 'src/analytics' });
    let result = await run();
    expect(result).toMatchObject({ code: 1, stdout: '' });
    expect(result.stderr).toBe('src/analytics: the SDK folder does not exist. Run plangen generate first, or pass --sdk <folder> where the SDK is.\n');
    result = await run('--sdk', 'sdk', '--project', 'app/tsconfig.json');
    expect(result.stderr).toBe('app/tsconfig.json: no such TypeScript project file. Pass --project <tsconfig.json> of the app to audit.\n');
    await mkdir(path.join(dir, 'nested'));
    process.chdir(path.join(dir, 'nested'));
    // The nearest tsconfig.json above the working directory is the project's.
    result = await run('--sdk', '../sdk', '--format', 'json', '--fail-on', 'none');
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as { files: number }).files).toBe(1);
  });

  it('shows progress on stderr on a TTY only, and clears it before the report', async () => {
    process.chdir(FIXTURES);
    Object.defineProperty(process.stderr, 'isTTY', { value: true, configurable: true });
    let result = await run('--project', 'forwarding-wrapper', '--fail-on', 'none');
    expect(result.stderr).toBe('\rplangen audit: reading the project\u001b[K\rplangen audit: 2/2 files\u001b[K\r\u001b[K');
    Object.defineProperty(process.stderr, 'isTTY', { value: false, configurable: true });
    result = await run('--project', 'forwarding-wrapper', '--fail-on', 'none');
    expect(result.stderr).toBe('');
  });
});

describe('plangen audit on a tsconfig it cannot use', () => {
  it('names the tsconfig, the line and column, and the problem', async () => {
    await auditProject('window-analytics');
    await writeFile('tsconfig.json', '{\n  "compilerOptions": { "strict": tru }\n}\n');
    let result = await run();
    expect(result).toMatchObject({ code: 1, stdout: '' });
    expect(result.stderr).toMatch(/^tsconfig\.json:2:34: cannot read the TypeScript project: Property value can only be .*\. Fix the tsconfig, or pass another with --project <tsconfig\.json>\.\n$/);
    await writeFile('tsconfig.json', '{\n  "compilerOptions": { "target": "es1" }\n}\n');
    result = await run();
    expect(result.stderr).toMatch(/^tsconfig\.json:2:34: invalid tsconfig: Argument for '--target' option must be: .*'esnext'\. Fix the tsconfig/);
    await writeFile('tsconfig.json', JSON.stringify({ files: [], references: [{ path: './app' }] }));
    result = await run();
    expect(result.stderr).toBe('tsconfig.json: this tsconfig has no files of its own, only project references (app). Pass --project with the tsconfig of the app to audit.\n');
  });
});

describe('plangen audit with the config\'s outputs', () => {
  it('recognizes the SDK of every output, each with the versions its selection has', async () => {
    const dir = await project({
      'plangen.config.json': JSON.stringify({
        plan: 'plan.yaml',
        outputs: [
          // Order Completed v1 only: there, trackOrderCompleted sends v1.
          { out: 'sdk-legacy', include: { events: ['Order*'] }, exclude: { labels: ['current'] } },
          { out: 'sdk-rest', exclude: { events: ['Order*'] } },
        ],
      }),
      'plan.yaml': [
        'name: Outputs',
        'events:',
        '  Order Completed:',
        '    versions:',
        '      - version: 1',
        '        labels: { generation: legacy }',
        '        properties: { order_id: { type: string } }',
        '      - version: 2',
        '        labels: { current: "yes" }',
        '        properties: { order_id: { type: string }, total: { type: number } }',
        '  Signed Up:',
        '    properties: { method: { type: string } }',
        '  Cart Viewed:',
        '    properties: { cart_id: { type: string } }',
        '',
      ].join('\n'),
      'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, noEmit: true, types: [] }, include: ['src'] }),
      'src/app.ts': [
        "import { trackOrderCompleted } from '../sdk-legacy/index.js';",
        "import { trackSignedUp } from '../sdk-rest/index.js';",
        "trackOrderCompleted({ order_id: 'o' });",
        "trackSignedUp({ method: 'email' });",
        '',
      ].join('\n'),
    });
    const generated = captureOutput();
    expect(await main(['generate']), generated.stderr()).toBe(0);
    process.chdir(dir);
    const { code, stdout } = await run('--format', 'json');
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as { findings: { kind: string; event?: string; version?: number; function?: string }[] };
    expect(report.findings.map(({ kind, event, version, function: fn }) => `${kind} ${event} ${version ?? ''} ${fn ?? ''}`.trim())).toEqual([
      'sdk-call Order Completed 1 trackOrderCompleted',
      'sdk-call Signed Up 1 trackSignedUp',
      'unused-event Cart Viewed',
      'unused-version Order Completed 2',
    ]);
  });
});

describe('plangen audit with a JavaScript SDK', () => {
  it('recognizes the functions of an SDK generated with --language js (index.js with index.d.ts)', async () => {
    const dir = await auditProject('namespace-import');
    await rm(path.join(dir, 'sdk'), { recursive: true });
    // The fixture imports the shared SDK two folders up; here the SDK is the project's own.
    const app = path.join(dir, 'src/app.ts');
    await writeFile(app, (await readFile(app, 'utf8')).replace("'../../sdk/index.js'", "'../sdk/index.js'"));
    const generated = captureOutput();
    expect(await main(['generate', '--language', 'js']), generated.stderr()).toBe(0);
    const { stdout } = await run('--format', 'json');
    const report = JSON.parse(stdout) as { findings: { kind: string; function?: string; version?: number }[] };
    expect(report.findings.filter((finding) => finding.kind === 'sdk-call').map((finding) => `${finding.function} v${finding.version}`)).toEqual([
      'trackOrderCompletedV2 v2',
      'trackSignedUp v1',
    ]);
  });
});

describe('plangen audit output is safe whatever the names', () => {
  it('an event name with quotes, a backtick, a line separator and </script> stays on its one line, escaped', async () => {
    const dir = await auditProject('window-analytics');
    await writeFile(
      path.join(dir, 'src/app.ts'),
      'declare const analytics: any;\nanalytics.track("Say \\"hi\\" `now`\\u2028</script>*/");\n',
    );
    const { stdout } = await run();
    const line = stdout.split('\n').find((text) => text.includes('track() on analytics'));
    expect(line).toBe('  src/app.ts:2:1  track() on analytics sends "Say \\"hi\\" `now`\\u2028</script>*/", which is not in the plan. Add it to the plan, or remove the call.');
    const json = await run('--format', 'json');
    expect((JSON.parse(json.stdout) as { findings: { event?: string }[] }).findings[0]?.event).toBe('Say "hi" `now`\u2028</script>*/');
  });
});
