/**
 * The lexicon: the Vietnamese vocabulary cchc reads plans with (areas, indicators, agencies,
 * column headers, provinces). The default is compiled from `src/lexicon/*.yaml` at build time;
 * a user file (`--lexicon my.yaml`) extends it: its entries come first, so they win.
 */
import { fold } from '../text/fold.js';
import { defaultLexiconData } from './generated.js';
import type { AreaCode, LexiconData } from './types.js';

export function defaultLexicon(): LexiconData {
  return defaultLexiconData;
}

type UserLexicon = Partial<{
  areas: Partial<Record<AreaCode, { label?: string; keywords?: string[] }>>;
  indicators: Record<string, { label?: string; keywords?: string[] }>;
  agencies: { name: string; aliases?: string[] }[];
  agencyListPrefixes: Record<string, string>;
  columns: Record<string, string[]>;
  funding: string[];
  agencyHeads: string[];
  productHeads: string[];
  provinces: { name: string; slug: string; aliases?: string[] }[];
}>;

const foldAll = (list: unknown): string[] => (Array.isArray(list) ? list.map((x) => fold(String(x))) : []);

/** Merge a user lexicon (already parsed from YAML) over a base. Unknown keys are reported. */
export function mergeLexicon(
  base: LexiconData,
  user: unknown,
): { lexicon: LexiconData; unknownKeys: string[] } {
  const u = (user ?? {}) as UserLexicon & Record<string, unknown>;
  const known = new Set([
    'areas',
    'indicators',
    'agencies',
    'agencyListPrefixes',
    'columns',
    'funding',
    'agencyHeads',
    'productHeads',
    'provinces',
  ]);
  const unknownKeys = Object.keys(u).filter((k) => !known.has(k));
  const areas = structuredClone(base.areas);
  for (const [code, entry] of Object.entries(u.areas ?? {})) {
    const target = areas[code as AreaCode];
    if (!target || !entry) {
      unknownKeys.push(`areas.${code}`);
      continue;
    }
    target.keywords = [...foldAll(entry.keywords), ...target.keywords];
    if (entry.label) target.label = entry.label;
  }
  const indicators: LexiconData['indicators'] = {};
  for (const [key, entry] of Object.entries(u.indicators ?? {})) {
    indicators[key] = {
      label: entry?.label ?? base.indicators[key]?.label ?? key,
      keywords: [...foldAll(entry?.keywords), ...(base.indicators[key]?.keywords ?? [])],
    };
  }
  for (const [key, entry] of Object.entries(base.indicators)) indicators[key] ??= entry;
  const columns = structuredClone(base.columns);
  for (const [kind, phrases] of Object.entries(u.columns ?? {}))
    columns[kind] = [...foldAll(phrases), ...(columns[kind] ?? [])];
  const prefixes: Record<string, string> = { ...base.agencyListPrefixes };
  for (const [head, prefix] of Object.entries(u.agencyListPrefixes ?? {})) prefixes[fold(head)] = prefix;
  return {
    lexicon: {
      areas,
      indicators,
      agencies: [
        ...(u.agencies ?? []).map((a) => ({ name: a.name, aliases: foldAll(a.aliases) })),
        ...base.agencies,
      ],
      agencyListPrefixes: prefixes,
      columns,
      funding: [...foldAll(u.funding), ...base.funding],
      agencyHeads: [...foldAll(u.agencyHeads), ...base.agencyHeads],
      productHeads: [...foldAll(u.productHeads), ...base.productHeads],
      provinces: [...(u.provinces ?? []), ...base.provinces],
    },
    unknownKeys,
  };
}
