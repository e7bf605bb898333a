// Message catalogues that load with a lazy screen instead of the first one, read in the interface language.
import { useMemo } from 'preact/hooks';
import type { Catalog } from './define.ts';
import { useI18n } from './context.tsx';
import type { Params } from './translate.ts';

export type LocalTranslate<K extends string> = (key: K, params?: Params) => string;

/**
 * catalog.ts merges every part into the first screen's bundle; a screen that loads later can keep its strings
 * to itself with this. Same rules: defineMessages, every language, `{name}` placeholders, numbers localised.
 */
export function useMessages<K extends string>(catalog: Catalog<K>): LocalTranslate<K> {
  const { lang, number } = useI18n();
  return useMemo(() => {
    const messages = catalog[lang];
    return (key, params) =>
      messages[key].replace(/\{(\w+)\}/g, (match, name: string) => {
        const value = params?.[name];
        if (value === undefined) return match;
        return typeof value === 'number' ? number(value) : value;
      });
  }, [catalog, lang, number]);
}
