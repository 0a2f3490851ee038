/** Where new ids and codes come from, so tests can make them predictable. */
export interface Ids {
  newId(): string;
  /** A short human-readable code of `length` characters from `alphabet`. */
  newCode(alphabet: string, length: number): string;
}
