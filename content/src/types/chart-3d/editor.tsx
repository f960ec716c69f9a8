import { ColourInput, NumberInput, TextInput } from '../../browser/editor-fields';
import type { ContentEditorProps } from '../../browser/editor-props';
import { type EditorTextKey, editorWord } from '../../browser/editor-text';
import type { Chart3dProps } from './index';

/** Rows as "label; value" lines: what an operator pastes from a spreadsheet. */
function rowsToText(value: Chart3dProps): string {
  return value.table.rows.map((r) => `${r[value.labelKey] ?? ''}; ${r[value.valueKey] ?? ''}`).join('\n');
}

function textToRows(text: string, value: Chart3dProps): Chart3dProps['table'] {
  const rows = text
    .split('\n')
    .map((line) => line.split(/[;\t]/).map((cell) => cell.trim()))
    .filter(([label]) => label)
    .map(([label, number]) => {
      const n = Number((number ?? '').replace(/\./g, '').replace(',', '.'));
      return { [value.labelKey]: label ?? '', [value.valueKey]: Number.isFinite(n) ? n : 0 };
    });
  return {
    columns: [
      { key: value.labelKey, label: 'Label', type: 'text' },
      { key: value.valueKey, label: 'Nilai', type: 'number' },
    ],
    rows,
  };
}

export function Chart3dEditor({ value, onChange, lang }: ContentEditorProps<Chart3dProps>) {
  const w = (key: EditorTextKey) => editorWord(lang, key);
  return (
    <fieldset className="bg-editor" data-editor="chart-3d">
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
        label={w('chartData')}
        multiline
        value={rowsToText(value)}
        onChange={(text) => onChange({ ...value, table: textToRows(text, value) })}
        hint={w('chartDataHint')}
      />
      <TextInput
        label={w('unit')}
        value={value.unit}
        maxLength={24}
        onChange={(unit) => onChange({ ...value, unit })}
      />
      <NumberInput
        label={w('rotation')}
        value={value.rotateDegPerS}
        min={0}
        max={90}
        onChange={(rotateDegPerS) => onChange({ ...value, rotateDegPerS })}
      />
      <ColourInput label={w('barColour')} value={value.color} onChange={(color) => onChange({ ...value, color })} />
    </fieldset>
  );
}
