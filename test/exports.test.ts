/** The public API is a contract: adding or removing an export must be a deliberate change here. */
import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';

describe('public exports', () => {
  it('are exactly these', () => {
    expect(Object.keys(api).sort()).toEqual([
      'AREA_CODES',
      'COMMITMENT_COLUMNS',
      'DOCUMENT_COLUMNS',
      'EXPORT_TABLES',
      'GOAL_COLUMNS',
      'InputError',
      'MESSAGE_CODES',
      'NO_LEAD',
      'PERCENT_COLUMNS',
      'SCHEMA_VERSION',
      'SUPPORTED_ENCODINGS',
      'TARGET_COLUMNS',
      'TASK_COLUMNS',
      'TASK_STATUSES',
      'canonicalAgency',
      'commitmentRows',
      'compare',
      'comparisonTable',
      'decodeBytes',
      'defaultLexicon',
      'documentRows',
      'findDeadlinePhrase',
      'findOverdue',
      'formatTarget',
      'goalRows',
      'groupByLead',
      'mergeLexicon',
      'parseBytes',
      'parseDeadline',
      'parseFile',
      'parseStatusFile',
      'parseText',
      'readTargets',
      'splitAgencies',
      'targetRows',
      'taskRows',
      'toCsv',
      'transposeTable',
    ]);
  });

  it('include the functions of SPEC §8, and they work together', async () => {
    const doc = api.parseText(
      'ỦY BAN NHÂN DÂN\nTỈNH HÀ NAM\nSố: 7/KH-UBND\nHà Nam, ngày 3 tháng 3 năm 2019\n',
    );
    expect(doc.document.number).toBe('7/KH-UBND');
    expect(api.parseDeadline('Quý I + II năm 2014')).toMatchObject({ kind: 'quarter', due: '2014-06-30' });
    expect(api.findOverdue([doc], { asOf: '2020-01-01' }).rows).toEqual([]);
    expect(api.compare([doc]).rows).toHaveLength(1);
    expect(api.toCsv([{ a: 'x' }], ['a'])).toBe('a\nx\n');
    await expect(api.parseFile('no/such/file.txt')).rejects.toBeInstanceOf(api.InputError);
  });
});
