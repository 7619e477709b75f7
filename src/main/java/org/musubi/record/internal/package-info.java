/**
 * The record's doors' private machinery, not exposed to other modules: the one step between the store and a reader
 * ({@link org.musubi.record.internal.Shown}), what a view lets a read reach
 * ({@link org.musubi.record.internal.ViewScope}),
 * a person's record as one interaction reads it ({@link org.musubi.record.internal.OpenedRecord}) and enters it
 * ({@link org.musubi.record.internal.Entering}), the body of the disclosure's read and answer doors
 * ({@link org.musubi.record.internal.Disclosed}) and the write doors' audit rows
 * ({@link org.musubi.record.internal.WriteAudits}). Nothing here knows the doors ({@code record.ReadRecords},
 * {@code record.WriteRecords}) that use it.
 */
package org.musubi.record.internal;
