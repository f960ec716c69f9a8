import { AssetInput, ColourInput, FitChoice, NumberInput, TextInput } from '../../browser/editor-fields';
import type { ContentEditorProps } from '../../browser/editor-props';
import { type EditorTextKey, editorWord } from '../../browser/editor-text';
import type { ImageProps } from './index';

export function ImageEditor({ value, onChange, pickAsset, assetUrl, lang }: ContentEditorProps<ImageProps>) {
  const w = (key: EditorTextKey) => editorWord(lang, key);
  const focal = value.focal ?? { x: 0.5, y: 0.5 };
  return (
    <fieldset className="bg-editor" data-editor="image">
      <AssetInput
        lang={lang}
        label={w('image')}
        kind="image"
        value={value.asset}
        pickAsset={pickAsset}
        assetUrl={assetUrl}
        // A picture picked from the library is described by its name until someone writes a better alt text.
        onPicked={(picked) => onChange({ ...value, asset: picked.asset, alt: value.alt || picked.name || '' })}
      />
      <FitChoice
        lang={lang}
        value={value.fit}
        fits={['cover', 'contain', 'fill']}
        onChange={(fit) => onChange({ ...value, fit })}
      />
      {value.fit === 'cover' ? (
        <>
          <NumberInput
            label={w('focalX')}
            value={Math.round(focal.x * 100)}
            min={0}
            max={100}
            onChange={(x) => onChange({ ...value, focal: { ...focal, x: x / 100 } })}
          />
          <NumberInput
            label={w('focalY')}
            value={Math.round(focal.y * 100)}
            min={0}
            max={100}
            onChange={(y) => onChange({ ...value, focal: { ...focal, y: y / 100 } })}
          />
        </>
      ) : null}
      <ColourInput
        label={w('background')}
        value={value.background}
        onChange={(background) => onChange({ ...value, background })}
      />
      <TextInput
        label={w('altText')}
        value={value.alt}
        maxLength={300}
        onChange={(alt) => onChange({ ...value, alt })}
      />
    </fieldset>
  );
}
