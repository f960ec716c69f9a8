import { Choice, TextInput } from '../../browser/editor-fields';
import type { ContentEditorProps } from '../../browser/editor-props';
import { type EditorTextKey, editorWord } from '../../browser/editor-text';
import { TEXT_BODY_MAX, TEXT_TITLE_MAX, type TextProps } from './index';

export function TextEditor({ value, onChange, lang }: ContentEditorProps<TextProps>) {
  const w = (key: EditorTextKey) => editorWord(lang, key);
  const en = value.en ?? { body: '' };
  return (
    <fieldset className="bg-editor" data-editor="text">
      <TextInput
        label={w('title')}
        value={value.title ?? ''}
        maxLength={TEXT_TITLE_MAX}
        onChange={(title) => onChange({ ...value, title: title || undefined })}
      />
      <TextInput
        label={w('body')}
        value={value.body}
        maxLength={TEXT_BODY_MAX}
        multiline
        onChange={(body) => onChange({ ...value, body })}
      />
      <TextInput
        label={w('titleEnglish')}
        value={en.title ?? ''}
        maxLength={TEXT_TITLE_MAX}
        onChange={(title) => onChange({ ...value, en: { ...en, title: title || undefined } })}
      />
      <TextInput
        label={w('bodyEnglish')}
        value={en.body}
        maxLength={TEXT_BODY_MAX}
        multiline
        hint={w('noTranslationHint')}
        onChange={(body) => onChange({ ...value, en: body ? { ...en, body } : undefined })}
      />
      <Choice
        label={w('tone')}
        value={value.tone}
        options={[
          { value: 'info', label: w('toneInfo') },
          { value: 'warning', label: w('toneWarning') },
        ]}
        onChange={(tone) => onChange({ ...value, tone })}
      />
    </fieldset>
  );
}
