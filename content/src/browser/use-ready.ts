import { useLayoutEffect } from 'react';

/** For views that can be shown as soon as they are laid out (text, clock): ready on mount. */
export function useReadyOnMount(onReady: (() => void) | undefined): void {
  useLayoutEffect(() => {
    onReady?.();
  }, [onReady]);
}
