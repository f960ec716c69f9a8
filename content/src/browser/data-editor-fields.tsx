import { TextInput, Toggle } from './editor-fields';

interface WidgetBaseValue {
  title: string;
  titleEn?: string | undefined;
  feedId?: string | undefined;
  credit?: string | undefined;
  sample: boolean;
}

const FEED_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** The fields every data widget's form starts with: titles, the data source it shows, and its credit. */
export function WidgetBaseFields<V extends WidgetBaseValue>({
  value,
  onChange,
}: {
  value: V;
  onChange(next: V): void;
}) {
  return (
    <>
      <TextInput
        label="Judul · Title"
        value={value.title}
        maxLength={160}
        onChange={(title) => onChange({ ...value, title })}
      />
      <TextInput
        label="Judul (Inggris) · Title (English)"
        value={value.titleEn ?? ''}
        maxLength={160}
        onChange={(titleEn) => onChange({ ...value, titleEn: titleEn || undefined })}
      />
      <TextInput
        label="Sumber data (id) · Data source (id)"
        value={value.feedId ?? ''}
        maxLength={63}
        placeholder="apbd-2025"
        hint="Kosong: baris dalam item ini · Empty: the rows in this item"
        onChange={(feedId) => {
          const id = feedId.trim().toLowerCase();
          onChange({ ...value, feedId: FEED_ID.test(id) ? id : undefined });
        }}
      />
      <TextInput
        label="Kredit sumber · Credit"
        value={value.credit ?? ''}
        maxLength={160}
        hint="Untuk baris dalam item ini; sumber data membawa kreditnya sendiri · For rows in this item"
        onChange={(credit) => onChange({ ...value, credit: credit || undefined })}
      />
      <Toggle
        label="Data contoh (diberi label di layar) · Sample data (labelled on screen)"
        checked={value.sample}
        onChange={(sample) => onChange({ ...value, sample })}
      />
    </>
  );
}
