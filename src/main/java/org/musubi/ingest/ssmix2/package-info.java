/**
 * The SS-MIX2 adapter: {@link org.musubi.ingest.ssmix2.Ssmix2Reader} reads one file of a storage as one
 * record (its steps: {@code StoredRecord}, {@code MessageReading}, {@code DocumentReading}; an extended-storage content
 * folder's other files: {@code ContentFolder} when walking, {@code Attachments} when reading), {@link
 * org.musubi.ingest.ssmix2.Ssmix2Storage} walks a storage patient folder by patient folder, and {@link
 * org.musubi.ingest.ssmix2.Stays} finds the admission an inpatient event belongs to. File names and paths are
 * read in {@code naming}; the data types the adapter maps itself (ADT, PPR) are in {@code mapping}, the order
 * and result messages in {@code org.musubi.ingest.hl7.orders}.
 */
package org.musubi.ingest.ssmix2;
