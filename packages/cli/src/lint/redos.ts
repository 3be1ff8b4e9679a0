// Catastrophic backtracking check for permitted-value patterns. `plangen
// generate` reuses it to refuse catastrophic patterns, `plangen lint` reports it
// (rule redos-pattern). Three findings count:
// - exponential backtracking as scslre (the analyser behind eslint-plugin-regexp's
//   no-super-linear-backtracking) reports it: `(a+)+`;
// - polynomial backtracking of degree 3 or more: `(.*a){12}` is O(n^12). Degree 2
//   (`\s*,\s*`) is slow only on huge inputs, and refusing it would refuse ordinary patterns;
// - a repeated group whose alternatives can split the same text in more than one
//   way: `(a|a)*`, `(a|aa)+`. scslre does not see these; their languages are
//   compared with refa, the automaton library scslre is built on.
import { type AST, visitRegExpAST } from '@eslint-community/regexpp';
import { isDisjointWith, JS, NFA } from 'refa';
import { analyse, type Report } from 'scslre';

export type PatternCheck = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/** The smallest polynomial degree refused. */
export const MIN_REFUSED_DEGREE = 3;

/** Bounds the automata built for the alternation check, so a huge pattern cannot stall lint. */
const MAX_NODES = 10_000;

/** Patterns are checked as ajv compiles them: with the `u` flag. A pattern that does not parse is not this check's business. */
export function checkPattern(pattern: string): PatternCheck {
  let reports: Report[];
  let parser: JS.Parser;
  try {
    reports = analyse({ source: pattern, flags: 'u' }, { reportTypes: { Move: false } }).reports;
    parser = JS.Parser.fromLiteral({ source: pattern, flags: 'u' });
  } catch {
    return { ok: true };
  }
  const exponential = reports.find((candidate) => candidate.exponential);
  if (exponential) return { ok: false, reason: `${culprit(exponential)} backtrack exponentially on a long run of ${JSON.stringify(exponential.character.pick)}` };
  const ambiguous = ambiguousRepetition(parser);
  if (ambiguous) {
    return { ok: false, reason: `"${ambiguous.raw}" can backtrack exponentially, because its alternatives can match the same text in more than one way` };
  }
  const polynomial = highestDegree(reports);
  if (polynomial && polynomial.degree >= MIN_REFUSED_DEGREE) {
    return {
      ok: false,
      reason: `${culprit(polynomial.report)} backtrack in O(n^${polynomial.degree}) time on a long run of ${JSON.stringify(polynomial.report.character.pick)}`,
    };
  }
  return { ok: true };
}

function culprit(report: Report): string {
  if (report.type === 'Trade') return `"${report.startQuant.raw}" and "${report.endQuant.raw}" can`;
  return `"${report.type === 'Self' ? report.parentQuant.raw : report.quant.raw}" can`;
}

/**
 * The worst polynomial degree among the reports. A quantifier trading with itself
 * under `{k}` is O(n^k) in the value's length n; quantifiers that trade characters
 * in a chain (`.*a.*a.*a`: each with the next) multiply, one factor per quantifier.
 */
function highestDegree(reports: readonly Report[]): { degree: number; report: Report } | undefined {
  let worst: { degree: number; report: Report } | undefined;
  const consider = (degree: number, report: Report): void => {
    if (worst === undefined || degree > worst.degree) worst = { degree, report };
  };
  const trades = reports.filter((report) => report.type === 'Trade');
  const chainLength = new Map<AST.Quantifier, number>();
  // Longest chain of quantifiers ending at `quant`, following start -> end trades (they point forward in the pattern).
  const longestEndingAt = (quant: AST.Quantifier, seen: ReadonlySet<AST.Quantifier>): number => {
    const known = chainLength.get(quant);
    if (known !== undefined) return known;
    let length = 1;
    for (const trade of trades) {
      if (trade.endQuant === quant && !seen.has(trade.startQuant)) {
        length = Math.max(length, longestEndingAt(trade.startQuant, new Set([...seen, quant])) + 1);
      }
    }
    chainLength.set(quant, length);
    return length;
  };
  for (const report of reports) {
    if (report.type === 'Self' && Number.isFinite(report.parentQuant.max)) consider(report.parentQuant.max, report);
    if (report.type === 'Trade') consider(longestEndingAt(report.endQuant, new Set()), report);
  }
  return worst;
}

/**
 * The first unbounded repetition of a group in which some non-empty text is
 * matched by two alternatives, or by one alternative and by two or more rounds
 * of the group: each such text doubles the ways to split a long run.
 */
function ambiguousRepetition(parser: JS.Parser): AST.Quantifier | undefined {
  const candidates: AST.Quantifier[] = [];
  visitRegExpAST(parser.ast.pattern, {
    onQuantifierEnter(node) {
      const body = node.element;
      if (node.max === Infinity && (body.type === 'Group' || body.type === 'CapturingGroup') && body.alternatives.length > 1) candidates.push(node);
    },
  });
  return candidates.find((quantifier) => {
    try {
      return hasAmbiguousAlternatives(parser, quantifier.element as AST.Group | AST.CapturingGroup);
    } catch {
      // Too large to decide (refa's node limit) or using a construct refa does not model.
      return false;
    }
  });
}

function hasAmbiguousAlternatives(parser: JS.Parser, group: AST.Group | AST.CapturingGroup): boolean {
  const factory = new NFA.LimitedNodeFactory(MAX_NODES);
  const alternatives = group.alternatives.map((alternative) => {
    const { expression, maxCharacter } = parser.parseElement(alternative, { assertions: 'ignore', backreferences: 'disable' });
    const nfa = NFA.fromRegex(expression, { maxCharacter }, {}, factory);
    nfa.withoutEmptyWord();
    return nfa;
  });
  const twoOrMoreRounds = alternatives[0]!.copy(factory);
  for (const alternative of alternatives.slice(1)) twoOrMoreRounds.union(alternative, factory);
  twoOrMoreRounds.quantify(2, Infinity, factory);
  return alternatives.some(
    (alternative, index) =>
      !isDisjointWith(alternative, twoOrMoreRounds, MAX_NODES) ||
      alternatives.slice(index + 1).some((other) => !isDisjointWith(alternative, other, MAX_NODES)),
  );
}
