// The docs formats are spelled once in code (catalog/formats.ts); the flag, the config check and
// the docs that show them follow that list, in its order.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DOCS_FORMATS } from '../../packages/cli/src/catalog/formats.js';
import { main } from '../../packages/cli/src/cli.js';
import { captureOutput } from '../cli/helpers.js';

describe('documented docs formats', () => {
  it('docs/docs-command.md and docs/config.md list every format', () => {
    const command = readFileSync('docs/docs-command.md', 'utf8');
    const config = readFileSync('docs/config.md', 'utf8');
    expect(command).toContain(`| \`--format ${DOCS_FORMATS.join('\\|')}\` |`);
    expect(config).toContain(`"format"?: ${DOCS_FORMATS.map((format) => `"${format}"`).join(' \\| ')} }`);
  });

  it('a wrong --format is a usage error that names every format', async () => {
    const io = captureOutput();
    expect(await main(['docs', '--plan', 'plan.yaml', '--out', 'x', '--format', 'pdf'])).toBe(1);
    expect(io.stderr()).toBe(`plangen: --format cannot be "pdf": use one of ${DOCS_FORMATS.map((format) => `"${format}"`).join(', ')}. Run \`plangen docs --help\` for usage.\n`);
  });
});
