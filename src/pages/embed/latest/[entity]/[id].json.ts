import type { APIRoute } from 'astro';
import { shelfEmbedPaths } from '../../../../data/routes.ts';
import { shelfRows } from '../../../../data/downloads.ts';
import { embedDataResponse, latestEmbedData } from '../../../../lib/embed.ts';

/**
 * An indicator's figures in the current version of each report of an entity beside the line: what a
 * compare embed that shows that entity fetches. A pinned one fetches every version's
 * (/embed/figures/<entity>/<id>.json).
 */
export const getStaticPaths = shelfEmbedPaths;

export const GET: APIRoute = async ({ params }) => embedDataResponse(latestEmbedData(await shelfRows(params['entity']!), params['id']!));
