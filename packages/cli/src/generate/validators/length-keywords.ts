// maxLength/minLength for the precompiled validators: ajv's own definitions, with a cheap first test
// in front of the code-point count. A string never has more code points than UTF-16 units, so
// `value.length` alone settles `maxLength` for every string not longer than the limit, and
// `minLength` for every string shorter than it; only the rest are counted, as ajv counts them.
import { createRequire } from 'node:module';
import { _, type Ajv, type KeywordCxt } from 'ajv';
import { useFunc } from 'ajv/dist/compile/util.js';

// Required, not imported: ajv must see its own helper (it emits `require(...)` from the `code` on it),
// and ESM-to-CommonJS interop differs between Node.js and the test runner.
const { default: ucs2length } = createRequire(import.meta.url)('ajv/dist/runtime/ucs2length') as {
  default: Parameters<typeof useFunc>[1];
};

export function useLengthShortcuts(ajv: Ajv): void {
  for (const keyword of ['maxLength', 'minLength'] as const) {
    const standard = ajv.getKeyword(keyword);
    if (typeof standard !== 'object') throw new Error(`plangen internal error: ajv has no ${keyword} keyword to replace.`);
    ajv.removeKeyword(keyword);
    ajv.addKeyword({
      ...standard,
      keyword,
      // Where ajv's vocabulary has them, so errors come in ajv's order.
      before: 'pattern',
      code(cxt: KeywordCxt) {
        const { data, schemaCode } = cxt;
        const count = _`${useFunc(cxt.gen, ucs2length)}(${data})`;
        cxt.fail$data(
          keyword === 'maxLength'
            ? _`${data}.length > ${schemaCode} && ${count} > ${schemaCode}`
            : _`(${data}.length < ${schemaCode} || ${count} < ${schemaCode})`,
        );
      },
    });
  }
}
