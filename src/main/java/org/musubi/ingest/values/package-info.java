/**
 * Values that HL7 v2 messages and the lab centres' CSV files send alike, read the same way for every mapper:
 * numbers as labs write them ({@link org.musubi.ingest.values.Numbers}), quantities with their units
 * ({@link org.musubi.ingest.values.Units}), an order's placer and filler numbers
 * ({@link org.musubi.ingest.values.OrderNumbers}) and the URI-safe parts of source keys
 * ({@link org.musubi.ingest.values.SourceKeys}). Shared by the order mappers, the lab-result mapping
 * ({@code ingest.results}) and the adapters that use it, so that none of them depends on another.
 */
package org.musubi.ingest.values;
