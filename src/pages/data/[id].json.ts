/** Every figure of every version, with the indicator catalogue (`indicators.json`). */
import { downloadEndpoint } from '../../data/downloads.ts';

export const { getStaticPaths, GET } = downloadEndpoint('json');
