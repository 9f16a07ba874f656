import { parse } from 'csv-parse/sync';
import { CSV_COLUMNS, countRecords, exampleCsv } from './calls-csv';

describe('the example calls file', () => {
  it('is written by the exports’ writer: text quoted, numbers bare, every column, two calls', () => {
    const text = exampleCsv('agente@empresa.es');
    expect(text.startsWith('"external_id","agent_email","started_at"')).toBe(true);
    expect(text).toContain(',312,"INBOUND"');
    const rows = parse(text) as string[][];
    expect(rows[0]).toEqual(CSV_COLUMNS.map((c) => c.name));
    expect(rows).toHaveLength(3);
    expect(countRecords(text)).toBe(2);
  });

  it('cannot carry a spreadsheet formula, whatever the placeholder e-mail says', () => {
    const rows = parse(exampleCsv('=HYPERLINK("http://x.example","ver")')) as string[][];
    expect(rows[1]![1]).toBe(`'=HYPERLINK("http://x.example","ver")`);
  });
});
