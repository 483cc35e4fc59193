/**
 * A set of a document's 1-based line numbers (the lines inside task tables), one byte per line:
 * every prose reader asks it about every line, which a `Set<number>` answers by hashing.
 */
export interface LineLookup {
  has(line: number): boolean;
}

export class LineSet implements LineLookup {
  private readonly member: Uint8Array;

  constructor(lineCount: number) {
    this.member = new Uint8Array(lineCount + 2);
  }

  add(line: number): void {
    if (line >= 0 && line < this.member.length) this.member[line] = 1;
  }

  has(line: number): boolean {
    return this.member[line] === 1;
  }
}
