// A plan whose names, descriptions, keys and values try to break out of strings,
// comments and template literals: every generated SDK compiles, runs, and sends
// the names exactly as the plan writes them.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { generate } from '../../packages/cli/src/generate/index.js';
import { CLIENT_KINDS, type GenerateOptions } from '../../packages/cli/src/generate/options.js';
import { loadPlanText } from '../../packages/cli/src/load/load-plan.js';
import { REPO_ROOT, typeCheck } from './compile-in-memory.js';
import { HOSTILE_TEXT } from './injection-plan.js';

const TMP = `${REPO_ROOT}test/generate/.tmp-injection-${process.pid}/`;
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

const HOSTILE_EVENT = 'Evil */ `${globalThis.pwned = 1}` "q" \u2028 </script>';
const EVENTS = [HOSTILE_EVENT, 'delete', 'class', 'Größe geändert', '__proto__', 'constructor'];

const planText = JSON.stringify({
  name: 'Hostile */ plan',
  description: HOSTILE_TEXT,
  events: Object.fromEntries(
    EVENTS.map((name) => [
      name,
      {
        description: HOSTILE_TEXT,
        versions: [
          {
            version: 1,
            description: HOSTILE_TEXT,
            properties: {
              class: { type: 'string', required: true, description: HOSTILE_TEXT },
              'a */ b': { type: 'string', pattern: '^(x*/|y)$' },
              'quote"key`${x}`': { type: 'string', enum: ['a"b', 'c`${d}`', 'e\u2028f', '</script>'] },
              'größe': { type: 'integer' },
              season: { type: 'string', pattern: '^(fall|"winter"|`spring`)$' },
            },
          },
        ],
      },
    ]),
  ),
});

describe('a hostile plan', () => {
  const { model } = loadPlanText(planText, 'hostile.json');
  const options = CLIENT_KINDS.flatMap((client) =>
    (['development', 'production'] as const).map((mode): GenerateOptions => ({ client, mode, language: 'ts' })),
  );

  it('gives SDKs that compile for every client and mode, with no plan text raw in them', async () => {
    const files: Record<string, string> = {};
    for (const option of options) {
      for (const file of await generate(model, option)) {
        files[`${option.client}-${option.mode}/${file.path}`] = file.content;
        expect(file.content).not.toContain('\u2028');
        expect(file.content.toLowerCase()).not.toContain('</script');
        expect(file.content).not.toContain('require(');
      }
    }
    expect(typeCheck(files)).toEqual([]);
  });

  it('sends every event name exactly as the plan writes it, and runs no plan text', async () => {
    const files = await generate(model, { client: 'analytics-next', mode: 'development', language: 'ts' });
    mkdirSync(TMP, { recursive: true });
    for (const file of files) writeFileSync(TMP + file.path, file.content);
    const sdk = (await import(`${TMP}index.ts`)) as Record<string, (...args: unknown[]) => void>;
    const sent: unknown[] = [];
    sdk['configure']!({ analytics: { track: (event: string) => sent.push(event) }, policy: 'throw' });

    for (const event of model.events) sdk[event.identifiers.fn]!({ class: 'c', season: '`spring`', 'quote"key`${x}`': 'e\u2028f' });

    expect(sent).toEqual(model.events.map((event) => event.name));
    expect([...sent].sort()).toEqual([...EVENTS].sort());
    expect((globalThis as { pwned?: unknown }).pwned).toBeUndefined();
  });
});
