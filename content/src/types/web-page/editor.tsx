import { NumberInput, TextInput } from '../../browser/editor-fields';
import type { ContentEditorProps } from '../../browser/editor-props';
import { type EditorTextKey, editorWord } from '../../browser/editor-text';
import type { WebPageProps } from './index';

export function WebPageEditor({ value, onChange, lang }: ContentEditorProps<WebPageProps>) {
  const w = (key: EditorTextKey) => editorWord(lang, key);
  return (
    <fieldset className="bg-editor" data-editor="web-page">
      <TextInput
        label={w('pageUrl')}
        type="url"
        value={value.url}
        maxLength={2000}
        placeholder="https://…"
        onChange={(url) => onChange({ ...value, url: url.trim() })}
      />
      <NumberInput
        label={w('refreshEvery')}
        value={value.refreshS}
        min={0}
        max={86_400}
        hint={w('refreshHint')}
        onChange={(refreshS) => onChange({ ...value, refreshS: refreshS > 0 && refreshS < 10 ? 10 : refreshS })}
      />
      <NumberInput
        label={w('zoom')}
        value={Math.round(value.zoom * 100)}
        min={25}
        max={400}
        step={5}
        onChange={(zoom) => onChange({ ...value, zoom: zoom / 100 })}
      />
    </fieldset>
  );
}
