export { renderSampleImage } from './sample-image';
