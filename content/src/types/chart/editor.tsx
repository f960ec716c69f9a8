import { WidgetBaseFields } from '../../browser/data-editor-fields';
import { Choice, NumberInput, TextInput, Toggle } from '../../browser/editor-fields';
import type { ContentEditorProps } from '../../browser/editor-props';
import type { ChartProps } from './index';

const VARIANTS = [
  { value: 'bar', label: 'Batang · Bar' },
  { value: 'line', label: 'Garis · Line' },
  { value: 'pie', label: 'Pai · Pie' },
  { value: 'donut', label: 'Donat · Donut' },
] as const;
const FORMATS = [
  { value: 'number', label: 'Angka · Number' },
  { value: 'rupiah', label: 'Rupiah' },
  { value: 'percent', label: 'Persen · Percent' },
] as const;
const SORTS = [
  { value: 'none', label: 'Urutan data · As in the data' },
  { value: 'desc', label: 'Terbesar dulu · Largest first' },
  { value: 'asc', label: 'Terkecil dulu · Smallest first' },
] as const;

export function ChartEditor({ value, onChange }: ContentEditorProps<ChartProps>) {
  return (
    <fieldset className="bg-editor" data-editor="chart">
      <WidgetBaseFields value={value} onChange={onChange} />
      <Choice
        label="Jenis · Kind"
        value={value.variant}
        options={VARIANTS}
        onChange={(variant) => onChange({ ...value, variant })}
      />
      <TextInput
        label="Kolom label · Label column"
        value={value.labelKey}
        maxLength={64}
        onChange={(labelKey) => onChange({ ...value, labelKey })}
      />
      <TextInput
        label="Kolom nilai (pisahkan dengan koma) · Value columns (comma-separated)"
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
        label="Format"
        value={value.format}
        options={FORMATS}
        onChange={(format) => onChange({ ...value, format })}
      />
      <Choice
        label="Urutan · Order"
        value={value.sort}
        options={SORTS}
        onChange={(sort) => onChange({ ...value, sort })}
      />
      <NumberInput
        label="Paling banyak baris · At most rows"
        value={value.limit}
        min={1}
        max={50}
        onChange={(limit) => onChange({ ...value, limit })}
      />
      <Toggle
        label="Batang mendatar · Horizontal bars"
        checked={value.horizontal}
        onChange={(horizontal) => onChange({ ...value, horizontal })}
      />
    </fieldset>
  );
}
