import { checkPattern } from '../../packages/cli/src/lint/redos.js';
const atoms = ['a', '\\d', '[a-z]', '\\w', '.', 'x'];
const shapes = ['^(A+)+$', '^(A*)*$', '^(A|A)*$', '^(A|AA)+$', '^(A+A+)+$', '(A+)+B', '(A|AA)+', '(.*A){12}', '^(.*A){12}$', '^(A?){20}A{20}$', '^(A+)*$', '^(?:A+)+$'];
for (const shape of shapes) console.log(shape, atoms.map(a => checkPattern(shape.replaceAll('A', a).replace('B', '!')).ok ? 'ok' : 'FLAG').join(' '));
for (const [p, s] of [['^(a|aa)+$', 'a'.repeat(32) + 'b'], ['(.*a){12}', 'a'.repeat(25)], ['^(a|a)*$', 'a'.repeat(28) + 'b'], ['(a|aa)+', 'a'.repeat(40)+'b'], ['^(.*a){12}$', 'a'.repeat(30)+'b']] as const) {
  const t = performance.now(); new RegExp(p, 'u').test(s); console.log(p, Math.round(performance.now() - t), 'ms');
}
