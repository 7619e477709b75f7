/**
 * The checkup-centre adapter: 特定健診 results in the MHLW standard electronic form (特定健診情報ファイル, HL7 CDA R2),
 * single XML files or ZIPs of them, read by {@link org.musubi.ingest.checkup.CheckupXmlReader} with the JDK's XML
 * parser (no DTDs, no external entities) and mapped to JP Core: the examinee, an Encounter, an Observation per result
 * with its 特定健診項目コード (and JLAC10 where the document gives it) and a DiagnosticReport ({@code docs/import.md}).
 */
package org.musubi.ingest.checkup;
