/**
 * The parser's memos: the maps that remember what a short text read as (its fold, its reform area,
 * a deadline cell, an agency cell), so that a text met again in the same batch is not read again.
 * Each is bounded, and none changes an answer: a text is read the same with or without it.
 *
 * They are registered here so that one call empties them all. Parsing never needs that; a benchmark
 * that times the same input several times does, so that every timed parse starts as a first one
 * (bench/pathological.js), and so does one that measures what the memos save (bench/run.js).
 */
const MEMOS: { clear(): void }[] = [];

/** Registers a memo (a `Map`, or anything with `clear`) and returns it. */
export function memo<T extends { clear(): void }>(map: T): T {
  MEMOS.push(map);
  return map;
}

/** Empties every memo: what follows is read as if no text had been read before. */
export function clearMemos(): void {
  for (const m of MEMOS) m.clear();
}
