/**
 * What a worker sends back for each document. A batch command names the smallest form it needs,
 * so that documents are reduced where they are parsed and the main thread never holds them all.
 */
import type { CchcDocument } from '../model/document.js';

export type Transform = (doc: CchcDocument) => unknown;

export const TRANSFORMS: Record<string, Transform> = {
  document: (doc) => doc,
};
