/**
 * Formula text as files store it. Functions added to Excel after 2007 are written with an `_xlfn.`
 * prefix (`_xlfn._xlws.` for SORT and FILTER) so Excel and LibreOffice recognise them; reading strips
 * the prefixes again, as Excel's formula bar does not show them.
 */
import { getFunction } from '../formula/functions/registry.ts';
import { tokenize } from '../formula/tokenizer.ts';

const FUTURE = new Set(
  (
    'ACOT ACOTH AGGREGATE ARABIC BASE BETA.DIST BETA.INV BINOM.DIST BINOM.INV BITAND BITLSHIFT BITOR BITRSHIFT BITXOR ' +
    'CEILING.MATH CEILING.PRECISE CHISQ.DIST CHISQ.DIST.RT CHISQ.INV CHISQ.INV.RT CHISQ.TEST CHOOSECOLS CHOOSEROWS COMBINA ' +
    'CONCAT CONFIDENCE.NORM CONFIDENCE.T COT COTH COVARIANCE.P COVARIANCE.S CSC CSCH DAYS DECIMAL DROP ERF.PRECISE ERFC.PRECISE ' +
    'EXPAND EXPON.DIST F.DIST F.DIST.RT F.INV F.INV.RT F.TEST FILTER FLOOR.MATH FLOOR.PRECISE FORECAST.LINEAR FORMULATEXT ' +
    'GAMMA GAMMA.DIST GAMMA.INV GAMMALN.PRECISE GAUSS HSTACK IFNA IFS IMCOSH IMCOT IMCSC IMCSCH IMSEC IMSECH IMSINH IMTAN ' +
    'ISFORMULA ISOWEEKNUM LAMBDA LET LOGNORM.DIST LOGNORM.INV MAXIFS MINIFS MODE.MULT MODE.SNGL MUNIT NEGBINOM.DIST ' +
    'NORM.DIST NORM.INV NORM.S.DIST NORM.S.INV NUMBERVALUE PERCENTILE.EXC PERCENTILE.INC PERCENTRANK.EXC PERCENTRANK.INC ' +
    'PERMUTATIONA PHI POISSON.DIST QUARTILE.EXC QUARTILE.INC RANDARRAY RANK.AVG RANK.EQ SEC SECH SEQUENCE SHEET SHEETS SINGLE ' +
    'SKEW.P SORT SORTBY STDEV.P STDEV.S SWITCH T.DIST T.DIST.2T T.DIST.RT T.INV T.INV.2T T.TEST TAKE TEXTAFTER TEXTBEFORE ' +
    'TEXTJOIN TEXTSPLIT TOCOL TOROW UNICHAR UNICODE UNIQUE VALUETOTEXT VAR.P VAR.S VSTACK WEIBULL.DIST WORKDAY.INTL WRAPCOLS ' +
    'WRAPROWS XLOOKUP XMATCH XOR Z.TEST NETWORKDAYS.INTL DAYS360 ARRAYTOTEXT'
  ).split(' '),
);
const WORKSHEET_NS = new Set(['SORT', 'FILTER']);

function mapFunctions(body: string, fn: (name: string, text: string) => string): string {
  let tokens;
  try {
    tokens = tokenize(body);
  } catch {
    return body;
  }
  let out = '';
  let last = 0;
  for (const t of tokens) {
    if (t.type !== 'func') continue;
    const next = fn(t.name!, t.text);
    if (next === t.text) continue;
    out += body.slice(last, t.start) + next;
    last = t.end;
  }
  return last === 0 ? body : out + body.slice(last);
}

/** Model formula ("=XLOOKUP(...)") to file text ("_xlfn.XLOOKUP(...)"). */
export function toFileFormula(formula: string): string {
  const body = formula.startsWith('=') ? formula.slice(1) : formula;
  return mapFunctions(body, (name, text) => {
    if (name.startsWith('_XLFN.') || !(FUTURE.has(name) || getFunction(name)?.xlfn === true)) return text;
    return WORKSHEET_NS.has(name) ? `_xlfn._xlws.${name}` : `_xlfn.${name}`;
  });
}

/** File formula text to the model's "=..." form without the compatibility prefixes. */
export function fromFileFormula(text: string): string {
  const body = mapFunctions(text.trim(), (_name, t) => t.replace(/^_xlfn\.(_xlws\.)?/i, ''));
  return `=${logicalConstants(body.replace(/^=/, ''))}`;
}

/** LibreOffice writes the constants TRUE and FALSE as the functions TRUE() and FALSE(); Excel shows constants. */
function logicalConstants(body: string): string {
  let tokens;
  try {
    tokens = tokenize(body);
  } catch {
    return body;
  }
  let out = '';
  let last = 0;
  for (let i = 0; i + 2 < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type !== 'func' || (t.name !== 'TRUE' && t.name !== 'FALSE')) continue;
    if (tokens[i + 1]!.type !== 'lparen' || tokens[i + 2]!.type !== 'rparen') continue;
    out += body.slice(last, t.start) + t.name;
    last = tokens[i + 2]!.end;
  }
  return last === 0 ? body : out + body.slice(last);
}
