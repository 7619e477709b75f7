/**
 * Values that HL7 v2 messages and the lab centres' CSV files send alike, read the same way for every mapper:
 * numbers as labs write them ({@link org.musubi.ingest.hl7.values.Numbers}), quantities with their units
 * ({@link org.musubi.ingest.hl7.values.Units}), an order's placer and filler numbers
 * ({@link org.musubi.ingest.hl7.values.OrderNumbers}) and the URI-safe parts of source keys
 * ({@link org.musubi.ingest.hl7.values.SourceKeys}). Shared by the order mappers and the lab-result mapping,
 * so that neither depends on the other.
 */
package org.musubi.ingest.hl7.values;
