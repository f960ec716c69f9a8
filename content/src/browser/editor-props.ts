/** A library item an editor may ask the console to pick. */
export interface PickedAsset {
  asset: string;
  /** A video's poster frame. */
  poster?: string | null;
  /** The library's served preview (an image's `asset` is its original, which is never served). */
  thumbnail?: string | null;
  name?: string;
}

import type { EditorLang } from './editor-text';

/** What every content editor form receives from the console. */
export interface ContentEditorProps<P> {
  value: P;
  /** The console's language: every label is in it (editor-text.ts). */
  lang: EditorLang;
  // Method syntax on purpose: the editor registry holds editors of every props type side by side.
  onChange(next: P): void;
  /** The console's library picker; without it, asset fields take a SHA-256 digest typed or pasted. */
  pickAsset?: (kind: 'image' | 'video') => Promise<PickedAsset | null>;
  /** Resolves a digest to a URL for previews (the library's thumbnails). */
  assetUrl?: (sha256: string) => string;
}
