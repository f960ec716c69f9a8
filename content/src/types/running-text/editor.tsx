import { Choice, ColourInput, NumberInput, TextInput } from '../../browser/editor-fields';
import type { ContentEditorProps } from '../../browser/editor-props';
import { RUNNING_TEXT_MAX, type RunningTextProps } from './index';

export function RunningTextEditor({ value, onChange }: ContentEditorProps<RunningTextProps>) {
  return (
    <fieldset className="bg-editor" data-editor="running-text">
      <TextInput
        label="Teks · Text"
        value={value.text}
        maxLength={RUNNING_TEXT_MAX}
        onChange={(text) => onChange({ ...value, text: text.replace(/[\r\n]+/g, ' ') })}
      />
      <NumberInput
        label="Kecepatan (piksel/detik) · Speed (pixels/s)"
        value={value.speed}
        min={20}
        max={800}
        step={10}
        onChange={(speed) => onChange({ ...value, speed })}
      />
      <Choice
        label="Arah · Direction"
        value={value.direction}
        options={[
          { value: 'rtl', label: 'Ke kiri · Right to left' },
          { value: 'ltr', label: 'Ke kanan · Left to right' },
        ]}
        onChange={(direction) => onChange({ ...value, direction })}
      />
      <TextInput
        label="Pemisah · Separator"
        value={value.separator}
        maxLength={10}
        onChange={(separator) => onChange({ ...value, separator })}
      />
      <NumberInput
        label="Ukuran huruf (% tinggi layar) · Font size (% of screen height)"
        value={Math.round(value.fontScale * 100)}
        min={5}
        max={90}
        onChange={(pct) => onChange({ ...value, fontScale: pct / 100 })}
      />
      <ColourInput
        label="Warna teks · Text colour"
        value={value.color}
        onChange={(color) => onChange({ ...value, color })}
      />
      <ColourInput
        label="Warna latar · Background"
        value={value.background}
        onChange={(background) => onChange({ ...value, background })}
      />
    </fieldset>
  );
}
