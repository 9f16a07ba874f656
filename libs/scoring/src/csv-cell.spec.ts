import { csvCell, csvRecord } from './csv-cell.js';

describe('CSV cells that carry no spreadsheet formula', () => {
  it.each([
    ['=HYPERLINK("http://x.example","ver")', `"'=HYPERLINK(""http://x.example"",""ver"")"`],
    ['+34 600 123 456', `"'+34 600 123 456"`],
    ['-2+3', `"'-2+3"`],
    ['@SUM(A1:A2)', `"'@SUM(A1:A2)"`],
    ['\t=1+1', `"'\t=1+1"`],
    ['\r=1+1', `"'\r=1+1"`],
    ['  =1+1', `"'  =1+1"`],
    ['＝1+1', `"'＝1+1"`],
  ])('prefixes a single quote to a cell that would start a formula, and quotes it: %j', (value, expected) => {
    expect(csvCell(value, ';')).toBe(expected);
  });

  it.each([
    ['Muy buena llamada; sin pegas', '"Muy buena llamada; sin pegas"'],
    ['dijo "hola"', '"dijo ""hola"""'],
    ['línea 1\nlínea 2', '"línea 1\nlínea 2"'],
    ['a=b', '"a=b"'],
    ['2026-03-02T10:00:00.000Z', '"2026-03-02T10:00:00.000Z"'],
  ])('quotes other text without changing it: %j', (value, expected) => {
    expect(csvCell(value, ';')).toBe(expected);
  });

  it('leaves numbers bare, so they stay numbers', () => {
    expect(csvCell('74,5', ';')).toBe('74,5');
    expect(csvCell('74.5', ',')).toBe('74.5');
    expect(csvCell('-3', ';')).toBe('-3');
    expect(csvCell(12, ',')).toBe('12');
    expect(csvCell(-0.5, ',')).toBe('-0.5');
    // A decimal comma is the English delimiter: quoted there, so the cell is not split.
    expect(csvCell('74,5', ',')).toBe('"74,5"');
  });

  it('writes empty cells empty', () => {
    expect(csvCell('', ';')).toBe('');
    expect(csvCell(null, ';')).toBe('');
    expect(csvCell(undefined, ';')).toBe('');
  });

  it('joins a record with the delimiter and CRLF', () => {
    expect(csvRecord(['id', '=1+1', '74,5', null], ';')).toBe(`"id";"'=1+1";74,5;\r\n`);
  });
});
