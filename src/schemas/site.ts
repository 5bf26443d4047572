import { z } from 'astro/zod';
import { LocaleSchema, LocalizedTextSchema } from './common.ts';
import { EntityIdSchema } from './entity.ts';

/**
 * How the editing form at /admin/ signs in and where it saves (EDITING.md): a GitHub or GitLab
 * repository. Without it, /admin/ works only on the editor's own computer (`npm run edit`).
 */
export const EditingSchema = z.strictObject({
	/** `github` or `gitlab`. */
	backend: z.enum(['github', 'gitlab']),
	/** The repository, `owner/name`. */
	repo: z.string().regex(/^[^/\s]+\/[^\s]+$/),
	/** The branch the site is built from. */
	branch: z.string().min(1).default('main'),
	/** GitHub: the OAuth service that signs editors in (GitHub needs one; EDITING.md lists some). */
	base_url: z.url().optional(),
	/** That service's sign-in path, when not `auth`. */
	auth_endpoint: z.string().optional(),
	/** GitLab: the application id, for sign-in without a server (PKCE). */
	app_id: z.string().optional(),
	/** A self-hosted GitLab's API, e.g. https://gitlab.example.org/api/v4. */
	api_root: z.url().optional(),
});
export type Editing = z.infer<typeof EditingSchema>;

/** `content/site.yaml`: who publishes the archive and how it is addressed. */
export const SiteSchema = z.strictObject({
	/** The publishing organisation, in both languages. */
	publisher: LocalizedTextSchema,
	/** The archive's title, in both languages. */
	title: LocalizedTextSchema,
	/** One sentence saying what the archive holds, in both languages. */
	description: LocalizedTextSchema,
	/** The language `reports/<year>.mdx` is written in. */
	defaultLocale: LocaleSchema,
	/** The absolute address of the published site; `ARCHIVE_SITE` overrides it. */
	url: z.url(),
	/** Indicator ids shown first on the home page and report pages, in this order. */
	headline: z.array(z.string()).default([]),
	/**
	 * The archive's entity now, an id of content/entities.yaml: its reports, and those of the
	 * predecessors it continues, are the archive's. Needed when the register holds several.
	 */
	entity: EntityIdSchema.optional(),
	/** Where the editing form at /admin/ saves; left out, it works only locally. */
	editing: EditingSchema.optional(),
});
export type Site = z.infer<typeof SiteSchema>;
