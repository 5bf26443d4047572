import type { APIRoute } from 'astro';
import { indicatorEmbedPaths } from '../../../data/routes.ts';
import { allRows } from '../../../data/downloads.ts';
import { embedDataResponse, latestEmbedData } from '../../../lib/embed.ts';

/**
 * An indicator's figures in each report's current version (src/lib/embed.ts): what a compare
 * embed showing the latest figures fetches for each indicator it shows. A pinned one fetches
 * every version's (/embed/figures/<id>.json).
 */
export const getStaticPaths = indicatorEmbedPaths;

export const GET: APIRoute = async ({ params }) => embedDataResponse(latestEmbedData(await allRows(), params['id']!));
