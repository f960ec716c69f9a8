import { Choice, ColourInput, NumberInput, TextInput } from '../../browser/editor-fields';
import type { ContentEditorProps } from '../../browser/editor-props';
import { type EditorTextKey, editorWord } from '../../browser/editor-text';
import { RUNNING_TEXT_MAX, type RunningTextProps } from './index';

export function RunningTextEditor({ value, onChange, lang }: ContentEditorProps<RunningTextProps>) {
  const w = (key: EditorTextKey) => editorWord(lang, key);
  return (
    <fieldset className="bg-editor" data-editor="running-text">
      <TextInput
        label={w('runningText')}
        value={value.text}
        maxLength={RUNNING_TEXT_MAX}
        onChange={(text) => onChange({ ...value, text: text.replace(/[\r\n]+/g, ' ') })}
      />
      <NumberInput
        label={w('speed')}
        value={value.speed}
        min={20}
        max={800}
        step={10}
        onChange={(speed) => onChange({ ...value, speed })}
      />
      <Choice
        label={w('direction')}
        value={value.direction}
        options={[
          { value: 'rtl', label: w('directionRtl') },
          { value: 'ltr', label: w('directionLtr') },
        ]}
        onChange={(direction) => onChange({ ...value, direction })}
      />
      <TextInput
        label={w('separator')}
        value={value.separator}
        maxLength={10}
        onChange={(separator) => onChange({ ...value, separator })}
      />
      <NumberInput
        label={w('fontSize')}
        value={Math.round(value.fontScale * 100)}
        min={5}
        max={90}
        onChange={(pct) => onChange({ ...value, fontScale: pct / 100 })}
      />
      <ColourInput label={w('textColour')} value={value.color} onChange={(color) => onChange({ ...value, color })} />
      <ColourInput
        label={w('background')}
        value={value.background}
        onChange={(background) => onChange({ ...value, background })}
      />
    </fieldset>
  );
}
