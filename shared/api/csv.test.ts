import { describe, expect, it } from 'vitest';
import { BOM, csvCell, csvFile, csvRow, FORMULA_LEADING_CHARACTERS, neutraliseFormula } from './csv';

/** A minimal RFC 4180 reader, to check that what we write reads back to the same cells. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  if (cell !== '' || row.length) throw new Error('last row has no CRLF');
  return rows;
}

describe('csvCell', () => {
  it('writes plain text as it is', () => {
    expect(csvCell('Acme Tooling')).toBe('Acme Tooling');
    expect(csvCell('')).toBe('');
  });

  it('quotes a cell holding a comma, a quote, a CR or a LF, doubling inner quotes', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('"')).toBe('""""');
    expect(csvCell('line 1\nline 2')).toBe('"line 1\nline 2"');
    expect(csvCell('line 1\r\nline 2')).toBe('"line 1\r\nline 2"');
    expect(csvCell('a\rb')).toBe('"a\rb"');
  });

  it('keeps unicode untouched (accents, CJK, emoji, right-to-left)', () => {
    for (const s of ['Région Île-de-France', '東京', 'Ünïcödé ✓ 🚀', 'عربى']) expect(csvCell(s)).toBe(s);
  });

  it.each(FORMULA_LEADING_CHARACTERS.map((c) => [JSON.stringify(c), c]))('neutralises text starting with %s', (_name, c) => {
    const cell = csvCell(`${c}cmd|' /C calc'!A0`);
    const [[read]] = parseCsv(`${cell}\r\n`);
    expect(read).toBe(`'${c}cmd|' /C calc'!A0`);
    expect(read[0]).toBe("'");
  });

  it('neutralises the classic payloads and leaves formula characters later in the text alone', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('1+1=2')).toBe('1+1=2');
    expect(csvCell('a-b')).toBe('a-b');
    expect(csvCell('email@example.org')).toBe('email@example.org');
    // A leading space is not a formula trigger; the cell is kept as typed.
    expect(csvCell(' =1')).toBe(' =1');
  });

  it('quotes a neutralised cell that starts with CR, so the CR stays inside the cell', () => {
    expect(csvCell('\r=1')).toBe('"\'\r=1"');
    expect(parseCsv(`${csvCell('\r=1')}\r\n`)).toEqual([["'\r=1"]]);
  });

  it('neutralises text that looks like a negative number, since it is text', () => {
    expect(csvCell('-3')).toBe("'-3");
  });

  it('writes numbers as numbers, negative ones included, never neutralised or quoted', () => {
    expect(csvCell(0)).toBe('0');
    expect(csvCell(7)).toBe('7');
    expect(csvCell(2.5)).toBe('2.5');
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(-0.25)).toBe('-0.25');
    expect(csvCell(1e21)).toBe('1e+21');
  });

  it('writes non-finite numbers, null and undefined as empty cells and booleans as true/false', () => {
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(Number.POSITIVE_INFINITY)).toBe('');
    expect(csvCell(Number.NEGATIVE_INFINITY)).toBe('');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(true)).toBe('true');
    expect(csvCell(false)).toBe('false');
  });
});

describe('neutraliseFormula', () => {
  it('prefixes exactly one quote and only for the formula characters', () => {
    expect(neutraliseFormula('=x')).toBe("'=x");
    expect(neutraliseFormula("'=x")).toBe("'=x");
    expect(neutraliseFormula('x=')).toBe('x=');
    expect(neutraliseFormula('')).toBe('');
    expect(FORMULA_LEADING_CHARACTERS).toEqual(['=', '+', '-', '@', '\t', '\r']);
  });
});

describe('csvRow and csvFile', () => {
  it('ends every row with CRLF, the last one too', () => {
    expect(csvRow(['a', 1, null, true])).toBe('a,1,,true\r\n');
    const file = csvFile(['x', 'y'], [['1', 2], ['3', 4]]);
    expect(file).toBe(`${BOM}x,y\r\n1,2\r\n3,4\r\n`);
    expect(file.endsWith('\r\n')).toBe(true);
  });

  it('starts with the UTF-8 byte-order mark', () => {
    const bytes = new TextEncoder().encode(csvFile(['a'], []));
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('reads back to the same cells through an RFC 4180 reader', () => {
    const rows = [
      ['plain', 'with, comma', 'with "quotes"', 'multi\nline', 'crlf\r\ninside', 'ünï', ''],
      ['=1+1', '+x', '-y', '@z', '\tt', '\rr', 'ok'],
    ];
    const file = csvFile(['a', 'b', 'c', 'd', 'e', 'f', 'g'], rows);
    const read = parseCsv(file.slice(BOM.length));
    expect(read[0]).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
    expect(read[1]).toEqual(rows[0]);
    expect(read[2]).toEqual(rows[1].map((c, i) => (i < 6 ? `'${c}` : c)));
  });

  it('pads short rows and refuses rows longer than the header', () => {
    expect(csvFile(['a', 'b', 'c'], [['1']])).toBe(`${BOM}a,b,c\r\n1,,\r\n`);
    expect(() => csvFile(['a'], [['1', '2']])).toThrow(RangeError);
  });
});
