/**
 * Decap CMS, served from the site itself (no CDN): the bundle from the pinned `decap-cms` package and the
 * chunks it loads next to itself (src/data/decap.ts).
 */
import { decapEndpoint } from '../../../data/decap.ts';

export const { getStaticPaths, GET } = decapEndpoint('js');
