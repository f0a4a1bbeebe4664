import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import * as X from '../../envs/excel/index.ts';
import { fromFileFormula, toFileFormula } from '../../envs/excel/ooxml/formula-text.ts';
import { exportXlsx, importXlsx, widthFromFile, widthToFile } from '../../envs/excel/ooxml/index.ts';

const put = (wb: X.Workbook, addr: string, text: string, sheet?: string) =>
  X.setCellInput(wb, sheet, addr, text);

/** One workbook exercising every feature the file format carries. */
function featureWorkbook(): X.Workbook {
  const wb = X.createEmptyWorkbook({ now: '2024-05-01T09:00:00' });
  const rows = [
    ['Region', 'Rep', 'Amount', 'Date'],
    ['East', 'Ann', '120', '1/15/2024'],
    ['West', 'bob', '75.5', '2/29/2024'],
    ['East', 'Cid', '300', '3/1/2024'],
    ['North', 'Dee  ', '-12', '12/31/2023'],
  ];
  rows.forEach((r, i) => r.forEach((t, j) => put(wb, `${'ABCD'[j]}${i + 1}`, t)));
  put(wb, 'E1', "'00123");
  put(wb, 'E2', 'TRUE');
  X.setCellValue(wb, undefined, 'E3', { error: '#N/A' });
  X.setCellValue(wb, undefined, 'E4', 'line1\nline2 & <tag> "q"');
  const formulas: [string, string][] = [
    ['G1', '=SUM(C2:C5)'],
    ['G2', '=AVERAGE(C2:C5)'],
    ['G3', '=MIN(C2:C5)&"/"&MAX(C2:C5)'],
    ['G4', '=COUNT(A1:D5)+COUNTA(A1:D5)'],
    ['G5', '=COUNTIF(A2:A5,"East")'],
    ['G6', '=SUMIF(A2:A5,"East",C2:C5)'],
    ['G7', '=IF(G1>400,"high","low")'],
    ['G8', '=IFERROR(1/0,"div")'],
    ['G9', '=AND(C2>100,NOT(C3>100))'],
    ['G10', '=OR(C2<0,C5<0)'],
    ['G11', '=ROUND(C3/7,3)'],
    ['G12', '=VLOOKUP("bob",B2:C5,2,FALSE)'],
    ['G13', '=INDEX(A2:A5,MATCH(300,C2:C5,0))'],
    ['G14', '=CONCAT(A2,"-",B2)'],
    ['G15', '=TEXT(D2,"yyyy-mm-dd")'],
    ['G16', '=LEFT(A3,2)&RIGHT(A4,2)&MID(B2,2,1)&LEN(B5)'],
    ['G17', '=TEXTJOIN(",",TRUE,A2:A5)'],
    ['G18', '=1/0'],
    ['G19', '=VLOOKUP("zzz",B2:C5,2,FALSE)'],
    ['G20', '="a"*2'],
    ['G21', '=EOMONTH(D2,1)'],
    ['G22', '=IFS(C2>200,"big",C2>100,"mid",TRUE,"small")'],
    ['G23', '=Rate*C2'],
    ['G24', "='Q1 Data'!A1*2"],
    ['G25', '=SUMPRODUCT((A2:A5="East")*C2:C5)'],
    ['G26', '=ROUND(2.5,0)+ROUND(-2.5,0)+INT(-1.5)+MOD(-7,3)'],
    ['G27', '=TRIM(B5)&UPPER(A2)'],
    ['G28', '=DATE(2024,2,30)'],
    ['H10', '=C2:C3*2'],
    ['G29', '=COUNTIFS(A2:A5,"East",C2:C5,">150")'],
    ['G30', '=SUMIFS(C2:C5,A2:A5,"<>West")'],
    ['G31', '=AVERAGEIF(A2:A5,"East",C2:C5)'],
    ['G32', '=HLOOKUP("Amount",A1:D5,3,FALSE)'],
    ['G33', '=MATCH(100,{0,50,100,150},1)'],
    ['G34', '=ROUNDUP(-2.31,1)&"|"&ROUNDDOWN(2.39,1)'],
    ['G35', '=SUBSTITUTE(UPPER(B3),"B","x")&PROPER("hello world")'],
    ['G36', '=FIND("e","Cheese",4)+SEARCH("S","cheese")'],
    ['G37', '=WEEKDAY(D2,2)*100+MONTH(D3)*10+DAY(D4)'],
    ['G38', '=DATEDIF(D5,D2,"d")'],
    ['G39', '=TEXT(C3,"$#,##0.00")&" "&TEXT(0.1234,"0.0%")&" "&TEXT(D2,"mmm d, yyyy")'],
    ['G40', '=IF(A2="east",1,0)+("a"<"B")'],
    ['G41', '=ISNUMBER(C2)+ISTEXT(B2)*10+ISBLANK(F1)*100+ISERROR(G18)*1000'],
    ['G42', '=SUM(C2:C5)/COUNT(C2:C5)-AVERAGE(C2:C5)'],
    ['G43', '=MAX(C2:C5,500)-MIN(C2:C5,-100)'],
    ['G44', '=VALUE("1,234.5")+LEN(TRIM("  a  b  "))'],
    ['G45', '=SUMPRODUCT(C2:C5,--(A2:A5="East"))'],
    ['G46', '=INDEX(A1:D5,3,2)&INDEX(C2:C5,4)'],
    ['G47', '=CHOOSE(2,"x","y","z")&REPT("-",3)&MID("abcdef",3,10)'],
    ['G48', '=IFERROR(INDEX(A2:A5,MATCH("zzz",A2:A5,0)),"none")'],
    ['G49', '=MEDIAN(C2:C5)+LARGE(C2:C5,1)+SMALL(C2:C5,2)'],
    ['G50', '=COUNTBLANK(A1:F5)+COUNTA(E1:E4)'],
    ['G51', '=ABS(-3)*POWER(2,3)+SQRT(16)+MOD(10,3)+INT(7.9)'],
    ['G52', '=N(TRUE)+N("x")'],
    ['G53', '=RIGHT(TEXT(DATE(2024,1,1)+45,"yyyy-mm-dd"),5)'],
    ['G54', '=XOR(TRUE,FALSE)'],
    ['G55', '=(2^53+1)-2^53'],
    ['G56', '=0.1*3=0.3'],
    ['G57', '=PMT(0.05/12,360,200000)'],
    ['G58', '=FV(0.04,10,-100)'],
    ['G59', '=NPV(0.1,100,200,300)'],
    ['G60', '=STDEV(C2:C5)+VAR(C2:C5)'],
    ['G61', '=CORREL(C2:C5,{1;2;3;4})'],
    ['G62', '=NORM.DIST(1,0,1,TRUE)'],
    ['G63', '=IRR({-100,30,40,50})'],
    ['G64', '=RATE(10,-100,800)'],
    ['G65', '=STDEV.S(C2:C5)-STDEV.P(C2:C5)'],
    ['G66', '=MAXIFS(C2:C5,A2:A5,"East")'],
  ];
  X.addSheet(wb, 'Q1 Data');
  put(wb, 'A1', '21', 'Q1 Data');
  X.activateSheet(wb, 'Sheet1');
  X.defineName(wb, 'Rate', '=0.5');
  X.defineName(wb, 'Amounts', 'Sheet1!C2:C5');
  X.defineName(wb, 'Local', "'Q1 Data'!A1", { scope: 'Q1 Data' });
  for (const [a, f] of formulas) put(wb, a, f);
  X.setFont(wb, undefined, 'A1:D1', {
    bold: true,
    italic: true,
    size: 14,
    color: '#C00000',
    name: 'Arial',
    underline: 'double',
  });
  X.setFill(wb, undefined, 'A1:D1', '#FFFF00');
  X.setBorders(wb, undefined, 'A1:D5', 'all', { color: '#0070C0' });
  X.setBorders(wb, undefined, 'A5:D5', 'thickBottom');
  X.setAlignment(wb, undefined, 'A1:D1', { horizontal: 'center', vertical: 'top', wrapText: true });
  X.setAlignment(wb, undefined, 'B2', { indent: 2, textRotation: -30 });
  X.setNumberFormat(wb, undefined, 'C2:C5', 'currency');
  X.setNumberFormat(wb, undefined, 'G2', '0.000');
  X.setNumberFormat(wb, undefined, 'G11', 'percentage');
  X.setNumberFormat(wb, undefined, 'G1', 'accounting');
  X.mergeCells(wb, undefined, 'I1:K2', { center: true });
  X.setColumnWidth(wb, undefined, 'A', 20);
  X.setColumnWidth(wb, undefined, 'B:C', 12.5);
  X.setColumnsHidden(wb, undefined, 'L', true);
  X.setRowHeight(wb, undefined, 1, 30);
  X.setRowsHidden(wb, undefined, 30, true);
  X.freezePanes(wb, undefined, 'B2');
  X.addDataValidation(wb, undefined, {
    range: 'A2:A20',
    type: 'list',
    source: 'East,West,North',
    error: 'Pick a region',
    errorStyle: 'warning',
  });
  X.addDataValidation(wb, undefined, {
    range: 'C2:C20',
    type: 'decimal',
    operator: 'between',
    value1: -100,
    value2: 1000,
  });
  X.addDataValidation(wb, undefined, { range: 'H2:H5', type: 'list', source: '=$A$2:$A$5' });
  X.addConditionalFormat(wb, undefined, {
    range: 'C2:C5',
    rule: { type: 'cellIs', operator: 'greaterThan', values: ['100'] },
  });
  X.addConditionalFormat(wb, undefined, {
    range: 'C2:C5',
    rule: { type: 'cellIs', operator: 'between', values: ['=$G$2', '500'] },
    style: 'greenFillDarkGreenText',
  });
  X.addConditionalFormat(wb, undefined, {
    range: 'A2:A5',
    rule: { type: 'containsText', text: 'st' },
    style: { font: { bold: true, color: '#0000FF' } },
  });
  X.addConditionalFormat(wb, undefined, {
    range: 'A2:D5',
    rule: { type: 'expression', formula: '=$C2<0' },
    style: { fill: '#D9D9D9' },
    stopIfTrue: true,
  });
  X.addConditionalFormat(wb, undefined, { range: 'C2:C5', rule: { type: 'top10', rank: 2, bottom: true } });
  X.addConditionalFormat(wb, undefined, { range: 'B2:B5', rule: { type: 'duplicateValues' } });
  X.setAutoFilter(wb, undefined, 'A1:D5');
  X.setFilterCriterion(wb, undefined, 'A', { type: 'values', values: ['East', 'West'] });
  X.setFilterCriterion(wb, undefined, 'C', {
    type: 'custom',
    conditions: [
      { operator: 'greaterThan', value: 0 },
      { operator: 'lessThan', value: 250 },
    ],
  });
  X.getSheet(wb).tabColor = '#00B050';
  return wb;
}

const sheetsWithoutCharts = (wb: X.Workbook) =>
  wb.sheets.map((s) => ({
    ...s,
    charts: [],
    conditionalFormats: [...s.conditionalFormats].sort((a, b) => a.priority - b.priority),
  }));

describe('xlsx round trip (model → xlsx → model)', () => {
  it('keeps values, formulas, styles, layout, validation, conditional formats, filter and names', async () => {
    const wb = featureWorkbook();
    const back = await importXlsx(await exportXlsx(wb), { now: wb.calc.now });
    expect(sheetsWithoutCharts(back)).toEqual(sheetsWithoutCharts(wb));
    expect(back.names).toEqual(wb.names);
    expect(back.activeSheet).toBe('Sheet1');
    expect(back.defaultFont).toEqual(wb.defaultFont);
  });

  it('keeps an "Any value" rule that carries an input message, and drops one that carries nothing', async () => {
    const wb = X.createEmptyWorkbook();
    X.addDataValidation(wb, undefined, {
      range: 'B2:B9',
      type: 'none',
      promptTitle: 'Units',
      prompt: 'Whole units sold this month',
    });
    X.addDataValidation(wb, undefined, { range: 'D2', type: 'none' });
    const zip = await JSZip.loadAsync(await exportXlsx(wb));
    const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    expect(xml).toContain('type="none"');
    const back = await importXlsx(await exportXlsx(wb));
    expect(X.getSheet(back).validations).toEqual([X.getSheet(wb).validations[0]]);
  });

  it('keeps cached results when asked not to recalculate, and writes no values when told so', async () => {
    const wb = featureWorkbook();
    const kept = await importXlsx(await exportXlsx(wb), { recalculate: false });
    expect(X.getSheet(kept).cells.G12!.value).toBe(75.5);
    const bare = await importXlsx(await exportXlsx(wb, { cachedValues: false }), { recalculate: false });
    expect(X.getSheet(bare).cells.G12!.value).toBeNull();
    expect(X.getSheet(bare).cells.G12!.formula).toBe('=VLOOKUP("bob",B2:C5,2,FALSE)');
  });

  it('prefixes newer functions with _xlfn. in the file and strips it on reading', async () => {
    const wb = X.createEmptyWorkbook();
    put(wb, 'A1', '=XLOOKUP(1,B1:B2,C1:C2,"none")&CONCAT("a","b")');
    const zip = await JSZip.loadAsync(await exportXlsx(wb));
    const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    expect(xml).toContain('<f>_xlfn.XLOOKUP(1,B1:B2,C1:C2,"none")&amp;_xlfn.CONCAT("a","b")</f>');
    const back = await importXlsx(await exportXlsx(wb));
    expect(X.getSheet(back).cells.A1).toEqual(X.getSheet(wb).cells.A1);
  });

  it('uses the function registry to decide which functions need _xlfn.', () => {
    expect(toFileFormula('=PDURATION(0.1,1,2)+SUM(1)+NORM.DIST(1,0,1,TRUE)')).toBe(
      '_xlfn.PDURATION(0.1,1,2)+SUM(1)+_xlfn.NORM.DIST(1,0,1,TRUE)',
    );
    expect(fromFileFormula('_xlfn._xlws.SORT(A1:A3)+_xlfn.XLOOKUP(1,B:B,C:C)')).toBe(
      '=SORT(A1:A3)+XLOOKUP(1,B:B,C:C)',
    );
  });

  it('converts column widths the way Excel stores them', () => {
    expect(widthToFile(8.43)).toBeCloseTo(9.140625, 6);
    for (const w of [1, 8.43, 12.57, 20, 55.29]) expect(widthFromFile(widthToFile(w))).toBeCloseTo(w, 2);
  });

  it('reads shared formulas as Excel writes them', async () => {
    const wb = X.createEmptyWorkbook();
    const zip = await JSZip.loadAsync(await exportXlsx(wb));
    zip.file(
      'xl/worksheets/sheet1.xml',
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
        '<row r="1"><c r="A1"><v>2</v></c><c r="B1"><f t="shared" ref="B1:B3" si="0">A1*10</f><v>20</v></c></row>' +
        '<row r="2"><c r="A2"><v>3</v></c><c r="B2"><f t="shared" si="0"/><v>30</v></c></row>' +
        '<row r="3"><c r="B3"><f t="shared" si="0"/></c><c r="C3" t="inlineStr"><is><t>inline</t></is></c></row>' +
        '</sheetData></worksheet>',
    );
    const back = await importXlsx(await zip.generateAsync({ type: 'uint8array' }));
    const cells = X.getSheet(back).cells;
    expect(cells.B2).toEqual({ value: 30, formula: '=A2*10' });
    expect(cells.B3).toEqual({ value: 0, formula: '=A3*10' });
    expect(cells.C3).toEqual({ value: 'inline' });
  });
});

describe('xlsx input errors name what is wrong', () => {
  it('rejects data that is not a ZIP archive', async () => {
    await expect(importXlsx(new TextEncoder().encode('hello, world'))).rejects.toThrow(
      /not an \.xlsx file: the data is not a ZIP archive/,
    );
    await expect(importXlsx(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0]))).rejects.toThrow(
      /OLE compound file/,
    );
    await expect(importXlsx(Uint8Array.from([0x50, 0x4b, 3, 4, 9, 9, 9]))).rejects.toThrow(
      /ZIP archive is damaged/,
    );
  });

  it('names a missing part', async () => {
    const zip = await JSZip.loadAsync(await exportXlsx(X.createEmptyWorkbook()));
    zip.remove('xl/worksheets/sheet1.xml');
    await expect(importXlsx(await zip.generateAsync({ type: 'uint8array' }))).rejects.toThrow(
      /no part xl\/worksheets\/sheet1\.xml/,
    );
    zip.remove('xl/workbook.xml');
    await expect(importXlsx(await zip.generateAsync({ type: 'uint8array' }))).rejects.toThrow(
      /no part xl\/workbook\.xml/,
    );
  });

  it('names the part with malformed XML and where it breaks', async () => {
    const zip = await JSZip.loadAsync(await exportXlsx(X.createEmptyWorkbook()));
    zip.file('xl/styles.xml', '<styleSheet><fonts></styleSheet>');
    const err = await importXlsx(await zip.generateAsync({ type: 'uint8array' })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(X.ExcelError);
    expect((err as X.ExcelError).code).toBe('BAD_FILE');
    expect((err as Error).message).toMatch(/^xl\/styles\.xml is not well-formed XML: .*line 1/);
  });

  it('names a cell with a broken value', async () => {
    const zip = await JSZip.loadAsync(await exportXlsx(X.createEmptyWorkbook()));
    zip.file(
      'xl/worksheets/sheet1.xml',
      '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>7</v></c></row></sheetData></worksheet>',
    );
    await expect(importXlsx(await zip.generateAsync({ type: 'uint8array' }))).rejects.toThrow(
      /xl\/worksheets\/sheet1\.xml: cell A1 points at shared string 7, which does not exist/,
    );
  });
});

const hasSoffice = spawnSync('which', ['soffice']).status === 0;

describe.skipIf(!hasSoffice)('LibreOffice round trip', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lamgym-xlsx-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('LibreOffice reads our file, recalculates every formula to our results, and keeps the features', async () => {
    const wb = featureWorkbook();
    // No cached values: LibreOffice has to compute every formula itself.
    writeFileSync(join(dir, 'in.xlsx'), await exportXlsx(wb, { cachedValues: false }));
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${dir}/profile`,
        '--headless',
        '--convert-to',
        'xlsx',
        '--outdir',
        join(dir, 'out'),
        join(dir, 'in.xlsx'),
      ],
      { stdio: 'ignore', timeout: 120_000 },
    );
    const lo = await importXlsx(readFileSync(join(dir, 'out', 'in.xlsx')), { recalculate: false });
    const ours = X.getSheet(wb, 'Sheet1').cells;
    const theirs = X.getSheet(lo, 'Sheet1').cells;
    let checked = 0;
    for (const [addr, cell] of Object.entries(ours)) {
      if (cell.formula === undefined) continue;
      const other = theirs[addr]!;
      expect.soft(other.formula, addr).toBe(cell.formula);
      if (typeof cell.value === 'number')
        expect.soft(other.value, `${addr} ${cell.formula}`).toBeCloseTo(cell.value, 9);
      else expect.soft(other.value, `${addr} ${cell.formula}`).toEqual(cell.value);
      checked++;
    }
    expect(checked).toBe(67);
    // The spilled block comes back as the array formula's block.
    expect(theirs.H11).toEqual({ value: 151, spilledFrom: 'H10' });
    // Constants and formatting LibreOffice carries over.
    for (const a of ['A1', 'B5', 'C3', 'D2', 'E3', 'E4']) expect(theirs[a]!.value, a).toEqual(ours[a]!.value);
    expect(X.displayText(lo, 'Sheet1', 'D2')).toBe('1/15/2024');
    expect(X.displayText(lo, 'Sheet1', 'C5')).toBe(X.displayText(wb, 'Sheet1', 'C5'));
    expect(theirs.A1!.style).toMatchObject({
      font: { bold: true, italic: true, size: 14, color: '#C00000', name: 'Arial' },
      fill: '#FFFF00',
    });
    expect(theirs.A1!.style!.alignment).toMatchObject({
      horizontal: 'center',
      vertical: 'top',
      wrapText: true,
    });
    expect(theirs.B5!.style!.border!.bottom).toEqual({ style: 'thick' });
    const s = X.getSheet(lo, 'Sheet1');
    expect(s.merges).toEqual(['I1:K2']);
    expect(s.cols.A!.width).toBeCloseTo(20, 1);
    expect(s.rows['1']!.height).toBe(30);
    expect(s.autoFilter!.range).toBe('A1:D5');
    expect(s.validations.find((v) => v.type === 'list' && v.listItems)?.listItems).toEqual([
      'East',
      'West',
      'North',
    ]);
    expect(s.conditionalFormats.map((c) => c.rule.type).sort()).toEqual([
      'cellIs',
      'cellIs',
      'containsText',
      'duplicateValues',
      'expression',
      'top10',
    ]);
    expect(lo.names.find((n) => n.name === 'Rate')!.refersTo).toBe('=0.5');
    expect(s.tabColor).toBe('#00B050');
  }, 180_000);
});

describe('theme colours', () => {
  it('resolves theme colours with tints as Excel shows them', async () => {
    const zip = await JSZip.loadAsync(await exportXlsx(X.createEmptyWorkbook()));
    zip.file(
      'xl/theme/theme1.xml',
      '<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office Theme"><a:themeElements><a:clrScheme name="Office">' +
        '<a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1><a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1>' +
        '<a:dk2><a:srgbClr val="44546A"/></a:dk2><a:lt2><a:srgbClr val="E7E6E6"/></a:lt2><a:accent1><a:srgbClr val="4472C4"/></a:accent1>' +
        '<a:accent2><a:srgbClr val="ED7D31"/></a:accent2></a:clrScheme></a:themeElements></a:theme>',
    );
    const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
    zip.file(
      'xl/_rels/workbook.xml.rels',
      rels.replace(
        '</Relationships>',
        '<Relationship Id="rIdT" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme" Target="theme/theme1.xml"/></Relationships>',
      ),
    );
    zip.file(
      'xl/styles.xml',
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
        '<fonts count="2"><font><sz val="11"/><color theme="1"/><name val="Calibri"/></font><font><b/><sz val="11"/><color theme="5"/><name val="Calibri"/></font></fonts>' +
        '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>' +
        '<fill><patternFill patternType="solid"><fgColor theme="4" tint="0.79998168889431442"/></patternFill></fill></fills>' +
        '<borders count="1"><border/></borders><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>' +
        '<xf numFmtId="0" fontId="1" fillId="2" borderId="0" applyFill="1"/></cellXfs></styleSheet>',
    );
    zip.file(
      'xl/worksheets/sheet1.xml',
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" s="1"/></row></sheetData></worksheet>',
    );
    const wb = await importXlsx(await zip.generateAsync({ type: 'uint8array' }));
    const style = X.getSheet(wb).cells.A1!.style!;
    expect(style.font).toEqual({ bold: true, color: '#ED7D31' });
    // Excel's palette shows "Blue, Accent 1, Lighter 80%" as #D9E1F2; the ECMA-376 HSL tint lands within 2 per channel.
    const channels = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
    const want = channels('#D9E1F2');
    channels(style.fill!).forEach((v, i) => expect(Math.abs(v - want[i]!)).toBeLessThanOrEqual(2));
  });
});
