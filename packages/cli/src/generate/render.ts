// Prints a view with its handlebars template. Templates live in the root
// `templates/` folder of the workspace and are copied into the package by
// scripts/build-cli.mjs; each is compiled once per process.
import { readFileSync } from 'node:fs';
import Handlebars from 'handlebars';

// A process-wide cache that is safe to share: keyed by template name, it holds only the package's own
// templates compiled (bounded by the templates folder, the same for every plan and run).
const cache = new Map<string, ReturnType<typeof Handlebars.compile>>();

// From packages/cli/src/generate/ (workspace) the sources are three folders up;
// from packages/cli/dist/generate/ (package) the copy sits beside dist/.
function templatesFolder(): URL {
  const fromSource = new URL('.', import.meta.url).pathname.endsWith('/src/generate/');
  return new URL(fromSource ? '../../../../templates/' : '../../templates/', import.meta.url);
}

export function render(templateName: string, view: object): string {
  let template = cache.get(templateName);
  if (!template) {
    const source = readFileSync(new URL(templateName, templatesFolder()), 'utf8');
    // The view holds only text escape.ts made safe for code, so handlebars' HTML escaping stays off; strict
    // makes a key the view lacks (a misspelling) throw instead of printing nothing.
    template = Handlebars.compile(source, { noEscape: true, strict: true, preventIndent: true });
    cache.set(templateName, template);
  }
  return template(view);
}
