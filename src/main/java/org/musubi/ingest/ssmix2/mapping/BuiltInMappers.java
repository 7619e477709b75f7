package org.musubi.ingest.ssmix2.mapping;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.musubi.ingest.hl7.MessageMapper;
import org.musubi.ingest.ssmix2.Stays;

/** The data types the SS-MIX2 adapter maps itself: patient information, encounter events, allergies, diagnoses. */
public final class BuiltInMappers {

    static final List<String> ENCOUNTER_TYPES = List.of("ADT-01", "ADT-12", "ADT-21", "ADT-22", "ADT-31", "ADT-32",
            "ADT-41", "ADT-42", "ADT-51", "ADT-52");

    private BuiltInMappers() {
    }

    public static Map<String, MessageMapper> of(Stays stays) {
        Map<String, MessageMapper> mappers = new HashMap<>();
        mappers.put("ADT-00", new PatientRecordMapper());
        EncounterMapper encounters = new EncounterMapper(stays);
        ENCOUNTER_TYPES.forEach(type -> mappers.put(type, encounters));
        mappers.put("ADT-61", new AllergyListMapper());
        mappers.put("PPR-01", new DiagnosisMapper());
        return mappers;
    }
}
