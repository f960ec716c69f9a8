import type { LibraryItem } from '@baruga/protocol';
import { type TextKey, useLang, useT } from '../i18n/catalogue';
import { formatBytes, formatDate, formatNumber, DEFAULT_ZONE } from '../i18n/format';
import { Data } from '../ui/feedback';
import { usageText } from './usage';

export const KIND_TEXT: Record<LibraryItem['kind'], TextKey> = {
  image: 'kindImage',
  video: 'kindVideo',
  stream: 'kindStream',
};

/** One file: thumbnail, name, kind and size, where it is used, and what can be done with it. */
export function LibraryCard({
  item,
  onPreview,
  onDelete,
  onPick,
}: {
  item: LibraryItem;
  onPreview?: () => void;
  onDelete?: () => void;
  onPick?: () => void;
}) {
  const t = useT();
  const lang = useLang();
  const used = usageText(item.usage, lang);
  const thumb = item.thumbnail ?? item.poster;
  return (
    <li className="bc-lib-card" data-content-id={item.id} data-name={item.name}>
      <div className="bc-lib-card__thumb">
        {thumb ? (
          <img src={`/content/${thumb}`} alt={t('thumbnailOf', { name: item.name })} loading="lazy" />
        ) : (
          <span>{t(KIND_TEXT[item.kind])}</span>
        )}
      </div>
      <p className="bc-lib-card__name">
        <Data>{item.name}</Data>
      </p>
      <p className="bc-muted">
        <span className="bc-tag">{t(KIND_TEXT[item.kind])}</span>{' '}
        {item.width && item.height ? (
          <Data>{`${item.width} × ${item.height} · ${formatBytes(item.size, lang)}`}</Data>
        ) : null}
        {item.durationMs ? (
          <span> · {t('videoLength', { seconds: formatNumber(item.durationMs / 1000, lang, 1) })}</span>
        ) : null}
      </p>
      <p className="bc-muted">
        {t('uploadedAt', { when: formatDate(Date.parse(item.createdAt), DEFAULT_ZONE, lang) })}
      </p>
      {item.tags.length > 0 ? (
        <p>
          {item.tags.map((tag) => (
            <span key={tag} className="bc-tag" translate="no">
              {tag}
            </span>
          ))}
        </p>
      ) : null}
      <p className={used ? 'bc-lib-card__usage' : 'bc-muted'}>{used ? t('usedBy', { where: used }) : t('notUsed')}</p>
      <div className="bc-lib-card__actions">
        {onPick ? (
          <button type="button" className="bc-button" onClick={onPick}>
            {t('pickThis', { name: item.name })}
          </button>
        ) : null}
        {onPreview ? (
          <button
            type="button"
            className="bc-button bc-button--quiet"
            onClick={onPreview}
            aria-label={t('previewOf', { name: item.name })}
          >
            {t('preview')}
          </button>
        ) : null}
        {onDelete ? (
          <button type="button" className="bc-button bc-button--quiet bc-button--danger-text" onClick={onDelete}>
            {t('deleteFile')}
          </button>
        ) : null}
      </div>
    </li>
  );
}

/** A file large, as it is: the picture, or the video with its controls. */
export function LibraryPreview({ item }: { item: LibraryItem }) {
  const t = useT();
  if (item.kind === 'video' && item.asset) {
    return (
      <video
        className="bc-lib-preview"
        src={`/content/${item.asset}`}
        poster={item.poster ? `/content/${item.poster}` : undefined}
        controls
        aria-label={t('previewOf', { name: item.name })}
      />
    );
  }
  const shown = item.renditions?.[0]?.sha256 ?? item.thumbnail;
  return shown ? (
    <img className="bc-lib-preview" src={`/content/${shown}`} alt={t('previewOf', { name: item.name })} />
  ) : (
    <p>
      <Data>{item.url ?? item.name}</Data>
    </p>
  );
}
