import { type DragEvent, useId, useRef, useState } from 'react';
import { useT } from '../i18n/catalogue';
import { Data, ErrorNote } from '../ui/feedback';
import { type Upload, uploadFraction } from './uploads';

function UploadRow({ upload }: { upload: Upload }) {
  const t = useT();
  const s = upload.state;
  const pct = Math.round(uploadFraction(s) * 100);
  const status =
    s.phase === 'waiting'
      ? t('uploadWaiting')
      : s.phase === 'sending'
        ? t('uploadSending', { pct: Math.round(s.fraction * 200) })
        : s.phase === 'processing'
          ? t('uploadProcessing', { pct: Math.round((s.fraction - 0.5) * 200) })
          : s.phase === 'done'
            ? t(s.duplicate ? 'uploadDuplicate' : 'uploadDone')
            : t('uploadFailed');
  return (
    <li className="bc-upload" data-upload={upload.name} data-phase={s.phase}>
      <Data className="bc-upload__name">{upload.name}</Data>
      <progress max={100} value={pct} aria-label={t('uploadProgressOf', { name: upload.name })} />
      <span className="bc-upload__status">{status}</span>
      {s.phase === 'failed' ? <ErrorNote error={s.error} /> : null}
    </li>
  );
}

/** Drop files here, or choose them; each gets its own progress bar below. */
export function DropZone({
  uploads,
  onFiles,
  onClearFinished,
}: {
  uploads: readonly Upload[];
  onFiles: (files: File[]) => void;
  onClearFinished: () => void;
}) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const [over, setOver] = useState(false);
  const drop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const files = [...e.dataTransfer.files];
    if (files.length > 0) onFiles(files);
  };
  const finished = uploads.some((u) => u.state.phase === 'done' || u.state.phase === 'failed');
  return (
    <section className="bc-card" aria-labelledby="uploads-title">
      <h2 id="uploads-title" className="bc-sr">
        {t('uploads')}
      </h2>
      <div
        className={over ? 'bc-drop bc-drop--over' : 'bc-drop'}
        data-testid="drop-zone"
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={drop}
      >
        <p className="bc-drop__title">{t('dropHere')}</p>
        <p>
          {t('dropOr')}{' '}
          <button type="button" className="bc-button bc-button--quiet" onClick={() => input.current?.click()}>
            {t('chooseFiles')}
          </button>
        </p>
        <label htmlFor={inputId} className="bc-sr">
          {t('chooseFiles')}
        </label>
        <input
          id={inputId}
          ref={input}
          className="bc-sr"
          type="file"
          multiple
          accept="image/*,video/mp4,video/quicktime,video/webm"
          tabIndex={-1}
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            e.target.value = '';
            if (files.length > 0) onFiles(files);
          }}
        />
        <p className="bc-muted">{t('dropHint')}</p>
      </div>
      {uploads.length > 0 ? (
        <>
          <ul className="bc-uploads" aria-label={t('uploads')}>
            {uploads.map((u) => (
              <UploadRow key={u.id} upload={u} />
            ))}
          </ul>
          {finished ? (
            <button type="button" className="bc-button bc-button--quiet" onClick={onClearFinished}>
              {t('clearFinished')}
            </button>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
