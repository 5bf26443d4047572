import { buildFigureRows, type FigureRow } from '../lib/downloads.ts';
import { loadArchive } from './archive.ts';

/** Every figure of every version of every published report, as download rows. */
export async function figureRows(): Promise<FigureRow[]> {
	const archive = await loadArchive();
	return buildFigureRows(archive.reports, archive.versions, archive.indicators);
}
