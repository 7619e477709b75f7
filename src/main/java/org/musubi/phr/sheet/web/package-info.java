/**
 * The emergency sheet's pages: the resident's ({@code SheetController}), the printed sheet ({@code SheetPrinting}),
 * and what the resident's pages share with a facility's proxy entry in the clinicians' viewer — the entry form's model
 * ({@code SheetPages}) and a photo taken from an upload and served back ({@code PhotoUploads}). A named interface for
 * that viewer: the Spring MVC types stay here, out of the sheet itself.
 */
@NamedInterface("sheet-web")
package org.musubi.phr.sheet.web;

import org.springframework.modulith.NamedInterface;
