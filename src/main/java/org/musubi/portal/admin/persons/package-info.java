/**
 * A registered person's file ({@code /admin/persons}): search, the person page with cards, consents,
 * facility blocks, linked source patients, and merging; every change returns to the person page.
 */
package org.musubi.portal.admin.persons;
