import { useHlsVideo } from '../../browser/use-hls-video';
import type { ContentViewProps } from '../../browser/view-props';
import type { VideoProps } from './index';

export function VideoView({ props, assetUrl, onError, onReady, active }: ContentViewProps<VideoProps>) {
  const video = useHlsVideo({
    src: assetUrl(props.asset),
    hls: props.delivery === 'hls',
    active,
    onReady,
    onError,
  });
  return (
    <div
      className="bg-video"
      data-content-type="video"
      style={{ position: 'absolute', inset: 0, background: props.background }}
    >
      <video
        ref={video}
        poster={props.poster ? assetUrl(props.poster) : undefined}
        muted={props.muted}
        loop={props.loop}
        playsInline
        preload="auto"
        disablePictureInPicture
        style={{ width: '100%', height: '100%', display: 'block', objectFit: props.fit }}
      />
    </div>
  );
}
