import { TextInput, Toggle } from '../../browser/editor-fields';
import type { ContentEditorProps } from '../../browser/editor-props';
import type { ClockProps } from './index';

export function ClockEditor({ value, onChange }: ContentEditorProps<ClockProps>) {
  return (
    <fieldset className="bg-editor" data-editor="clock">
      <TextInput
        label="Keterangan · Caption"
        value={value.caption ?? ''}
        maxLength={120}
        onChange={(caption) => onChange({ ...value, caption: caption || undefined })}
      />
      <Toggle
        label="Tampilkan tanggal · Show date"
        checked={value.showDate}
        onChange={(showDate) => onChange({ ...value, showDate })}
      />
      <Toggle
        label="Tampilkan detik · Show seconds"
        checked={value.showSeconds}
        onChange={(showSeconds) => onChange({ ...value, showSeconds })}
      />
    </fieldset>
  );
}
