// Typed message catalogues: every language must define every key the English catalogue has.
import type { Language } from '../../domain/model.ts';

export type Catalog<K extends string> = Record<Language, Record<K, string>>;

export function defineMessages<const T extends Record<string, string>>(
  en: T,
  es: Record<keyof T, string>,
  ca: Record<keyof T, string>,
  pt: Record<keyof T, string>,
): Catalog<Extract<keyof T, string>> {
  return { en, es, ca, pt } as Catalog<Extract<keyof T, string>>;
}
