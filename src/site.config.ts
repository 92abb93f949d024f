/**
 * Site settings a team changes when it adopts Bansō. Environment variables override them at build
 * time (see README, "Configuration").
 */
export const site = {
  /** Where "Edit this page" links point: the repository's edit URL for the default branch. */
  editUrl: (import.meta.env?.BANSO_EDIT_URL as string | undefined) ?? 'https://github.com/example-org/banso/edit/main/',
};

/** The "edit this page" link for a content file path such as "content/roles/csm.yaml". */
export function editLink(file: string): string {
  return site.editUrl.replace(/\/?$/, '/') + file;
}
