/** The data packages: each indicator's (`grdp_growth.zip`) and the whole archive's (`indicators.zip`). */
import { downloadEndpoint } from '../../data/downloads.ts';

export const { getStaticPaths, GET } = downloadEndpoint('zip');
