import { TextInput, Toggle } from '../../browser/editor-fields';
import type { ContentEditorProps } from '../../browser/editor-props';
import { type EditorTextKey, editorWord } from '../../browser/editor-text';
import type { ClockProps } from './index';

export function ClockEditor({ value, onChange, lang }: ContentEditorProps<ClockProps>) {
  const w = (key: EditorTextKey) => editorWord(lang, key);
  return (
    <fieldset className="bg-editor" data-editor="clock">
      <TextInput
        label={w('caption')}
        value={value.caption ?? ''}
        maxLength={120}
        onChange={(caption) => onChange({ ...value, caption: caption || undefined })}
      />
      <Toggle
        label={w('showDate')}
        checked={value.showDate}
        onChange={(showDate) => onChange({ ...value, showDate })}
      />
      <Toggle
        label={w('showSeconds')}
        checked={value.showSeconds}
        onChange={(showSeconds) => onChange({ ...value, showSeconds })}
      />
    </fieldset>
  );
}
