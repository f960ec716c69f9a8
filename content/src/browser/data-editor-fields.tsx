import { TextInput, Toggle } from './editor-fields';
import { type EditorLang, editorWord } from './editor-text';

interface WidgetBaseValue {
  title: string;
  titleEn?: string | undefined;
  feedId?: string | undefined;
  credit?: string | undefined;
  sample: boolean;
}

const FEED_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** The number formats the data widgets offer, named in the console's language. */
export const formatOptions = (lang: EditorLang) =>
  [
    { value: 'number', label: editorWord(lang, 'formatNumber') },
    { value: 'rupiah', label: editorWord(lang, 'formatRupiah') },
    { value: 'percent', label: editorWord(lang, 'formatPercent') },
  ] as const;

/** The fields every data widget's form starts with: titles, the data source it shows, and its credit. */
export function WidgetBaseFields<V extends WidgetBaseValue>({
  value,
  lang,
  onChange,
}: {
  value: V;
  lang: EditorLang;
  onChange(next: V): void;
}) {
  const w = (key: Parameters<typeof editorWord>[1]) => editorWord(lang, key);
  return (
    <>
      <TextInput
        label={w('title')}
        value={value.title}
        maxLength={160}
        onChange={(title) => onChange({ ...value, title })}
      />
      <TextInput
        label={w('titleEnglish')}
        value={value.titleEn ?? ''}
        maxLength={160}
        onChange={(titleEn) => onChange({ ...value, titleEn: titleEn || undefined })}
      />
      <TextInput
        label={w('feedId')}
        value={value.feedId ?? ''}
        maxLength={63}
        placeholder="apbd-2025"
        hint={w('feedIdHint')}
        onChange={(feedId) => {
          const id = feedId.trim().toLowerCase();
          onChange({ ...value, feedId: FEED_ID.test(id) ? id : undefined });
        }}
      />
      <TextInput
        label={w('credit')}
        value={value.credit ?? ''}
        maxLength={160}
        hint={w('creditHint')}
        onChange={(credit) => onChange({ ...value, credit: credit || undefined })}
      />
      <Toggle label={w('sampleData')} checked={value.sample} onChange={(sample) => onChange({ ...value, sample })} />
    </>
  );
}
