// docs/audit.md shows the one list of finding kinds (audit/kinds.ts) in order, with the
// default severities, and the --format choices the flag takes.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_AUDIT_SEVERITIES, AUDIT_KINDS, AUDIT_SEVERITIES } from '../../packages/cli/src/audit/kinds.js';
import { AUDIT_OUTPUT_FORMATS } from '../../packages/cli/src/cli/output-format.js';

const doc = readFileSync('docs/audit.md', 'utf8');

describe('docs/audit.md follows the lists in code', () => {
  it('lists every finding kind in order, with its default severity', () => {
    const rows = doc
      .split('\n')
      .filter((line) => /^\| `[a-z-]+` \| `[a-z]+` \|/.test(line))
      .map((line) => line.split('|').slice(1, 3).map((cell) => cell.trim().replace(/`/g, '')));
    expect(rows).toEqual(AUDIT_KINDS.map((kind) => [kind, DEFAULT_AUDIT_SEVERITIES[kind]]));
  });

  it('shows the --format choices and the severities the config takes', () => {
    expect(doc).toContain(`\`--format ${AUDIT_OUTPUT_FORMATS.join('\\|')}\``);
    expect(doc).toContain(AUDIT_SEVERITIES.map((severity) => `\`"${severity}"\``).join(', ').replace(/, (?=[^,]*$)/, ' or '));
  });
});
