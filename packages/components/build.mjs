import { buildElements } from '../../scripts/build-elements.mjs';

await buildElements(new URL('.', import.meta.url), 'dist/clientbase.js');
