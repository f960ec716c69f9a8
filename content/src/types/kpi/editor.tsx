import { WidgetBaseFields, formatOptions } from '../../browser/data-editor-fields';
import { Choice, ColourInput, TextInput } from '../../browser/editor-fields';
import type { ContentEditorProps } from '../../browser/editor-props';
import { type EditorTextKey, editorFill, editorWord } from '../../browser/editor-text';
import type { KpiProps, KpiTile } from './index';

const AGGREGATES = [
  { value: 'first', word: 'takeFirst' },
  { value: 'last', word: 'takeLast' },
  { value: 'sum', word: 'takeSum' },
  { value: 'max', word: 'takeMax' },
  { value: 'min', word: 'takeMin' },
] as const;

export function KpiEditor({ value, onChange, lang }: ContentEditorProps<KpiProps>) {
  const w = (key: EditorTextKey) => editorWord(lang, key);
  const aggregates = AGGREGATES.map((a) => ({ value: a.value, label: w(a.word) }));
  const setTile = (i: number, tile: KpiTile) =>
    onChange({ ...value, tiles: value.tiles.map((t, n) => (n === i ? tile : t)) });
  return (
    <fieldset className="bg-editor" data-editor="kpi">
      <WidgetBaseFields value={value} lang={lang} onChange={onChange} />
      {value.tiles.map((tile, i) => (
        <fieldset key={i} className="bg-editor__group">
          <legend>{editorFill(lang, 'tileNumber', { n: i + 1 })}</legend>
          <TextInput
            label={w('tileLabel')}
            value={tile.label}
            maxLength={80}
            onChange={(label) => setTile(i, { ...tile, label })}
          />
          <TextInput
            label={w('tileLabelEnglish')}
            value={tile.labelEn ?? ''}
            maxLength={80}
            onChange={(labelEn) => setTile(i, { ...tile, labelEn: labelEn || undefined })}
          />
          <TextInput
            label={w('column')}
            value={tile.column}
            maxLength={64}
            onChange={(column) => setTile(i, { ...tile, column })}
          />
          <Choice
            label={w('take')}
            value={tile.aggregate}
            options={aggregates}
            onChange={(aggregate) => setTile(i, { ...tile, aggregate })}
          />
          <Choice
            label={w('format')}
            value={tile.format}
            options={formatOptions(lang)}
            onChange={(format) => setTile(i, { ...tile, format })}
          />
          <TextInput
            label={w('targetColumn')}
            value={tile.targetColumn ?? ''}
            maxLength={64}
            onChange={(targetColumn) => setTile(i, { ...tile, targetColumn: targetColumn || undefined })}
          />
          {value.tiles.length > 1 ? (
            <button type="button" onClick={() => onChange({ ...value, tiles: value.tiles.filter((_, n) => n !== i) })}>
              {w('removeTile')}
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
          {w('addTile')}
        </button>
      ) : null}
      <ColourInput
        label={w('accentColour')}
        value={value.accent}
        onChange={(accent) => onChange({ ...value, accent })}
      />
    </fieldset>
  );
}
