/** Every figure of every version (`indicators.csv`, `grdp_growth.csv`) and the current ones (`grdp_growth-current.csv`), long format, UTF-8 with a byte-order mark. */
import { downloadEndpoint } from '../../data/downloads.ts';

export const { getStaticPaths, GET } = downloadEndpoint('csv');
