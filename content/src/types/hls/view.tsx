import { useHlsVideo } from '../../browser/use-hls-video';
import type { ContentViewProps } from '../../browser/view-props';
import type { HlsProps } from './index';

export function HlsView({ props, onError, onReady, active }: ContentViewProps<HlsProps>) {
  const video = useHlsVideo({
    src: props.url,
    hls: true,
    live: true,
    lowLatency: props.lowLatency,
    active,
    onReady,
    onError,
  });
  return (
    <div
      className="bg-hls"
      data-content-type="hls"
      style={{ position: 'absolute', inset: 0, background: props.background }}
    >
      <video
        ref={video}
        muted={props.muted}
        playsInline
        disablePictureInPicture
        style={{ width: '100%', height: '100%', display: 'block', objectFit: props.fit }}
      />
    </div>
  );
}
