export { contentViews } from './views';
export type { ContentViewProps } from './view-props';
export { contentEditors } from './editors';
export type { ContentEditorProps, PickedAsset } from './editor-props';
