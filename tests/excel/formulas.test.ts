import { describe, expect, it } from 'vitest';
import {
  createEmptyWorkbook,
  getSheet,
  setCellInput,
  displayText,
  type Workbook,
} from '../../envs/excel/index.ts';

/** A small table: names in A, quantities in B (one text "x"), a date, currency and percent in C. */
function sample(): Workbook {
  const wb = createEmptyWorkbook({ now: '2024-05-01T09:30:00' });
  const rows: [string, string][] = [
    ['A1', 'Name'],
    ['B1', 'Qty'],
    ['A2', 'apple'],
    ['B2', '3'],
    ['A3', 'pear'],
    ['B3', '5'],
    ['A4', 'plum'],
    ['B4', 'x'],
    ['A5', 'kiwi'],
    ['B5', '10'],
    ['C1', '1/15/2024'],
    ['C2', '$1,234.5'],
    ['C3', '12%'],
  ];
  for (const [a, t] of rows) setCellInput(wb, undefined, a, t);
  return wb;
}

function calc(wb: Workbook, formula: string, at = 'H1'): unknown {
  setCellInput(wb, undefined, at, formula);
  return getSheet(wb).cells[at]!.value;
}

const E = (code: string) => ({ error: code });

describe('formula functions (Excel semantics)', () => {
  const cases: [string, unknown][] = [
    ['=SUM(B2:B5)', 18],
    ['=SUM(B2:B5,"4",TRUE)', 23],
    ['=AVERAGE(B2:B5)', 6],
    ['=MIN(B2:B5)', 3],
    ['=MAX(B2:B5)', 10],
    ['=MAX(A2:A5)', 0],
    ['=COUNT(B2:B5)', 3],
    ['=COUNTA(A1:B5)', 10],
    ['=COUNTBLANK(A1:A9)', 4],
    ['=COUNTIF(B2:B5,">4")', 2],
    ['=COUNTIF(A2:A5,"p*")', 2],
    ['=COUNTIF(A2:A5,"PEAR")', 1],
    ['=SUMIF(A2:A5,"p*",B2:B5)', 5],
    ['=SUMIF(B2:B5,"<>5")', 13],
    ['=AVERAGEIF(B2:B5,">3")', 7.5],
    ['=COUNTIFS(A2:A5,"p*",B2:B5,">4")', 1],
    ['=SUMIFS(B2:B5,A2:A5,"<>kiwi",B2:B5,">=3")', 8],
    ['=IF(B2>2,"big","small")', 'big'],
    ['=IF(B2>5,"big")', false],
    ['=IFERROR(1/0,"oops")', 'oops'],
    ['=IFERROR(B2,"oops")', 3],
    ['=IFNA(VLOOKUP("zzz",A2:B5,2,FALSE),"none")', 'none'],
    ['=AND(TRUE,B2>1)', true],
    ['=AND(B4)', E('#VALUE!')],
    ['=OR(FALSE,B2>10)', false],
    ['=NOT(0)', true],
    ['=ROUND(2.345,2)', 2.35],
    ['=ROUND(-2.5,0)', -3],
    ['=ROUND(1234.567,-2)', 1200],
    ['=ROUNDUP(2.1,0)', 3],
    ['=ROUNDDOWN(-2.9,0)', -2],
    ['=INT(-2.5)', -3],
    ['=MOD(-3,2)', 1],
    ['=MOD(5,0)', E('#DIV/0!')],
    ['=VLOOKUP("pear",A2:B5,2,FALSE)', 5],
    ['=VLOOKUP("PEAR",A2:B5,2,0)', 5],
    ['=VLOOKUP("zzz",A2:B5,2,FALSE)', E('#N/A')],
    ['=VLOOKUP("pear",A2:B5,3,FALSE)', E('#REF!')],
    ['=VLOOKUP("pear",A2:B5,0,FALSE)', E('#VALUE!')],
    ['=VLOOKUP(7,{1,"a";5,"b";9,"c"},2)', 'b'],
    ['=HLOOKUP("Qty",A1:B5,3,FALSE)', 5],
    ['=XLOOKUP("plum",A2:A5,B2:B5)', 'x'],
    ['=XLOOKUP("nope",A2:A5,B2:B5)', E('#N/A')],
    ['=XLOOKUP("nope",A2:A5,B2:B5,"none")', 'none'],
    ['=XLOOKUP(6,B2:B5,A2:A5,,1)', 'kiwi'],
    ['=XLOOKUP(6,B2:B5,A2:A5,,-1)', 'pear'],
    ['=XLOOKUP("k*",A2:A5,B2:B5,,2)', 10],
    ['=INDEX(A2:B5,2,1)', 'pear'],
    ['=INDEX(A2:B5,2,2)', 5],
    ['=INDEX(A2:A5,9)', E('#REF!')],
    ['=MATCH("kiwi",A2:A5,0)', 4],
    ['=MATCH("zzz",A2:A5,0)', E('#N/A')],
    ['=MATCH(4,{1,3,5,7},1)', 2],
    ['=INDEX(B2:B5,MATCH("pear",A2:A5,0))', 5],
    ['=CONCAT(A2,"-",B2)', 'apple-3'],
    ['=CONCATENATE("a",1,TRUE)', 'a1TRUE'],
    ['=A2&" "&B3', 'apple 5'],
    ['=TEXT(1234.5,"$#,##0.00")', '$1,234.50'],
    ['=TEXT(C1,"yyyy-mm-dd")', '2024-01-15'],
    ['=TEXT(C1,"dddd")', 'Monday'],
    ['=TEXT(0.256,"0.0%")', '25.6%'],
    ['=LEFT("hello",2)', 'he'],
    ['=LEFT("hello")', 'h'],
    ['=LEFT("hello",-1)', E('#VALUE!')],
    ['=RIGHT("hello",3)', 'llo'],
    ['=MID("hello",2,3)', 'ell'],
    ['=MID("hello",0,3)', E('#VALUE!')],
    ['=LEN("hello")', 5],
    ['=LEN(B5)', 2],
    ['=UPPER("abc")', 'ABC'],
    ['=TRIM("  a  b ")', 'a b'],
    ['=SUBSTITUTE("aaa","a","b",2)', 'aba'],
    ['=FIND("l","hello")', 3],
    ['=FIND("L","hello")', E('#VALUE!')],
    ['=SEARCH("L","hello")', 3],
    ['=TEXTJOIN(",",TRUE,A2:A5)', 'apple,pear,plum,kiwi'],
    ['=TODAY()', 45413],
    ['=YEAR(TODAY())', 2024],
    ['=DATE(2024,2,30)', 45352],
    ['=YEAR(C1)&"-"&MONTH(C1)&"-"&DAY(C1)', '2024-1-15'],
    ['=EOMONTH(C1,1)', 45351],
    ['=DATEDIF(C1,TODAY(),"m")', 3],
    ['=WEEKDAY(C1)', 2],
    ['=1/0', E('#DIV/0!')],
    ['=AVERAGE(A2:A5)', E('#DIV/0!')],
    ['=FOO(1)', E('#NAME?')],
    ['=undefinedName*2', E('#NAME?')],
    ['="a"+1', E('#VALUE!')],
    ['=B4*2', E('#VALUE!')],
    ['=SUM(B2:B5)+B4', E('#VALUE!')],
    ['=SQRT(-1)', E('#NUM!')],
    ['=SUM(Nope!A1)', E('#REF!')],
    ['=-2^2', 4],
    ['=2^3^2', 64],
    ['=10%', 0.1],
    ['=1+2*3-4/2', 5],
    ['="abc"="ABC"', true],
    ['=1="1"', false],
    ['="b">"a"', true],
    ['=TRUE+1', 2],
    // Excel orders logicals above every number (LibreOffice treats TRUE as 1 here and says FALSE).
    ['=TRUE>1', true],
    ['="a"<"B"', true],
    ['="3"*"4"', 12],
    ['=0.1+0.2=0.3', true],
    ['=ISBLANK(Z99)', true],
    ['=ISNUMBER(B2)', true],
    ['=ISTEXT(B4)', true],
    ['=ISERROR(1/0)', true],
    ['=VALUE("12")', 12],
    ['=IFS(B2>5,"a",TRUE,"b")', 'b'],
    ['=SWITCH(2,1,"one",2,"two")', 'two'],
    ['=SUMPRODUCT(B2:B3,B2:B3)', 34],
    ['=ABS(-3)+POWER(2,3)+PI()*0', 11],
    ['=MEDIAN(1,2,3,4)', 2.5],
    ['=LARGE(B2:B5,2)', 5],
    ['=SUBTOTAL(9,B2:B5)', 18],
    ['=C2*2', 2469],
    ['=C3*2', 0.24],
  ];
  const wb = sample();
  it.each(cases)('%s', (formula, expected) => {
    const v = calc(wb, formula);
    if (typeof expected === 'number') expect(v).toBeCloseTo(expected, 9);
    else expect(v).toEqual(expected);
  });
});

describe('entry parsing and implied formats', () => {
  it('reads typed numbers, dates, currency and percent with the format Excel implies', () => {
    const wb = sample();
    const s = getSheet(wb);
    expect(s.cells.C1).toEqual({ value: 45306, style: { numFmt: 'm/d/yyyy' } });
    expect(displayText(wb, undefined, 'C1')).toBe('1/15/2024');
    expect(s.cells.C2!.value).toBe(1234.5);
    expect(displayText(wb, undefined, 'C2').trim()).toBe('$1,234.50');
    expect(s.cells.C3!.value).toBeCloseTo(0.12);
    expect(displayText(wb, undefined, 'C3')).toBe('12%');
  });

  it('keeps text that only looks numeric when typed with an apostrophe', () => {
    const wb = createEmptyWorkbook();
    setCellInput(wb, undefined, 'A1', "'00123");
    expect(getSheet(wb).cells.A1!.value).toBe('00123');
    setCellInput(wb, undefined, 'A2', '00123');
    expect(getSheet(wb).cells.A2!.value).toBe(123);
  });

  it('normalises formula text as Excel does (upper case, closing parentheses)', () => {
    const wb = sample();
    setCellInput(wb, undefined, 'H2', '=sum(b2:b5');
    expect(getSheet(wb).cells.H2!.formula).toBe('=SUM(B2:B5)');
    expect(getSheet(wb).cells.H2!.value).toBe(18);
  });

  it('rejects a malformed formula with a message naming it, and leaves the cell alone', () => {
    const wb = sample();
    expect(() => setCellInput(wb, undefined, 'B2', '=1+*2')).toThrow(/problem with the formula '=1\+\*2'/);
    expect(getSheet(wb).cells.B2!.value).toBe(3);
  });

  it('gives TODAY() from the workbook clock, so results are reproducible', () => {
    const a = createEmptyWorkbook({ now: '2030-12-31T23:00:00' });
    setCellInput(a, undefined, 'A1', '=TODAY()');
    expect(displayText(a, undefined, 'A1')).toBe('12/31/2030');
    setCellInput(a, undefined, 'A2', '=NOW()');
    expect(displayText(a, undefined, 'A2')).toBe('12/31/2030 23:00');
  });
});
