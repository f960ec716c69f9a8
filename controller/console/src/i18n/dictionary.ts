import { announcementWords } from './words/announcements';
import { commonWords } from './words/common';
import { dataWords } from './words/data';
import { errorWords } from './words/errors';
import { homeWords } from './words/home';
import { layoutWords } from './words/layouts';
import { libraryWords } from './words/library';
import { playerWords } from './words/players';
import { playlistWords } from './words/playlists';
import { reportWords } from './words/reports';
import { scheduleWords } from './words/schedule';
import { screenWords } from './words/screens';
import { trustWords } from './words/trust';
import { wallWords } from './words/walls';

export type Lang = 'id' | 'en';
export const LANGS: readonly Lang[] = ['id', 'en'];

/** One text in both languages. `{name}` marks a value filled in where it is used (`fill`). */
export interface Words {
  id: string;
  en: string;
}

/**
 * The console's one text catalogue: every string a person reads, Indonesian first and English complete, kept in
 * sections by page (words/) and merged here. A test checks that sections never reuse a key and that both languages
 * have the same placeholders; a browser test walks every page in both languages and fails on any text that is not
 * from here (or data: names, ids, numbers, dates).
 */
export const dictionary = {
  ...commonWords,
  ...homeWords,
  ...screenWords,
  ...libraryWords,
  ...announcementWords,
  ...playlistWords,
  ...layoutWords,
  ...scheduleWords,
  ...reportWords,
  ...playerWords,
  ...wallWords,
  ...dataWords,
  ...trustWords,
  ...errorWords,
} satisfies Record<string, Words>;

export type TextKey = keyof typeof dictionary;
export type Params = Record<string, string | number>;

/** Puts values into a text's `{name}` places; a value that is missing leaves its place visible, to be caught. */
export function fill(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

export function text(lang: Lang, key: TextKey, params?: Params): string {
  return fill(dictionary[key][lang], params);
}

/** Every section by name, for the checks that keys are unique across them. */
export const sections = {
  commonWords,
  homeWords,
  screenWords,
  libraryWords,
  announcementWords,
  playlistWords,
  layoutWords,
  scheduleWords,
  reportWords,
  playerWords,
  wallWords,
  dataWords,
  trustWords,
  errorWords,
};
