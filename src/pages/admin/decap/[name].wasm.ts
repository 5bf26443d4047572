/**
 * Decap CMS, served from the site itself (no CDN): the WebAssembly the `decap-cms` bundle loads next to itself (src/data/decap.ts).
 */
import { decapEndpoint } from '../../../data/decap.ts';

export const { getStaticPaths, GET } = decapEndpoint('wasm');
