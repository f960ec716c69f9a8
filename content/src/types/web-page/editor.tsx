import { NumberInput, TextInput } from '../../browser/editor-fields';
import type { ContentEditorProps } from '../../browser/editor-props';
import type { WebPageProps } from './index';

export function WebPageEditor({ value, onChange }: ContentEditorProps<WebPageProps>) {
  return (
    <fieldset className="bg-editor" data-editor="web-page">
      <TextInput
        label="Alamat halaman · Page URL"
        type="url"
        value={value.url}
        maxLength={2000}
        placeholder="https://…"
        onChange={(url) => onChange({ ...value, url: url.trim() })}
      />
      <NumberInput
        label="Muat ulang tiap (detik, 0 = tidak) · Refresh every (s, 0 = never)"
        value={value.refreshS}
        min={0}
        max={86_400}
        hint="Minimal 10 detik · At least 10 seconds"
        onChange={(refreshS) => onChange({ ...value, refreshS: refreshS > 0 && refreshS < 10 ? 10 : refreshS })}
      />
      <NumberInput
        label="Perbesaran (%) · Zoom (%)"
        value={Math.round(value.zoom * 100)}
        min={25}
        max={400}
        step={5}
        onChange={(zoom) => onChange({ ...value, zoom: zoom / 100 })}
      />
    </fieldset>
  );
}
