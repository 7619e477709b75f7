/**
 * Vital signs an SS-MIX2 extended storage carries as HL7 v2 ORU^R30 (バイタル検査結果通知: what nurses measure at the
 * bedside and write on the temperature chart, one message per patient and day, under a vendor-defined data type such as
 * {@code L-OBSERVATIONS^OBSERVATIONS^99ZL01}): each OBX a JP Core vital-signs Observation ({@link
 * org.musubi.ingest.ssmix2.vitals.VitalSignsMapper}), the JLAC10 code as sent with its LOINC vital-sign code
 * ({@code VitalSign}), the unit as sent with its UCUM code ({@code VitalUnits}).
 */
package org.musubi.ingest.ssmix2.vitals;
