// The formats `plangen docs` writes (the one list of them: the flag's choices and the docs follow it).
export const DOCS_FORMATS = ['html', 'markdown'] as const;
export type DocsFormat = (typeof DOCS_FORMATS)[number];
