// The one place where plan text becomes markdown in the docs catalog: text
// that renders as itself on a code host (GitHub, GitLab), in a paragraph or a
// table cell, whatever the plan holds. HTML (`<script>`, entities) is written as
// entities, and the punctuation markdown gives a meaning (emphasis, links, code,
// tables, strikethrough anywhere; headings, quotes and lists at the start of a
// line) is backslash-escaped, as CommonMark allows for any ASCII punctuation.
const LINE_BREAKS = /\r\n|[\r\n\u2028\u2029]/g;
const MARKUP = /[\\`*_[\]|~]/g;
const LINE_START = /^(\s*)([-+#>=])/;
const ORDERED_LIST = /^(\s*\d+)([.)])/;
const HTML = /[&<]/g;

/** Inline text: one line (line breaks become spaces), nothing interpreted. */
export function markdownText(text: string): string {
  return text
    .replace(LINE_BREAKS, ' ')
    .replace(HTML, (character) => (character === '&' ? '&amp;' : '&lt;'))
    .replace(MARKUP, '\\$&')
    .replace(LINE_START, '$1\\$2')
    .replace(ORDERED_LIST, '$1\\$2');
}

/** A paragraph that keeps its line breaks (as hard breaks), each line escaped as inline text. */
export function markdownParagraph(text: string): string {
  return text
    .split(LINE_BREAKS)
    .map((line) => markdownText(line.trim()))
    .filter((line) => line !== '')
    .join('\\\n');
}

/** A fenced code block whose fence is longer than any run of backticks in the code, so the code cannot close it. */
export function markdownCode(code: string, language: string): string {
  const longest = Math.max(2, ...[...code.matchAll(/`+/g)].map((run) => run[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${language}\n${code.replace(LINE_BREAKS, '\n').replace(/\n$/, '')}\n${fence}`;
}
