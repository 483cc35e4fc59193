/** Vietnamese dates in documents: `ngày 22 tháng 01 năm 2014`, `22/01/2014`, `09-06-2016`. */

export function isoDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || year < 1900 || year > 2100) return null;
  if (month < 1 || month > 12 || day < 1) return null;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > last) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

// `ngày 26 tháng 11 năm 2003`, `ngày 30 tháng 12 Năm 2020`, `ngày 9 tháng 6 năm 2016`
const LONG_DATE = /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/iu;
// `19/7/2017`, `09/06/2016`, `22-01-2014`, `22.01.2014`
const NUMERIC_DATE = /(?<![\d/])(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4})(?!\d)/;

export interface FoundDate {
  iso: string | null;
  raw: string;
  index: number;
}

/** The first date in `text` (long or numeric form, whichever comes first). */
export function findDate(text: string): FoundDate | null {
  const long = LONG_DATE.exec(text);
  const numeric = NUMERIC_DATE.exec(text);
  const pick = long && (!numeric || long.index <= numeric.index) ? 'long' : numeric ? 'numeric' : null;
  if (pick === 'long' && long) {
    return { iso: isoDate(+long[3]!, +long[2]!, +long[1]!), raw: long[0], index: long.index };
  }
  if (pick === 'numeric' && numeric) {
    return { iso: isoDate(+numeric[4]!, +numeric[3]!, +numeric[1]!), raw: numeric[0], index: numeric.index };
  }
  return null;
}
