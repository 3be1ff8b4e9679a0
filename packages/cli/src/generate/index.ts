// The generate stage: model + options -> files of the SDK, in memory. Pure: it
// never touches the file system (only the CLI writes), and the same input
// always gives byte-identical output.
import type { PlanModel } from '../model/types.js';
import { emitTypes } from './emit-types.js';
import { formatJavaScript, formatTypeScript } from './format.js';
import type { GeneratedFile, GenerateOptions } from './options.js';
import { refuseCatastrophicPatterns } from './refuse-catastrophic-patterns.js';
import { render } from './render.js';
import { typeEntries, validatorEntries } from './schema-entries.js';
import { buildSdkView, headerComment, reservedTypeNames } from './view-model.js';

export type { GeneratedFile, GenerateOptions } from './options.js';

export async function generate(model: PlanModel, options: GenerateOptions): Promise<GeneratedFile[]> {
  refuseCatastrophicPatterns(model);
  const types = await emitTypes(typeEntries(model), reservedTypeNames(model));
  const index = await formatTypeScript(render('sdk.ts.hbs', buildSdkView(model, options, types)));
  const files: GeneratedFile[] = [];

  if (options.language === 'js') {
    const { toJavaScript } = await import('./to-javascript.js');
    const { code, declarations } = toJavaScript(index, headerComment(model));
    files.push(
      { path: 'index.js', content: await formatJavaScript(code) },
      { path: 'index.d.ts', content: await formatTypeScript(declarations) },
    );
  } else {
    files.push({ path: 'index.ts', content: index });
  }

  if (options.mode === 'development') {
    // Loaded only when validators are emitted: production builds never need ajv.
    const { compileValidators } = await import('./validators/compile-validators.js');
    const validators = compileValidators(validatorEntries(model), { language: options.language });
    if (options.language === 'js') {
      files.push({ path: 'validators.js', content: validators.code });
      if (validators.declarations !== undefined) files.push({ path: 'validators.d.ts', content: validators.declarations });
    } else {
      files.push({ path: 'validators.ts', content: validators.code });
    }
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
