// Each list of choices is spelled once in code (an `as const` list); the docs that
// show it to users must say the same, in the same order.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OUTPUT_FORMATS } from '../../packages/cli/src/cli/output-format.js';
import { CLIENT_KINDS, GENERATE_MODES, OUTPUT_LANGUAGES } from '../../packages/cli/src/generate/options.js';
import { PLAN_FORMATS } from '../../packages/cli/src/model/types.js';

const configDoc = readFileSync('docs/config.md', 'utf8');
const readme = readFileSync('README.md', 'utf8');
const validateDoc = readFileSync('docs/validate.md', 'utf8');

/** The second cell of the table row whose first cell is `first`. */
function cell(doc: string, first: string): string {
  const row = doc.split('\n').find((line) => line.startsWith(`| \`${first}\``));
  if (row === undefined) throw new Error(`no table row for ${first}`);
  return row.split(/(?<!\\)\|/)[2] ?? '';
}

const matches = (text: string, pattern: RegExp) => [...text.matchAll(pattern)].map((match) => match[1]);

describe('documented choices follow the one list in code', () => {
  const choices = [
    { key: 'client', flag: '--client <kind>', list: CLIENT_KINDS },
    { key: 'mode', flag: '--mode <mode>', list: GENERATE_MODES },
    { key: 'language', flag: '--language <lang>', list: OUTPUT_LANGUAGES },
    { key: 'inputFormat', flag: '--input-format <format>', list: PLAN_FORMATS },
  ];

  it.each(choices)('docs/config.md lists every $key in the config table and the flag table', ({ key, flag, list }) => {
    expect(matches(cell(configDoc, key), /"([^"]+)"/g)).toEqual([...list]);
    expect(matches(cell(configDoc, flag).split('Overrides')[0] ?? '', /`([^`]+)`/g)).toEqual([...list]);
  });

  it('the README shows the generate flags with their choices', () => {
    const generate = cell(readme, 'plangen` / `plangen generate');
    expect(generate).toContain(`--client ${CLIENT_KINDS.join('\\|')} `);
    expect(generate).toContain(`--mode ${GENERATE_MODES.join('\\|')} `);
    expect(generate).toContain(`--language ${OUTPUT_LANGUAGES.join('\\|')} `);
  });

  it('docs/validate.md and the README show the --format choices', () => {
    const documented = `--format ${OUTPUT_FORMATS.join('\\|')}`;
    expect(cell(validateDoc, documented)).not.toBe('');
    expect(readme).toContain(`\`plangen inspect PLAN\``);
    expect(cell(readme, 'plangen inspect PLAN')).toContain(documented);
    expect(cell(readme, 'plangen validate --plan PLAN [FILES..]')).toContain(documented);
  });
});
