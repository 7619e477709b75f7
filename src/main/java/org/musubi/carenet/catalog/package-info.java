/**
 * The operators' store of pathway templates (issue 44): every version of every template as its JSON with a status
 * (draft, published, retired), the four shipped templates seeded as the first published versions, the catalog new
 * enrolments read ({@link org.musubi.carenet.catalog.StoredCatalog}: the newest published version per code, any
 * published or retired version by number) and the operators' changes ({@link org.musubi.carenet.catalog.TemplateStore}:
 * create, edit a draft, new version, import, publish after {@link org.musubi.pathway.TemplateCheck}, retire; each
 * audited once; refused on a read-only standby). {@link org.musubi.carenet.catalog.DraftEditor} edits a draft's JSON
 * the way the form editor shows it. docs/pathways.md.
 */
@NamedInterface("catalog")
package org.musubi.carenet.catalog;

import org.springframework.modulith.NamedInterface;
