package org.musubi.phr.vitals;

import java.util.List;
import java.util.stream.Stream;

/**
 * How the notebook codes a measure ({@link Vital#coding()}).
 *
 * @param loinc            its LOINC code
 * @param loincDisplay     LOINC's display of it
 * @param text             the Observation's code.text (Japanese, as the viewer shows it)
 * @param ucum             the UCUM code of the unit values are stored and exported in
 * @param otherLoinc       the LOINC codes other senders use for the same measure, read but never written
 * @param readByLoincAlone whether a value coded with {@link #readCodes()} alone (no notebook coding, as a facility
 *                         sends it) is this measure: not for glucose after a meal, whose LOINC code says only "by
 *                         glucometer"
 */
public record VitalCoding(String loinc, String loincDisplay, String text, String ucum, List<String> otherLoinc,
                          boolean readByLoincAlone) {

    /** Every LOINC code this measure is read from: its own and the others senders use. */
    public List<String> readCodes() {
        return Stream.concat(Stream.of(loinc), otherLoinc.stream()).toList();
    }
}
