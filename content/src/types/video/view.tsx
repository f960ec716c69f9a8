import { useMediaSync } from '../../browser/media-sync';
import { useHlsVideo } from '../../browser/use-hls-video';
import type { ContentViewProps } from '../../browser/view-props';
import type { VideoProps } from './index';

export function VideoView(view: ContentViewProps<VideoProps>) {
  const { props, assetUrl, onError, onReady, active = true } = view;
  const video = useHlsVideo({
    src: assetUrl(props.asset),
    hls: props.delivery === 'hls',
    active,
    onReady,
    onError,
  });
  // On the shared timeline: where the clip is follows from when its showing began (every tile the same frame).
  useMediaSync(video, { now: view.now, startedAt: view.startedAt, active, loop: props.loop });
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
