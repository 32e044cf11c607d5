import { describe, expect, it } from 'vitest';
import { BOM, csvCell, csvFile, neutraliseFormula } from '../../shared/api/csv';
import { linkRows, linksCsv, linksFileName, linksText, TRAINER_ROW_TEAM } from './teamLinks';

const links = (n: string) => ({ facilitator: `https://b.example/b/${n}?token=f`, editor: `https://b.example/b/${n}?token=e`, viewer: `https://b.example/b/${n}?token=v` });
const cohort = {
  name: 'Spring academy',
  trainer: 'https://b.example/c/C1?token=t',
  boards: [
    { team: 'North', links: links('1') },
    { team: 'South, coast', links: links('2') },
    { team: '=HYPERLINK("http://evil")', links: links('3') },
  ],
};

describe('csv cells', () => {
  it.each(['=', '+', '-', '@', '\t', '\r'])('neutralises text starting with %j', (c) => {
    expect(neutraliseFormula(`${c}1+1`)).toBe(`'${c}1+1`);
  });

  it('leaves formula characters later in the text alone', () => {
    expect(neutraliseFormula('a=b')).toBe('a=b');
    expect(neutraliseFormula(' =x')).toBe(' =x');
    expect(neutraliseFormula('')).toBe('');
  });

  it('quotes cells with commas, quotes and line breaks, doubling inner quotes', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
  });

  it('keeps a leading carriage return inside the quoted, neutralised cell', () => {
    expect(csvCell('\rx')).toBe(`"'\rx"`);
  });

  it('writes a BOM, a header and CRLF row ends', () => {
    expect(csvFile(['a', 'b'], [['1', '2']])).toBe(`${BOM}a,b\r\n1,2\r\n`);
  });
});

describe('team links', () => {
  it('lists the trainer link first, then three links per team', () => {
    const rows = linkRows(cohort);
    expect(rows).toHaveLength(1 + 3 * 3);
    expect(rows[0]).toEqual([TRAINER_ROW_TEAM, 'trainer', cohort.trainer]);
    expect(rows.slice(1, 4).map((r) => r[1])).toEqual(['facilitator', 'editor', 'viewer']);
    expect(rows[2]).toEqual(['North', 'editor', 'https://b.example/b/1?token=e']);
  });

  it('builds a CSV a spreadsheet cannot turn into a formula', () => {
    const csv = linksCsv(cohort);
    expect(csv.startsWith(`${BOM}team,role,link\r\n`)).toBe(true);
    const lines = csv.slice(BOM.length).split('\r\n');
    expect(lines).toHaveLength(1 + 10 + 1); // header, rows, and the empty string after the last CRLF
    expect(lines.at(-1)).toBe('');
    expect(csv).toContain('"South, coast",facilitator,https://b.example/b/2?token=f\r\n');
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")",viewer,https://b.example/b/3?token=v\r\n`);
  });

  it('writes a plain-text list with every link and the trainer link marked private', () => {
    const text = linksText(cohort);
    expect(text).toContain('Trainer dashboard (keep this private): https://b.example/c/C1?token=t');
    expect(text).toContain('North\n  Facilitator: https://b.example/b/1?token=f\n  Editor: https://b.example/b/1?token=e\n  Viewer: https://b.example/b/1?token=v');
    expect(text.match(/https:\/\//g)).toHaveLength(10);
  });

  it('names the file from the cohort and the date', () => {
    expect(linksFileName('Spring académie: group B', new Date(2026, 4, 4))).toBe('Spring-academie-group-B-links-2026-05-04.csv');
    expect(linksFileName('***', new Date(2026, 0, 9))).toBe('cohort-links-2026-01-09.csv');
  });
});
