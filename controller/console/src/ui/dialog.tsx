import { type ReactNode, useEffect, useId, useRef } from 'react';
import { useT } from '../i18n/catalogue';

/**
 * A modal dialog on the browser's own <dialog>: focus moves into it and stays there, Escape closes it, and focus
 * goes back where it was.
 */
export function Dialog({
  title,
  onClose,
  children,
  wide,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  wide?: boolean;
}) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const before = document.activeElement;
    dialog.showModal();
    return () => {
      dialog.close();
      if (before instanceof HTMLElement) before.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className={wide ? 'bc-dialog bc-dialog--wide' : 'bc-dialog'}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <div className="bc-dialog__head">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="bc-button bc-button--quiet" onClick={onClose}>
          {t('close')}
        </button>
      </div>
      {children}
    </dialog>
  );
}

/**
 * Asks before something destructive or public: says what will happen, in a sentence, and names the button after
 * the action ("Hitamkan layar"), so nobody confirms by reflex.
 */
export function ConfirmDialog({
  title,
  body,
  confirm,
  danger,
  onConfirm,
  onCancel,
}: {
  title: string;
  body: ReactNode;
  confirm: string;
  danger?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const t = useT();
  return (
    <Dialog title={title} onClose={onCancel}>
      <div className="bc-dialog__body">{body}</div>
      <div className="bc-dialog__actions">
        <button type="button" className="bc-button bc-button--quiet" onClick={onCancel} autoFocus>
          {t('cancel')}
        </button>
        <button type="button" className={danger ? 'bc-button bc-button--danger' : 'bc-button'} onClick={onConfirm}>
          {confirm}
        </button>
      </div>
    </Dialog>
  );
}
