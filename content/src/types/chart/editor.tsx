import { WidgetBaseFields, formatOptions } from '../../browser/data-editor-fields';
import { Choice, NumberInput, TextInput, Toggle } from '../../browser/editor-fields';
import type { ContentEditorProps } from '../../browser/editor-props';
import { type EditorTextKey, editorWord } from '../../browser/editor-text';
import type { ChartProps } from './index';

const VARIANTS = [
  { value: 'bar', word: 'chartBar' },
  { value: 'line', word: 'chartLine' },
  { value: 'pie', word: 'chartPie' },
  { value: 'donut', word: 'chartDonut' },
] as const;
const SORTS = [
  { value: 'none', word: 'orderNone' },
  { value: 'desc', word: 'orderDesc' },
  { value: 'asc', word: 'orderAsc' },
] as const;

export function ChartEditor({ value, onChange, lang }: ContentEditorProps<ChartProps>) {
  const w = (key: EditorTextKey) => editorWord(lang, key);
  return (
    <fieldset className="bg-editor" data-editor="chart">
      <WidgetBaseFields value={value} lang={lang} onChange={onChange} />
      <Choice
        label={w('chartKind')}
        value={value.variant}
        options={VARIANTS.map((v) => ({ value: v.value, label: w(v.word) }))}
        onChange={(variant) => onChange({ ...value, variant })}
      />
      <TextInput
        label={w('labelColumn')}
        value={value.labelKey}
        maxLength={64}
        onChange={(labelKey) => onChange({ ...value, labelKey })}
      />
      <TextInput
        label={w('valueColumns')}
        value={value.series.map((s) => s.column).join(', ')}
        onChange={(text) => {
          const columns = text
            .split(',')
            .map((c) => c.trim())
            .filter(Boolean)
            .slice(0, 4);
          if (columns.length)
            onChange({
              ...value,
              series: columns.map((column) => value.series.find((s) => s.column === column) ?? { column }),
            });
        }}
      />
      <Choice
        label={w('format')}
        value={value.format}
        options={formatOptions(lang)}
        onChange={(format) => onChange({ ...value, format })}
      />
      <Choice
        label={w('order')}
        value={value.sort}
        options={SORTS.map((s) => ({ value: s.value, label: w(s.word) }))}
        onChange={(sort) => onChange({ ...value, sort })}
      />
      <NumberInput
        label={w('rowLimit')}
        value={value.limit}
        min={1}
        max={50}
        onChange={(limit) => onChange({ ...value, limit })}
      />
      <Toggle
        label={w('horizontalBars')}
        checked={value.horizontal}
        onChange={(horizontal) => onChange({ ...value, horizontal })}
      />
    </fieldset>
  );
}
