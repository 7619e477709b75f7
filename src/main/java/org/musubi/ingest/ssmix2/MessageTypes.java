package org.musubi.ingest.ssmix2;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The HL7 v2.5 message types (MSH-9 {@code code^event}) each SS-MIX2 data type is written as
 * (guideline Ver.1.2 table 1-1; the second of a pair is the cancel or delete).
 */
final class MessageTypes {

    private static final Map<String, List<String>> BY_DATA_TYPE = Map.ofEntries(
            Map.entry("ADT-00", List.of("ADT^A08", "ADT^A23")),
            Map.entry("ADT-01", List.of("ADT^A54", "ADT^A55")),
            Map.entry("ADT-12", List.of("ADT^A04")),
            Map.entry("ADT-21", List.of("ADT^A14", "ADT^A27")),
            Map.entry("ADT-22", List.of("ADT^A01", "ADT^A11")),
            Map.entry("ADT-31", List.of("ADT^A21", "ADT^A52")),
            Map.entry("ADT-32", List.of("ADT^A22", "ADT^A53")),
            Map.entry("ADT-41", List.of("ADT^A15", "ADT^A26")),
            Map.entry("ADT-42", List.of("ADT^A02", "ADT^A12")),
            Map.entry("ADT-51", List.of("ADT^A16", "ADT^A25")),
            Map.entry("ADT-52", List.of("ADT^A03", "ADT^A13")),
            Map.entry("ADT-61", List.of("ADT^A60")),
            Map.entry("PPR-01", List.of("PPR^ZD1")),
            Map.entry("OMD", List.of("OMD^O03")),
            Map.entry("OMP-01", List.of("RDE^O11")),
            Map.entry("OMP-02", List.of("RDE^O11")),
            Map.entry("OMP-11", List.of("RAS^O17")),
            Map.entry("OMP-12", List.of("RAS^O17")),
            Map.entry("OML-01", List.of("OML^O33")),
            Map.entry("OML-11", List.of("OUL^R22")),
            Map.entry("OMG-01", List.of("OMG^O19")),
            Map.entry("OMG-02", List.of("OMG^O19")),
            Map.entry("OMG-03", List.of("OMG^O19")),
            Map.entry("OMG-11", List.of("OMI^Z23")),
            Map.entry("OMG-12", List.of("OMI^Z23")),
            Map.entry("OMG-13", List.of("ORU^R01")));

    private MessageTypes() {
    }

    /** The message types {@code dataType} may be sent as; empty for a data type SS-MIX2 does not define. */
    static Optional<List<String>> of(String dataType) {
        return Optional.ofNullable(BY_DATA_TYPE.get(dataType));
    }
}
