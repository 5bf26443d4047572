import type { APIRoute } from 'astro';
import { shelfEmbedPaths } from '../../../../data/routes.ts';
import { shelfRows } from '../../../../data/downloads.ts';
import { embedDataResponse, embedData } from '../../../../lib/embed.ts';

/**
 * An indicator's figures of every version as an entity beside the line stated them (old Bắc Ninh's),
 * with every version of its reports: what a pinned compare embed that shows that entity fetches,
 * to draw its line as it stood on the pin's day.
 */
export const getStaticPaths = shelfEmbedPaths;

export const GET: APIRoute = async ({ params }) => embedDataResponse(embedData(await shelfRows(params['entity']!), params['id']!));
