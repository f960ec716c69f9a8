import { WidgetBaseFields } from '../../browser/data-editor-fields';
import { NumberInput, TextInput } from '../../browser/editor-fields';
import type { ContentEditorProps } from '../../browser/editor-props';
import { type EditorTextKey, editorWord } from '../../browser/editor-text';
import type { TableProps } from './index';

export function TableEditor({ value, onChange, lang }: ContentEditorProps<TableProps>) {
  const w = (key: EditorTextKey) => editorWord(lang, key);
  return (
    <fieldset className="bg-editor" data-editor="table">
      <WidgetBaseFields value={value} lang={lang} onChange={onChange} />
      <TextInput
        label={w('tableColumns')}
        value={value.columns.map((c) => c.key).join(', ')}
        onChange={(text) => {
          const keys = text
            .split(',')
            .map((c) => c.trim())
            .filter(Boolean)
            .slice(0, 8);
          onChange({
            ...value,
            columns: keys.map((key) => value.columns.find((c) => c.key === key) ?? { key, format: 'text' }),
          });
        }}
      />
      <NumberInput
        label={w('rowsPerPage')}
        value={value.rowsPerPage}
        min={1}
        max={30}
        onChange={(rowsPerPage) => onChange({ ...value, rowsPerPage })}
      />
      <NumberInput
        label={w('secondsPerPage')}
        value={value.pageSeconds}
        min={3}
        max={120}
        onChange={(pageSeconds) => onChange({ ...value, pageSeconds })}
      />
    </fieldset>
  );
}
