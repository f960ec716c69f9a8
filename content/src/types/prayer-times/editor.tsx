import { NumberInput, TextInput, Toggle } from '../../browser/editor-fields';
import type { ContentEditorProps } from '../../browser/editor-props';
import { type EditorTextKey, editorWord } from '../../browser/editor-text';
import type { PrayerTimesProps } from './index';

export function PrayerTimesEditor({ value, onChange, lang }: ContentEditorProps<PrayerTimesProps>) {
  const w = (key: EditorTextKey) => editorWord(lang, key);
  const coordinates = value.location ? `${value.location.lat}, ${value.location.lon}` : '';
  return (
    <fieldset className="bg-editor" data-editor="prayer-times">
      <TextInput
        label={w('title')}
        value={value.title}
        maxLength={120}
        onChange={(title) => onChange({ ...value, title })}
      />
      <TextInput
        label={w('place')}
        value={value.place ?? ''}
        maxLength={120}
        onChange={(place) => onChange({ ...value, place: place || undefined })}
      />
      <TextInput
        label={w('coordinates')}
        value={coordinates}
        placeholder="-5.14, 119.42"
        onChange={(text) => {
          const [lat, lon] = text.split(',').map((n) => Number(n.trim()));
          const valid =
            lat !== undefined && lon !== undefined && Math.abs(lat) <= 90 && Math.abs(lon) <= 180 && text.includes(',');
          onChange({ ...value, location: text.trim() && valid ? { lat, lon } : undefined });
        }}
      />
      <NumberInput
        label={w('hijriOffset')}
        value={value.hijriOffsetDays}
        min={-3}
        max={3}
        onChange={(hijriOffsetDays) => onChange({ ...value, hijriOffsetDays })}
      />
      <Toggle
        label={w('showImsak')}
        checked={value.showImsak}
        onChange={(showImsak) => onChange({ ...value, showImsak })}
      />
    </fieldset>
  );
}
