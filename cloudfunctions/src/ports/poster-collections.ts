import type { PosterKind } from '@linli/shared';

/**
 * A printed 服务联系卡 (张贴海报), one per place (id = the compound's or building's id): what the
 * team looked like when staff last generated it, so the card can tell them to print it again.
 */
export type PosterDoc = {
  _id: string;
  kind: PosterKind;
  compoundId: string;
  title: string;
  /** `teamFingerprint` of the team printed on it. */
  fingerprint: string;
  teamVersion: number;
  generatedAt: string;
  generatedBy: string;
  /** The compound's mini-program code in cloud storage, made once and reused (WeChat advises pre-generating). */
  miniCodeFileId?: string;
};

/** Spread into COLLECTIONS, INDEXES and Documents (collections.ts, documents.ts). */
export const POSTER_COLLECTIONS = {
  posters: 'posters',
} as const;

type PosterIndex = {
  collection: (typeof POSTER_COLLECTIONS)[keyof typeof POSTER_COLLECTIONS];
  name: string;
  fields: [string, 'asc' | 'desc'][];
};

export const POSTER_INDEXES: PosterIndex[] = [
  // the card (for its staff) lists the compound's printed posters
  { collection: 'posters', name: 'posters_compound', fields: [['compoundId', 'asc']] },
];

export type PosterDocuments = { posters: PosterDoc };
