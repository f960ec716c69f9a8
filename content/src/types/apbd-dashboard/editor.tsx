import { WidgetBaseFields } from '../../browser/data-editor-fields';
import { TextInput } from '../../browser/editor-fields';
import type { ContentEditorProps } from '../../browser/editor-props';
import { editorWord } from '../../browser/editor-text';
import type { ApbdDashboardProps } from './index';

export function ApbdDashboardEditor({ value, onChange, lang }: ContentEditorProps<ApbdDashboardProps>) {
  return (
    <fieldset className="bg-editor" data-editor="apbd-dashboard">
      <WidgetBaseFields value={value} lang={lang} onChange={onChange} />
      <TextInput
        label={editorWord(lang, 'regionYear')}
        value={value.region}
        maxLength={120}
        placeholder="Provinsi Sulawesi Selatan 2025"
        onChange={(region) => onChange({ ...value, region })}
      />
    </fieldset>
  );
}
