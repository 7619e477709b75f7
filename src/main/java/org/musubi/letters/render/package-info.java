/**
 * Letters as the paper forms clinicians know (issue 42, item 4): {@link org.musubi.letters.render.LetterRendering}
 * makes the HTML the viewer shows and the A4 PDF (Japanese font embedded, page numbers, the document identifier and
 * version in the footer, the same bytes for the same letter) that is signed and sent. One template fragment per form
 * family ({@code templates/letters/form.html}) serves both; {@link org.musubi.letters.render.FormLayout} says which part
 * of the letter goes into which box of each form. docs/letters.md describes the forms and how to add one.
 */
@NamedInterface("render")
package org.musubi.letters.render;

import org.springframework.modulith.NamedInterface;
