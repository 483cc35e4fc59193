/** Canonical reform areas (SPEC §5): the six areas of Resolutions 30c/76 plus the PAR Index areas. */
export const AREA_CODES = [
  'direction',
  'institutions',
  'procedures',
  'apparatus',
  'civil-service',
  'public-finance',
  'e-government',
  'impact',
  'other',
] as const;
export type AreaCode = (typeof AREA_CODES)[number];

export interface AreaEntry {
  label: string;
  /** Folded (see text/fold.ts) phrases; a heading containing one maps to the area. Longest match wins. */
  keywords: string[];
}

export interface IndicatorEntry {
  label: string;
  /** Folded phrases; a target subject containing any of them carries this indicator. First indicator in file order wins. */
  keywords: string[];
}

export interface AgencyEntry {
  /** The canonical name, e.g. `Sở Thông tin và Truyền thông`. */
  name: string;
  /** Folded spellings that mean this agency, e.g. `so tttt`, `so tt&tt`, `so thong tin va tt`. */
  aliases: string[];
}

export interface LexiconData {
  areas: Record<AreaCode, AreaEntry>;
  indicators: Record<string, IndicatorEntry>;
  agencies: AgencyEntry[];
  /**
   * Words that head a shared-prefix agency list, folded, mapped to the prefix each item takes:
   * `cac so` → `Sở` (`Các Sở: Nội vụ, Tài chính` → `Sở Nội vụ`, `Sở Tài chính`).
   */
  agencyListPrefixes: Record<string, string>;
  /** Table column kinds → folded header phrases (`lead` → `co quan chu tri`, ...). */
  columns: Record<string, string[]>;
  /** Folded phrases that mark a funding-source cell (`kinh phi`, `ngan sach`, ...). */
  funding: string[];
  /** Folded words that begin an agency cell (`so`, `ubnd`, `van phong`, ...). */
  agencyHeads: string[];
  provinces: ProvinceEntry[];
  /** Folded words that begin a product cell (`quyet dinh`, `ke hoach`, ...). */
  productHeads: string[];
}

export interface ProvinceEntry {
  name: string;
  slug: string;
  /** Folded spellings besides the folded name. */
  aliases?: string[];
}
