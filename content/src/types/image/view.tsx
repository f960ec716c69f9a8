import type { ContentViewProps } from '../../browser/view-props';
import type { ImageProps } from './index';

export function ImageView({ props, assetUrl, onError, onReady }: ContentViewProps<ImageProps>) {
  return (
    <div className="bg-image" style={{ background: props.background }} data-content-type="image">
      <img
        src={assetUrl(props.asset)}
        alt={props.alt}
        style={{
          objectFit: props.fit,
          // The rendition already has the screen's exact size; this only matters for a stored original.
          objectPosition: props.focal ? `${props.focal.x * 100}% ${props.focal.y * 100}%` : undefined,
        }}
        decoding="sync"
        // Ready only once decoded: the switch must never paint a half-loaded picture.
        onLoad={(event) => {
          event.currentTarget.decode().then(
            () => onReady?.(),
            () => onError(`image ${props.asset} could not be decoded`),
          );
        }}
        onError={() => onError(`image ${props.asset} failed to load`)}
      />
    </div>
  );
}
