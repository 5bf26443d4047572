import type { APIRoute } from 'astro';
import { loadArchive } from '../../data/archive.ts';
import { figureRows } from '../../data/downloads.ts';
import { toJson } from '../../lib/downloads.ts';

/** Every figure of every version, with the indicator catalogue. */
export const GET: APIRoute = async () =>
	new Response(toJson(await figureRows(), (await loadArchive()).indicators), { headers: { 'content-type': 'application/json; charset=utf-8' } });
