// The catalog's escaping: plan text is only ever text, in HTML and in markdown.
import { describe, expect, it } from 'vitest';
import { eventAnchor, html, scriptJson } from '../../packages/cli/src/catalog/escape-html.js';
import { markdownCode, markdownParagraph, markdownText } from '../../packages/cli/src/catalog/escape-markdown.js';

describe('html', () => {
  it('escapes the five characters that can end text or an attribute value', () => {
    expect(html(`<script>alert("x" & 'y')</script>`)).toBe('&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;');
  });

  it('leaves other text as it is, U+2028 included (HTML has no line separators)', () => {
    expect(html('Straße \u2028 🙂')).toBe('Straße \u2028 🙂');
  });
});

describe('scriptJson', () => {
  it('can never hold </script or <!-- and still parses to the same value', () => {
    const value = { s: '</script><!-- \u2028 \u2029', l: ['<SCRIPT>'] };
    const text = scriptJson(value);
    expect(text).not.toMatch(/<\/?script|<!--/i);
    expect(text).not.toMatch(/[\u2028\u2029]/);
    expect(JSON.parse(text)).toEqual(value);
  });
});

describe('eventAnchor', () => {
  it('is the percent-encoded name, without spaces, the same on every run', () => {
    expect(eventAnchor('Order Completed')).toBe('event/Order%20Completed');
    expect(eventAnchor('a/b "c"')).toBe('event/a%2Fb%20%22c%22');
  });

  it('does not throw on a lone surrogate', () => {
    expect(eventAnchor('a\uD800b')).toBe('event/a%EF%BF%BDb');
  });
});

describe('markdown', () => {
  it('escapes HTML and the punctuation markdown interprets', () => {
    expect(markdownText('<script>x</script> & *a* _b_ [c](d) `e` | f ~g~')).toBe(
      '&lt;script>x&lt;/script> &amp; \\*a\\* \\_b\\_ \\[c\\](d) \\`e\\` \\| f \\~g\\~',
    );
  });

  it('escapes what starts a block only at the start of the text', () => {
    expect(markdownText('# not a heading')).toBe('\\# not a heading');
    expect(markdownText('- not a list - or this')).toBe('\\- not a list - or this');
    expect(markdownText('12. not a list')).toBe('12\\. not a list');
    expect(markdownText('> not a quote')).toBe('\\> not a quote');
  });

  it('keeps inline text on one line, whatever breaks it', () => {
    expect(markdownText('a\r\nb\rc\nd\u2028e\u2029f')).toBe('a b c d e f');
  });

  it('keeps the lines of a paragraph as hard breaks, each escaped', () => {
    expect(markdownParagraph('first\n\n# second\n  - third')).toBe('first\\\n\\# second\\\n\\- third');
  });

  it('fences code with more backticks than any run inside it', () => {
    expect(markdownCode('const a = "```";', 'ts')).toBe('````ts\nconst a = "```";\n````');
    expect(markdownCode('plain', 'ts')).toBe('```ts\nplain\n```');
  });
});

describe('escaping any text', () => {
  it('html() leaves no character that could open markup or end an attribute, and decodes back to the text', async () => {
    const fc = (await import('fast-check')).default;
    const decode = (text: string) => text.replace(/&(lt|gt|quot|#39|amp);/g, (_, name: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[name] ?? '');
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const escaped = html(text);
        return !/[<>"']/.test(escaped) && decode(escaped) === text;
      }),
      { numRuns: 2000 },
    );
  });

  it('markdownText() leaves no raw < and no line break, whatever the text', async () => {
    const fc = (await import('fast-check')).default;
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const escaped = markdownText(text);
        return !escaped.includes('<') && !/[\r\n\u2028\u2029]/.test(escaped) && !/(^|[^\\])[`*_[\]|~]/.test(escaped.replace(/\\\\/g, ''));
      }),
      { numRuns: 2000 },
    );
  });
});
