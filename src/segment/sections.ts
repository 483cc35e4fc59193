/**
 * Headings → sections, and the section each prose block sits in.
 *
 * Real plans skip numerals (000 has no `II.` before `1. Chỉ tiêu thực hiện`), repeat them, and wrap
 * headings over two lines (004: `I. MỤC TIÊU,` / `YÊU CẦU`). A section's key is its numeral path
 * (`I`, `I.2`, or `1` without a roman parent); a repeated key gets `#2`, `#3`.
 */
import type { AreaCode, AreaEntry } from '../lexicon/types.js';
import { fold } from '../text/fold.js';
import { memo } from '../text/memo.js';
import type { Block } from './blocks.js';

export interface Section {
  key: string;
  numeral: string;
  title: string;
  level: number;
  area: AreaCode | null;
  line: number;
}

// Headings and group cells repeat across a batch (`I. CẢI CÁCH THỂ CHẾ`): each short folded text is
// read once per lexicon (a task's longer title is read as it comes).
let AREA_CACHE = new WeakMap<Record<AreaCode, AreaEntry>, Map<string, AreaCode | null>>();
memo({
  clear: () => {
    AREA_CACHE = new WeakMap();
  },
});

export function areaOf(text: string, areas: Record<AreaCode, AreaEntry>): AreaCode | null {
  const folded = fold(text);
  if (folded.length > 120) return areaOfFolded(folded, areas);
  let cache = AREA_CACHE.get(areas);
  if (!cache) {
    cache = new Map();
    AREA_CACHE.set(areas, cache);
  }
  let area = cache.get(folded);
  if (area === undefined) {
    area = areaOfFolded(folded, areas);
    if (cache.size >= 20_000) cache.clear();
    // A fold is a string of its own (see `fold`), which keeps no document alive.
    cache.set(folded, area);
  }
  return area;
}

/**
 * The area whose keyword is the longest found in `folded` (the first area and keyword in the
 * lexicon's order among keywords of that length), or null: what a loop testing every keyword with
 * `includes` finds, by one scan. At each position the scan finds the longest keyword starting there
 * (a lookahead of every keyword, longest first); the longest of all is one of those.
 */
export function areaOfFolded(folded: string, areas: Record<AreaCode, AreaEntry>): AreaCode | null {
  const { pattern, keywords } = matcherOf(areas);
  if (pattern === null) return null;
  let best: { area: AreaCode; rank: number } | null = null;
  let bestLength = 0;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(folded); m !== null; m = pattern.exec(folded)) {
    const keyword = m[1]!;
    const found = keywords.get(keyword)!;
    if (keyword.length > bestLength || (keyword.length === bestLength && found.rank < best!.rank)) {
      best = found;
      bestLength = keyword.length;
    }
    // Every match is empty (a lookahead): the next search starts one unit on.
    pattern.lastIndex = m.index + 1;
  }
  pattern.lastIndex = 0;
  return best?.area ?? null;
}

interface AreaMatcher {
  /** `(?=(k1|k2|…))`, the keywords longest first; null when the lexicon has none. */
  pattern: RegExp | null;
  /** Each keyword's first area and its place in the lexicon's order (area by area, keyword by keyword). */
  keywords: Map<string, { area: AreaCode; rank: number }>;
}

const MATCHERS = new WeakMap<Record<AreaCode, AreaEntry>, AreaMatcher>();

function matcherOf(areas: Record<AreaCode, AreaEntry>): AreaMatcher {
  let matcher = MATCHERS.get(areas);
  if (matcher === undefined) {
    const keywords = new Map<string, { area: AreaCode; rank: number }>();
    for (const [area, entry] of Object.entries(areas) as [AreaCode, AreaEntry][]) {
      for (const keyword of entry.keywords) {
        if (keyword !== '' && !keywords.has(keyword)) keywords.set(keyword, { area, rank: keywords.size });
      }
    }
    const alternatives = [...keywords.keys()]
      .sort((x, y) => y.length - x.length)
      .map((k) => k.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&'));
    matcher = {
      pattern: alternatives.length === 0 ? null : new RegExp(`(?=(${alternatives.join('|')}))`, 'g'),
      keywords,
    };
    MATCHERS.set(areas, matcher);
  }
  return matcher;
}

/** Gives out unique keys: the second `V` becomes `V#2`. */
export class KeyRegistry {
  private readonly seen = new Map<string, number>();
  unique(key: string): string {
    const n = (this.seen.get(key) ?? 0) + 1;
    this.seen.set(key, n);
    return n === 1 ? key : `${key}#${n}`;
  }
}

export interface SectionIndex {
  sections: Section[];
  /**
   * For each block (by index), the innermost section and its ancestors (outermost first). Blocks in
   * the same section share one array: read it, do not change it.
   */
  path: Section[][];
}

export function indexSections(blocks: Block[], areas: Record<AreaCode, AreaEntry>): SectionIndex {
  const sections: Section[] = [];
  const path: Section[][] = [];
  const keys = new KeyRegistry();
  let stack: Section[] = [];
  for (const block of blocks) {
    if (block.kind === 'heading' && block.numeral && block.level <= 3) {
      // A new array for each section: the arrays already in `path` stay as they were.
      stack = stack.filter((s) => s.level < block.level);
      const parent = stack[stack.length - 1];
      // `1.2` under `III.1` is `III.1.2`, not `III.1.1.2`: a dotted numeral already names its parents.
      const anchor = block.numeral.includes('.') ? stack.find((s) => s.level === 1) : parent;
      const rawKey = anchor ? `${anchor.key.replace(/#\d+$/, '')}.${block.numeral}` : block.numeral;
      const section: Section = {
        key: keys.unique(rawKey),
        numeral: block.numeral,
        title: block.body,
        level: block.level,
        area: areaOf(block.body, areas),
        line: block.line,
      };
      sections.push(section);
      stack.push(section);
    }
    path.push(stack);
  }
  return { sections, path };
}

export type GoalKind = 'purpose' | 'objective' | 'requirement' | 'target';

/** `Mục đích` → purpose, `Mục tiêu` → objective, `Yêu cầu` → requirement, `Chỉ tiêu` → target. */
export function goalKindOf(title: string): GoalKind | null {
  const t = fold(title);
  if (/^(?:cac )?chi tieu|muc tieu cu the/.test(t)) return 'target';
  if (/^muc tieu/.test(t)) return 'objective';
  if (/^muc dich/.test(t)) return 'purpose';
  if (/^yeu cau/.test(t)) return 'requirement';
  return null;
}
