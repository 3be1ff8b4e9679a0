// The package's handlebars templates and how they are compiled: by render.ts from the
// sources, and ahead of time by scripts/build-cli.mjs for the bundled CLI, with the same options.
// No imports: the build script loads this file on its own.

/** The templates in the root `templates/` folder. */
export const TEMPLATE_NAMES = ['sdk.ts.hbs'] as const;

// The view holds only text escape.ts made safe for code, so handlebars' HTML escaping stays off; strict
// makes a key the view lacks (a misspelling) throw instead of printing nothing.
export const COMPILE_OPTIONS = { noEscape: true, strict: true, preventIndent: true } as const;
