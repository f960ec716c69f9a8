import { AssetInput, ColourInput, FitChoice, Toggle } from '../../browser/editor-fields';
import type { ContentEditorProps } from '../../browser/editor-props';
import { type EditorTextKey, editorWord } from '../../browser/editor-text';
import type { VideoProps } from './index';

export function VideoEditor({ value, onChange, pickAsset, assetUrl, lang }: ContentEditorProps<VideoProps>) {
  const w = (key: EditorTextKey) => editorWord(lang, key);
  return (
    <fieldset className="bg-editor" data-editor="video">
      <AssetInput
        lang={lang}
        label={w('video')}
        kind="video"
        value={value.asset}
        pickAsset={pickAsset}
        assetUrl={assetUrl}
        onPicked={(picked) => onChange({ ...value, asset: picked.asset, poster: picked.poster ?? undefined })}
      />
      <FitChoice
        lang={lang}
        value={value.fit}
        fits={['contain', 'cover']}
        onChange={(fit) => onChange({ ...value, fit })}
      />
      <Toggle label={w('muted')} checked={value.muted} onChange={(muted) => onChange({ ...value, muted })} />
      <Toggle label={w('loop')} checked={value.loop} onChange={(loop) => onChange({ ...value, loop })} />
      <ColourInput
        label={w('background')}
        value={value.background}
        onChange={(background) => onChange({ ...value, background })}
      />
    </fieldset>
  );
}
