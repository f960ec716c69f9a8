import { createContext, useContext } from 'react';
import { type Lang, type Params, type TextKey, dictionary, fill } from './dictionary';

export { type Lang, type TextKey, dictionary } from './dictionary';

export const LangContext = createContext<Lang>('id');

export function useLang(): Lang {
  return useContext(LangContext);
}

/** The console's words in the chosen language: `t('publish')`, `t('publishedAs', { version: 3 })`. */
export function useT(): (key: TextKey, params?: Params) => string {
  const lang = useContext(LangContext);
  return (key, params) => fill(dictionary[key][lang], params);
}
