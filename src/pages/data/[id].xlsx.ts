/** The workbooks: each indicator's (`grdp_growth.xlsx`) and the whole archive's (`indicators.xlsx`). */
import { downloadEndpoint } from '../../data/downloads.ts';

export const { getStaticPaths, GET } = downloadEndpoint('xlsx');
