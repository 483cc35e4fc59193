import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const FIXTURES = {
  sonLa: 'son-la-2014-qd-158.txt',
  thaiNguyen: 'thai-nguyen-2017-kh-121.txt',
  hauGiang: 'hau-giang-2016-kh-51.txt',
  namDinh: 'nam-dinh-2021-kh-117.txt',
} as const;

export const FIXTURE_FILES = Object.values(FIXTURES);

export function fixturePath(name: string): string {
  return join(import.meta.dirname, '..', '..', 'fixtures', name);
}

export function readFixture(name: string): string {
  return readFileSync(fixturePath(name), 'utf8');
}
