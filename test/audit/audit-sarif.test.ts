// `plangen audit --format sarif` against the SARIF 2.1.0 JSON Schema, with ajv.
//
// sarif-schema-2.1.0.json beside this file is the official schema, byte for byte:
// oasis-tcs/sarif-spec, Schemata/sarif-schema-2.1.0.json at commit
// 85971b3e048f61a6d643b95fc6233d073302f5b8 (112,785 characters), kept here so the
// test needs no network.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../packages/cli/src/cli.js';
import { captureOutput } from '../cli/helpers.js';

const requireFromCli = createRequire(new URL('../../packages/cli/package.json', import.meta.url));
const { default: Ajv2020 } = requireFromCli('ajv/dist/2020') as { default: new (options: object) => AjvLike };
const { default: addFormats } = requireFromCli('ajv-formats') as { default: (ajv: AjvLike) => void };

interface AjvLike {
  compile(schema: object): ((data: unknown) => boolean) & { errors?: unknown };
}

const FIXTURES = fileURLToPath(new URL('../../fixtures/audit/', import.meta.url));
const schema = JSON.parse(readFileSync(new URL('sarif-schema-2.1.0.json', import.meta.url), 'utf8')) as object;

/**
 * The schema as published has two quirks ajv refuses: a pattern with Java's inline `(?i)`
 * flag (run.language, toolComponent.language), which becomes the `i` flag here, and region's
 * `anyOf` (a region needs startLine, charOffset or byteOffset) written inside its
 * `properties`, where it reads as a property named "anyOf"; it is moved up to the region,
 * where the spec's text puts the rule (the file itself stays as published).
 */
function sarifValidator() {
  const fixed = structuredClone(schema) as { definitions: { region: { properties: Record<string, unknown>; anyOf?: unknown } } };
  const { region } = fixed.definitions;
  region.anyOf = region.properties['anyOf'];
  delete region.properties['anyOf'];
  const ajv = new Ajv2020({
    strict: false,
    allErrors: true,
    code: {
      regExp: (pattern: string, flags: string) =>
        pattern.startsWith('^(?i)') ? new RegExp(`^${pattern.slice(5)}`, `${flags}i`) : new RegExp(pattern, flags),
    },
  });
  addFormats(ajv);
  return ajv.compile(fixed);
}

beforeEach(() => {
  process.chdir(FIXTURES);
});

describe('plangen audit --format sarif', () => {
  const validate = sarifValidator();

  it('the schema rejects what is not SARIF 2.1.0 (so a pass below means something)', () => {
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ level: 'severe', message: { text: 'm' } }] }] })).toBe(false);
    expect(validate({ version: '2.0.0', runs: [] })).toBe(false);
    const location = (region: object) => [{ physicalLocation: { artifactLocation: { uri: 'a.ts' }, region } }];
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, locations: location({ endLine: 2 }) }] }] })).toBe(false);
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, locations: location({ startLine: 2 }) }] }] })).toBe(true);
  });

  it.each(['window-analytics', 'reexport-index', 'template-literal-name'])('%s: the output is valid SARIF 2.1.0 with one result per finding', async (fixture) => {
    let output = captureOutput();
    const code = await main(['audit', '--project', fixture, '--format', 'sarif']);
    const sarif = JSON.parse(output.stdout()) as { runs: [{ results: { ruleId: string; level: string; locations: unknown[] }[]; tool: { driver: { rules: { id: string }[] } } }] };
    expect(validate(sarif), JSON.stringify(validate.errors, null, 2)).toBe(true);

    output = captureOutput();
    expect(await main(['audit', '--project', fixture, '--format', 'json'])).toBe(code);
    const json = JSON.parse(output.stdout()) as { findings: { kind: string; severity: string; file: string; line: number; column: number }[] };
    const [run] = sarif.runs;
    const levels: Record<string, string> = { note: 'note', warn: 'warning', error: 'error' };
    expect(run.results.map((result) => [result.ruleId, result.level, result.locations])).toEqual(
      json.findings.map((finding) => [
        finding.kind,
        levels[finding.severity],
        [{ physicalLocation: { artifactLocation: { uri: finding.file, uriBaseId: '%SRCROOT%' }, region: { startLine: finding.line, startColumn: finding.column } } }],
      ]),
    );
    expect(run.tool.driver.rules.map((rule) => rule.id)).toEqual(['sdk-call', 'pinned-version', 'raw-planned', 'raw-unplanned', 'raw-dynamic', 'unused-event', 'unused-version']);
  });

  it('a file outside the working directory (the plan, here) is a file: URI, still valid SARIF', async () => {
    process.chdir(`${FIXTURES}window-analytics`);
    const output = captureOutput();
    await main(['audit', '--format', 'sarif']);
    const sarif = JSON.parse(output.stdout()) as { runs: [{ results: { ruleId: string; locations: { physicalLocation: { artifactLocation: object } }[] }[] }] };
    expect(validate(sarif), JSON.stringify(validate.errors, null, 2)).toBe(true);
    const unused = sarif.runs[0].results.find((result) => result.ruleId === 'unused-event');
    expect(unused?.locations[0]?.physicalLocation.artifactLocation).toEqual({ uri: pathToFileURL(`${FIXTURES}plan.yaml`).href });
    const raw = sarif.runs[0].results.find((result) => result.ruleId === 'raw-planned');
    expect(raw?.locations[0]?.physicalLocation.artifactLocation).toEqual({ uri: 'src/app.ts', uriBaseId: '%SRCROOT%' });
  });
});
