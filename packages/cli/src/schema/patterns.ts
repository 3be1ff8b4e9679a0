// The one check of a regular expression from a plan (`pattern`, `patternProperties`
// keys): valid as ajv compiles it (`new RegExp(pattern, 'u')`), and free of
// catastrophic backtracking. `generate`, `validate` and `lint` all ask here.
//
// Backtracking counts as catastrophic when:
// - scslre (the analyser behind eslint-plugin-regexp's no-super-linear-backtracking)
//   reports exponential backtracking: `(a+)+`;
// - a repeated part can match the same text in more than one way, which scslre
//   does not always see: `(a|a)*`, `(a|aa)+`, `(a{0,5})*`, `(?:a{1,30}){1,30}`.
//   The languages are compared with refa, the automaton library scslre is built on;
// - polynomial backtracking of degree 3 or more: `(.*a){12}` is O(n^12). Degree 2
//   (`\s*,\s*`) is slow only on huge inputs, and refusing it would refuse ordinary patterns.
//
// The analysis has a budget (pattern size, quantifier nesting and count, automaton
// nodes, language comparisons), all counted, never timed, so the same pattern
// always gets the same verdict. A pattern past the budget is "undecided", which is
// not "safe": callers refuse it unless the user accepted it by name (docs/diff-and-lint.md).
import { createRequire } from 'node:module';
import { type AST, RegExpParser, visitRegExpAST } from '@eslint-community/regexpp';
import type { JS, NFA } from 'refa';
import type { Report } from 'scslre';
import { regexProblem } from './regex-problem.js';

// refa and scslre are loaded when a pattern needs them (most plans' patterns do not: see checkPatternSafety):
// refa's start-up was about a tenth of a cold `plangen generate` of a small plan. Node caches what require loads.
const requireAnalyser = createRequire(import.meta.url);
const refa = (): typeof import('refa') => requireAnalyser('refa') as typeof import('refa');
const scslre = (): typeof import('scslre') => requireAnalyser('scslre') as typeof import('scslre');

export { regexProblem } from './regex-problem.js';

export type PatternSafety =
  | { readonly verdict: 'safe' }
  | { readonly verdict: 'catastrophic'; readonly reason: string }
  | { readonly verdict: 'undecided'; readonly reason: string };

/** The smallest polynomial degree refused. */
export const MIN_REFUSED_DEGREE = 3;

/** The budget of one pattern's analysis: past any of these, the pattern is undecided. */
export const ANALYSIS_LIMITS = {
  /** Characters of the pattern. */
  length: 5000,
  /** Repetitions inside repetitions: `((a)*)*` nests 2 deep. scslre's time grows exponentially with it. */
  quantifierDepth: 5,
  /** Quantifiers (`*`, `+`, `?`, `{m,n}`) in the whole pattern; scslre's time grows with them too. */
  quantifiers: 40,
  /** Nodes of each automaton built to compare languages. */
  automatonNodes: 10_000,
  /** Language comparisons (intersections) for the whole pattern. */
  comparisons: 500,
} as const;

/** Above this many ways to split one value, a bounded repetition counts as catastrophic (`(?:a{1,30}){1,30}`: 30^30). */
const MAX_BOUNDED_WAYS = 1_000_000;

/** Why the analysis gave up; caught where the verdict is made. */
class OverBudget extends Error {}

/**
 * Whether `pattern` (valid or not: an invalid pattern is another check's business, and safe here) can backtrack
 * catastrophically. Pure and deterministic; callers that meet a pattern many times keep the answers for their run
 * (`redosPattern` does), so no state outlives a run here.
 */
export function checkPatternSafety(pattern: string): PatternSafety {
  if (regexProblem(pattern) !== undefined) return { verdict: 'safe' };
  // Without repetition only groups in a row multiply the ways (ambiguousSequence), and when all their alternatives
  // together stay under the bound, it finds nothing: no language to compare, so refa need not be loaded.
  const ast = parsedOrUndefined(pattern);
  if (ast !== undefined && !hasRepetition(ast) && groupWays(ast) < MAX_BOUNDED_WAYS) return { verdict: 'safe' };
  let parser: JS.Parser;
  try {
    parser = refa().JS.Parser.fromLiteral({ source: pattern, flags: 'u' });
  } catch {
    return undecided('refa cannot read it');
  }
  if (!hasRepetition(parser.ast.pattern)) {
    // Only groups in a row can multiply the ways then; a long enum written as `^(?:a|b|...)$` is safe whatever its length.
    return comparing(() => ambiguousSequence(parser, { comparisons: ANALYSIS_LIMITS.comparisons }));
  }
  if (pattern.length > ANALYSIS_LIMITS.length) return undecided(`it is ${pattern.length} characters long (the check reads up to ${ANALYSIS_LIMITS.length})`);
  const tooLarge = overSizeLimits(parser.ast.pattern);
  if (tooLarge) return undecided(tooLarge);
  let reports: Report[];
  try {
    reports = scslre().analyse(parser.literal, { reportTypes: { Move: false } }).reports;
  } catch {
    return undecided('scslre cannot read it');
  }
  const exponential = reports.find((candidate) => candidate.exponential);
  if (exponential) return catastrophic(`${culprit(exponential)} backtrack exponentially on a long run of ${JSON.stringify(exponential.character.pick)}`);
  const polynomial = highestDegree(reports);
  if (polynomial && polynomial.degree >= MIN_REFUSED_DEGREE) {
    return catastrophic(`${culprit(polynomial.report)} backtrack in O(n^${polynomial.degree}) time on a long run of ${JSON.stringify(polynomial.report.character.pick)}`);
  }
  const budget = { comparisons: ANALYSIS_LIMITS.comparisons };
  return comparing(() => ambiguousRepetition(parser, budget) ?? ambiguousSequence(parser, budget));
}

/** The verdict of a comparison of languages: its reason when it found one, undecided when it went past the budget. */
function comparing(find: () => string | undefined): PatternSafety {
  try {
    const reason = find();
    return reason === undefined ? { verdict: 'safe' } : catastrophic(reason);
  } catch (error) {
    if (error instanceof OverBudget) return undecided(error.message);
    if (error instanceof refa().TooManyNodesError) return undecided(`its repetitions need automata of more than ${ANALYSIS_LIMITS.automatonNodes} nodes`);
    // A construct refa does not model: a backreference inside a repetition.
    return undecided(`refa cannot model a repetition in it (${error instanceof Error ? error.message : String(error)})`);
  }
}

const catastrophic = (reason: string): PatternSafety => ({ verdict: 'catastrophic', reason });
const undecided = (why: string): PatternSafety => ({ verdict: 'undecided', reason: `the backtracking check cannot decide whether it is safe: ${why}` });

function hasRepetition(ast: AST.Pattern): boolean {
  let found = false;
  visitRegExpAST(ast, {
    onQuantifierEnter(node) {
      if (node.max > 1) found = true;
    },
  });
  return found;
}

/** The first limit on quantifiers the pattern passes, said as a reason; undefined when it is within both. */
function overSizeLimits(ast: AST.Pattern): string | undefined {
  let quantifiers = 0;
  let depth = 0;
  let deepest = 0;
  // Only repetitions nest: `(?:x)?` runs at most once, and scslre's time does not grow with it.
  const repeats = (node: AST.Quantifier): boolean => node.max > 1;
  visitRegExpAST(ast, {
    onQuantifierEnter(node) {
      quantifiers += 1;
      if (repeats(node)) depth += 1;
      deepest = Math.max(deepest, depth);
    },
    onQuantifierLeave(node) {
      if (repeats(node)) depth -= 1;
    },
  });
  if (deepest > ANALYSIS_LIMITS.quantifierDepth) return `it nests repetitions ${deepest} deep (the check reads up to ${ANALYSIS_LIMITS.quantifierDepth})`;
  if (quantifiers > ANALYSIS_LIMITS.quantifiers) return `it has ${quantifiers} quantifiers (the check reads up to ${ANALYSIS_LIMITS.quantifiers})`;
  return undefined;
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
 * The reason of the first repetition (of at least 2 rounds, and 3 when bounded) in
 * which some non-empty text is matched by two alternatives, or by one round and by
 * several rounds: each such text multiplies the ways to split a long run.
 */
function ambiguousRepetition(parser: JS.Parser, budget: { comparisons: number }): string | undefined {
  const candidates: AST.Quantifier[] = [];
  visitRegExpAST(parser.ast.pattern, {
    onQuantifierEnter(node) {
      if (node.max >= MIN_REFUSED_DEGREE) candidates.push(node);
    },
  });
  for (const quantifier of candidates) {
    const alternatives = elementAlternatives(quantifier.element);
    const how = ambiguity(parser, alternatives, quantifier.max, budget);
    if (how === undefined) continue;
    const because =
      alternatives.length > 1 ? 'because its alternatives can match the same text in more than one way' : 'because one round of it can match the same text as several rounds';
    if (quantifier.max === Infinity) return `"${quantifier.raw}" can backtrack exponentially, ${because}`;
    const length = lengthRange(quantifier.element).max;
    if (length === Infinity) return `"${quantifier.raw}" can backtrack in O(n^${quantifier.max}) time, ${because}`;
    const base = Math.max(length, alternatives.length, 2);
    if (base ** quantifier.max >= MAX_BOUNDED_WAYS) return `"${quantifier.raw}" can backtrack through up to ${base}^${quantifier.max} ways to split one value, ${because}`;
  }
  return undefined;
}

/**
 * Groups in a row multiply the ways too, repeated or not: `(a|a)` written thirty times splits a 30-character value that
 * fails at its end in 2^30 ways. Counted only when the product of the alternatives of all groups could reach the bound.
 */
function ambiguousSequence(parser: JS.Parser, budget: { comparisons: number }): string | undefined {
  if (groupWays(parser.ast.pattern) < MAX_BOUNDED_WAYS) return undefined;
  const groups = alternationGroups(parser.ast.pattern);
  const overlapping = groups.filter((group) => ambiguity(parser, group.alternatives, 1, budget) !== undefined);
  const ways = overlapping.reduce((product, group) => product * group.alternatives.length, 1);
  if (ways < MAX_BOUNDED_WAYS) return undefined;
  return `"${overlapping[0]!.raw}" and ${overlapping.length - 1} more groups each match some text in more than one way, so one value can be split in up to ${ways} ways`;
}

/** The groups with two or more alternatives. */
function alternationGroups(ast: AST.Pattern): (AST.Group | AST.CapturingGroup)[] {
  const groups: (AST.Group | AST.CapturingGroup)[] = [];
  const collect = (node: AST.Group | AST.CapturingGroup): void => {
    if (node.alternatives.length > 1) groups.push(node);
  };
  visitRegExpAST(ast, { onGroupEnter: collect, onCapturingGroupEnter: collect });
  return groups;
}

/** The product of the alternatives of all groups: the most ways groups in a row can split one value. */
function groupWays(ast: AST.Pattern): number {
  return alternationGroups(ast).reduce((product, group) => product * group.alternatives.length, 1);
}

function parsedOrUndefined(pattern: string): AST.Pattern | undefined {
  try {
    return parsePatternAst(pattern);
  } catch {
    return undefined;
  }
}

type Alternatives = readonly (AST.Alternative | AST.Element)[];

function elementAlternatives(element: AST.QuantifiableElement): Alternatives {
  return element.type === 'Group' || element.type === 'CapturingGroup' ? element.alternatives : [element];
}

/** 'alternatives' or 'rounds' when some non-empty text splits two ways; undefined when none does. */
function ambiguity(parser: JS.Parser, alternatives: Alternatives, maxRounds: number, budget: { comparisons: number }): 'alternatives' | 'rounds' | undefined {
  const literal = literalWords(alternatives);
  if (literal) return literalAmbiguity(literal, maxRounds);
  const ranges = alternatives.map(lengthRange);
  const shortest = Math.max(1, Math.min(...ranges.map((range) => range.min)));
  const longest = Math.max(...ranges.map((range) => range.max));
  // Rounds can only respell a round when two of them fit in one: never for `[a-z]{1,100}` (one character a round).
  const roundsCanRespell = 2 * shortest <= longest;
  if (alternatives.length === 1 && !roundsCanRespell) return undefined;
  // First with long counted repetitions widened (`{1,2000}` read as `+`): a larger language, far fewer nodes. When
  // even that splits no text two ways, neither does the pattern; otherwise the exact languages decide.
  const rounds = !roundsCanRespell || maxRounds < 2 ? 0 : maxRounds >= longest ? Infinity : maxRounds;
  if (compareLanguages(parser, alternatives, rounds === 0 ? 0 : Infinity, budget, true) === undefined) return undefined;
  return compareLanguages(parser, alternatives, rounds, budget, false);
}

/** Counted repetitions above this many rounds are widened to unbounded ones for the first, cheaper comparison. */
const WIDEN_ABOVE = 16;

/** `maxRounds` below 2: only the alternatives are compared (a round cannot respell another). */
function compareLanguages(
  parser: JS.Parser,
  alternatives: Alternatives,
  maxRounds: number,
  budget: { comparisons: number },
  widen: boolean,
): 'alternatives' | 'rounds' | undefined {
  const { NFA, isDisjointWith } = refa();
  const factory = new NFA.LimitedNodeFactory(ANALYSIS_LIMITS.automatonNodes);
  const disjoint = (a: NFA, b: NFA): boolean => {
    budget.comparisons -= 1;
    if (budget.comparisons < 0) throw new OverBudget(`it needs more than ${ANALYSIS_LIMITS.comparisons} language comparisons`);
    return isDisjointWith(a, b, ANALYSIS_LIMITS.automatonNodes);
  };
  const automata = alternatives.map((alternative) => {
    const { expression, maxCharacter } = parser.parseElement(alternative, { assertions: 'ignore', backreferences: 'throw' });
    const nfa = NFA.fromRegex(widen ? widened(expression) : expression, { maxCharacter }, {}, factory);
    nfa.withoutEmptyWord();
    return nfa;
  });
  // Each alternative against the union of the ones after it: n comparisons, not n^2.
  let later: NFA | undefined;
  for (let index = automata.length - 1; index >= 0; index--) {
    const alternative = automata[index]!;
    if (later && !disjoint(alternative, later)) return 'alternatives';
    if (later) later.union(alternative, factory);
    else later = alternative.copy(factory);
  }
  if (later === undefined || later.isEmpty || maxRounds < 2) return undefined;
  const severalRounds = later.copy(factory);
  severalRounds.quantify(2, maxRounds, factory);
  return disjoint(later, severalRounds) ? undefined : 'rounds';
}

/** A copy of refa's expression in which `{m,n}` with n above WIDEN_ABOVE becomes `{min(m,1),}`: a superset language. */
function widened<T>(node: T): T {
  if (Array.isArray(node)) return node.map(widened) as T;
  if (typeof node !== 'object' || node === null) return node;
  const record = node as Record<string, unknown>;
  // Only the tree's own links are copied; character sets are shared, unchanged.
  const copy: Record<string, unknown> = { ...record };
  for (const key of ['alternatives', 'elements'] as const) if (key in record) copy[key] = widened(record[key]);
  if (record['type'] === 'Quantifier' && typeof record['max'] === 'number' && record['max'] > WIDEN_ABOVE) {
    copy['max'] = Infinity;
    copy['min'] = Math.min(record['min'] as number, 1);
  }
  return copy as T;
}

/** The alternatives as plain strings when each is only characters (an enum written as `a|b|c`). */
function literalWords(alternatives: Alternatives): string[] | undefined {
  const words: string[] = [];
  for (const alternative of alternatives) {
    const elements = alternative.type === 'Alternative' ? alternative.elements : [alternative];
    if (!elements.every((element) => element.type === 'Character')) return undefined;
    words.push(elements.map((element) => (element as AST.Character).raw).join(''));
  }
  return words;
}

/** The same question for plain strings, without automata: a repeated word, or a word spelled by 2..maxRounds others. */
function literalAmbiguity(words: readonly string[], maxRounds: number): 'alternatives' | 'rounds' | undefined {
  const nonEmpty = words.filter((word) => word !== '');
  if (new Set(nonEmpty).size < nonEmpty.length) return 'alternatives';
  const set = new Set(nonEmpty);
  for (const word of nonEmpty) {
    // fewest[i]: fewest words spelling word.slice(0, i), never the whole word as one.
    const fewest: number[] = [0];
    for (let end = 1; end <= word.length; end++) {
      fewest[end] = Infinity;
      for (let start = end === word.length ? 1 : 0; start < end; start++) {
        if (fewest[start]! + 1 < fewest[end]! && set.has(word.slice(start, end))) fewest[end] = fewest[start]! + 1;
      }
    }
    const pieces = fewest[word.length]!;
    if (Number.isFinite(pieces) && pieces <= maxRounds) return 'rounds';
  }
  return undefined;
}

interface LengthRange {
  readonly min: number;
  readonly max: number;
}

/** Shortest and longest text an element can match; unknown (a backreference) is 0 to Infinity. */
function lengthRange(node: AST.Node): LengthRange {
  switch (node.type) {
    case 'Character':
    case 'CharacterSet':
    case 'CharacterClass':
    case 'ExpressionCharacterClass':
      return { min: 1, max: 1 };
    case 'Assertion':
      return { min: 0, max: 0 };
    case 'Quantifier': {
      const inner = lengthRange(node.element);
      return { min: inner.min * node.min, max: inner.max === 0 || node.max === 0 ? 0 : inner.max * node.max };
    }
    case 'Group':
    case 'CapturingGroup':
    case 'Pattern': {
      const ranges = node.alternatives.map(lengthRange);
      return { min: Math.min(...ranges.map((range) => range.min)), max: Math.max(...ranges.map((range) => range.max)) };
    }
    case 'Alternative':
      return node.elements.map(lengthRange).reduce((sum, range) => ({ min: sum.min + range.min, max: sum.max + range.max }), { min: 0, max: 0 });
    default:
      return { min: 0, max: Infinity };
  }
}

// Keep the regexpp parser exported for the lint rules about a pattern's structure, so there is one way to parse.
export function parsePatternAst(pattern: string): AST.Pattern {
  return new RegExpParser().parsePattern(pattern, 0, pattern.length, { unicode: true });
}
