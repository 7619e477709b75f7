/**
 * What the record's read door ({@code record.ReadRecords}) hands out besides stored resources: a person's record as
 * one interaction sees it ({@link org.musubi.record.read.PersonRecord}), a resource with the view of its person
 * ({@link org.musubi.record.read.PersonResource}), a search with its view and included resources
 * ({@link org.musubi.record.read.Everything}, {@link org.musubi.record.read.Includes}). A named interface of
 * {@code record}.
 */
@NamedInterface("read")
package org.musubi.record.read;

import org.springframework.modulith.NamedInterface;
