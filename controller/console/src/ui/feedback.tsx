import type { ReactNode } from 'react';
import { useLang, useT } from '../i18n/catalogue';
import { failureText } from './failure';

/** A value that is data, not words (names, ids, numbers, dates): never translated, and the text checks skip it. */
export function Data({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <span translate="no" className={className}>
      {children}
    </span>
  );
}

/** An API failure as a sentence from the catalogue, with the stable code in small print for support. */
export function ErrorNote({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT();
  const lang = useLang();
  const { sentence, code } = failureText(error, lang);
  return (
    <div className="bc-error" role="alert">
      <p>{sentence}</p>
      {code ? (
        <p className="bc-error__code">
          <small>
            {t('errorCodeLabel')} <code translate="no">{code}</code>
          </small>
        </p>
      ) : null}
      {onRetry ? (
        <button type="button" className="bc-button bc-button--quiet" onClick={onRetry}>
          {t('retry')}
        </button>
      ) : null}
    </div>
  );
}

export function Loading({ label }: { label?: string }) {
  const t = useT();
  return (
    <p className="bc-muted" role="status" aria-live="polite">
      {label ?? t('loading')}
    </p>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="bc-empty">{children}</p>;
}

/** A short note of success that screen readers announce. */
export function Notice({ children }: { children: ReactNode }) {
  return (
    <p className="bc-ok" role="status">
      {children}
    </p>
  );
}
