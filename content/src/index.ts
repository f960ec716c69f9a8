export { type ContentTypeDefinition, defineContentType } from './content-type';
export { contentTypes, getContentType, parseContentProps, type ParsedProps } from './registry';
export { TextProps, textType, TEXT_BODY_MAX, TEXT_TITLE_MAX } from './types/text';
export { ImageProps, imageType } from './types/image';
export { ClockProps, clockType } from './types/clock';
