import type { APIRoute } from 'astro';
import { figureRows } from '../../data/downloads.ts';
import { toCsv } from '../../lib/downloads.ts';

/** Every figure of every version, long format, UTF-8 with a byte-order mark. */
export const GET: APIRoute = async () => new Response(toCsv(await figureRows()), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
