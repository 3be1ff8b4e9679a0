// Prints a view with its handlebars template. Templates live in the root
// `templates/` folder of the workspace; the bundled CLI carries them precompiled
// (precompiled-templates.ts), and from the sources each is compiled once per process.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Handlebars from 'handlebars/runtime';
import { PRECOMPILED } from './precompiled-templates.js';
import { COMPILE_OPTIONS } from './template-options.js';

type Template = (view: object) => string;

// A process-wide cache that is safe to share: keyed by template name, it holds only the package's own
// templates compiled (bounded by the templates folder, the same for every plan and run).
const cache = new Map<string, Template>();

export function render(templateName: string, view: object): string {
  let template = cache.get(templateName);
  if (!template) {
    const spec = PRECOMPILED[templateName];
    template = spec ? (Handlebars.template(spec) as Template) : compileTemplate(templateName);
    cache.set(templateName, template);
  }
  return template(view);
}

/** From the sources: handlebars' compiler, loaded only here, over the .hbs file. */
export function compileTemplate(templateName: string): Template {
  const { compile } = createRequire(import.meta.url)('handlebars') as typeof import('handlebars');
  return compile(readFileSync(new URL(templateName, templatesFolder()), 'utf8'), COMPILE_OPTIONS);
}

// From packages/cli/src/generate/ (workspace) the sources are three folders up;
// from packages/cli/dist/<folder>/ (package) the copy sits beside dist/.
function templatesFolder(): URL {
  const fromSource = new URL('.', import.meta.url).pathname.endsWith('/src/generate/');
  return new URL(fromSource ? '../../../../templates/' : '../../templates/', import.meta.url);
}
