import { WidgetBaseFields } from '../../browser/data-editor-fields';
import { Choice, ColourInput, TextInput } from '../../browser/editor-fields';
import type { ContentEditorProps } from '../../browser/editor-props';
import type { KpiProps, KpiTile } from './index';

const FORMATS = [
  { value: 'number', label: 'Angka · Number' },
  { value: 'rupiah', label: 'Rupiah' },
  { value: 'percent', label: 'Persen · Percent' },
] as const;

const AGGREGATES = [
  { value: 'first', label: 'Baris pertama · First row' },
  { value: 'last', label: 'Baris terakhir · Last row' },
  { value: 'sum', label: 'Jumlah · Sum' },
  { value: 'max', label: 'Terbesar · Largest' },
  { value: 'min', label: 'Terkecil · Smallest' },
] as const;

export function KpiEditor({ value, onChange }: ContentEditorProps<KpiProps>) {
  const setTile = (i: number, tile: KpiTile) =>
    onChange({ ...value, tiles: value.tiles.map((t, n) => (n === i ? tile : t)) });
  return (
    <fieldset className="bg-editor" data-editor="kpi">
      <WidgetBaseFields value={value} onChange={onChange} />
      {value.tiles.map((tile, i) => (
        <fieldset key={i} className="bg-editor__group">
          <legend>
            Ubin {i + 1} · Tile {i + 1}
          </legend>
          <TextInput
            label="Label"
            value={tile.label}
            maxLength={80}
            onChange={(label) => setTile(i, { ...tile, label })}
          />
          <TextInput
            label="Label (Inggris) · Label (English)"
            value={tile.labelEn ?? ''}
            maxLength={80}
            onChange={(labelEn) => setTile(i, { ...tile, labelEn: labelEn || undefined })}
          />
          <TextInput
            label="Kolom · Column"
            value={tile.column}
            maxLength={64}
            onChange={(column) => setTile(i, { ...tile, column })}
          />
          <Choice
            label="Ambil · Take"
            value={tile.aggregate}
            options={AGGREGATES}
            onChange={(aggregate) => setTile(i, { ...tile, aggregate })}
          />
          <Choice
            label="Format"
            value={tile.format}
            options={FORMATS}
            onChange={(format) => setTile(i, { ...tile, format })}
          />
          <TextInput
            label="Kolom target (opsional) · Target column (optional)"
            value={tile.targetColumn ?? ''}
            maxLength={64}
            onChange={(targetColumn) => setTile(i, { ...tile, targetColumn: targetColumn || undefined })}
          />
          {value.tiles.length > 1 ? (
            <button type="button" onClick={() => onChange({ ...value, tiles: value.tiles.filter((_, n) => n !== i) })}>
              Hapus ubin · Remove tile
            </button>
          ) : null}
        </fieldset>
      ))}
      {value.tiles.length < 8 ? (
        <button
          type="button"
          onClick={() =>
            onChange({
              ...value,
              tiles: [...value.tiles, { label: 'Nilai', column: 'value', aggregate: 'first', format: 'number' }],
            })
          }
        >
          Tambah ubin · Add tile
        </button>
      ) : null}
      <ColourInput
        label="Warna aksen · Accent colour"
        value={value.accent}
        onChange={(accent) => onChange({ ...value, accent })}
      />
    </fieldset>
  );
}
