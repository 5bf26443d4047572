import type { APIRoute } from 'astro';
import { indicatorEmbedPaths } from '../../../data/routes.ts';
import { allRows } from '../../../data/downloads.ts';
import { embedDataResponse, embedData } from '../../../lib/embed.ts';

/**
 * An indicator's figures of every version, and every version of every report (src/lib/embed.ts):
 * what a pinned compare embed fetches for each indicator it shows, so its page stays the same
 * size however many reports and indicators the archive holds.
 */
export const getStaticPaths = indicatorEmbedPaths;

export const GET: APIRoute = async ({ params }) => embedDataResponse(embedData(await allRows(), params['id']!));
