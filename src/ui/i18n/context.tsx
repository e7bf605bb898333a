// The interface language for the component tree.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { translator, type Translator } from './translate.ts';

export const I18nContext = createContext<Translator>(translator('en'));

export function useI18n(): Translator {
  return useContext(I18nContext);
}
