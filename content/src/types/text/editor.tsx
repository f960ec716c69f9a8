import { Choice, TextInput } from '../../browser/editor-fields';
import type { ContentEditorProps } from '../../browser/editor-props';
import { TEXT_BODY_MAX, TEXT_TITLE_MAX, type TextProps } from './index';

export function TextEditor({ value, onChange }: ContentEditorProps<TextProps>) {
  const en = value.en ?? { body: '' };
  return (
    <fieldset className="bg-editor" data-editor="text">
      <TextInput
        label="Judul · Title"
        value={value.title ?? ''}
        maxLength={TEXT_TITLE_MAX}
        onChange={(title) => onChange({ ...value, title: title || undefined })}
      />
      <TextInput
        label="Isi · Body"
        value={value.body}
        maxLength={TEXT_BODY_MAX}
        multiline
        onChange={(body) => onChange({ ...value, body })}
      />
      <TextInput
        label="Judul (English) · Title (English)"
        value={en.title ?? ''}
        maxLength={TEXT_TITLE_MAX}
        onChange={(title) => onChange({ ...value, en: { ...en, title: title || undefined } })}
      />
      <TextInput
        label="Isi (English) · Body (English)"
        value={en.body}
        maxLength={TEXT_BODY_MAX}
        multiline
        hint="Kosongkan bila tidak ada terjemahan · Leave empty for no translation"
        onChange={(body) => onChange({ ...value, en: body ? { ...en, body } : undefined })}
      />
      <Choice
        label="Nada · Tone"
        value={value.tone}
        options={[
          { value: 'info', label: 'Informasi · Information' },
          { value: 'warning', label: 'Peringatan · Warning' },
        ]}
        onChange={(tone) => onChange({ ...value, tone })}
      />
    </fieldset>
  );
}
