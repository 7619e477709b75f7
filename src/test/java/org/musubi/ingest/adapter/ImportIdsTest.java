package org.musubi.ingest.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.hl7.fhir.r4.model.Organization;
import org.junit.jupiter.api.Test;
import org.musubi.record.IdKey;

/**
 * The ids a facility's imports make: keyed, stable under one secret and scoped by facility; legacy, byte for byte
 * those Musubi made before migration V22 (the expected values were printed by the code of that time).
 */
class ImportIdsTest {

    private static final IdKey KEY = new IdKey(IdKey.Scheme.KEYED, secret(7));
    private static final IdKey OTHER_KEY = new IdKey(IdKey.Scheme.KEYED, secret(8));
    private static final IdKey LEGACY = new IdKey(IdKey.Scheme.LEGACY, secret(7));
    private static final String PHARMACY = "{\"resourceType\":\"Organization\",\"name\":\"みなと薬局\"}";

    @Test
    void givesARecordsResourceTheSameIdUnderOneKeyAndOtherIdsUnderAnotherKeyOrFacility() {
        String id = ImportIds.of(KEY, 17).resource("P0001", "Observation", "r1/A");

        assertThat(ImportIds.of(KEY, 17).resource("P0001", "Observation", "r1/A")).isEqualTo(id);
        assertThat(ImportIds.of(OTHER_KEY, 17).resource("P0001", "Observation", "r1/A")).isNotEqualTo(id);
        assertThat(ImportIds.of(KEY, 18).resource("P0001", "Observation", "r1/A")).isNotEqualTo(id);
        assertThat(ImportIds.of(KEY, 17).resource("P0001", "Observation", "r1/B")).isNotEqualTo(id);
    }

    @Test
    void scopesDirectoryResourcesByFacilityAndGivesTheFacilitysOwnIdApart() {
        ImportIds pharmacy = ImportIds.of(KEY, 17);

        assertThat(pharmacy.directory(PHARMACY)).isEqualTo(ImportIds.of(KEY, 17).directory(PHARMACY))
                .isNotEqualTo(ImportIds.of(KEY, 18).directory(PHARMACY))
                .isNotEqualTo(ImportIds.of(OTHER_KEY, 17).directory(PHARMACY))
                .isNotEqualTo(pharmacy.ownDirectory(PHARMACY));
        assertThat(ImportIds.of(LEGACY, 17).ownDirectory(PHARMACY)).as("keyed on a legacy installation too")
                .isEqualTo(pharmacy.ownDirectory(PHARMACY)).isNotEqualTo(ImportIds.of(LEGACY, 18).ownDirectory(PHARMACY));
        assertThat(DirectoryResource.of(new Organization().setName("みなと薬局"), pharmacy).id())
                .isEqualTo(pharmacy.directory(DirectoryResource.of(new Organization().setName("みなと薬局"), pharmacy).json()));
    }

    @Test
    void keysLocalPatientIdsByFacility() {
        String content = "kana:ヤマダタロウ\u001f1966-03-03\u001f1\u001f";

        assertThat(ImportIds.of(KEY, 17).patientHash(content, 16)).hasSize(16).matches("[0-9a-f]+")
                .isEqualTo(ImportIds.of(KEY, 17).patientHash(content, 16))
                .isNotEqualTo(ImportIds.of(KEY, 18).patientHash(content, 16))
                .isNotEqualTo(ImportIds.of(OTHER_KEY, 17).patientHash(content, 16))
                .isNotEqualTo(ImportIds.of(LEGACY, 17).patientHash(content, 16));
    }

    @Test
    void makesLegacyIdsByteForByteAsBeforeV22() {
        ImportIds legacy = ImportIds.of(LEGACY, 17);

        assertThat(legacy.resource("P0001", "Observation", "r1/A")).isEqualTo("955d8fa3-cdb9-322f-acd9-21ddd090d553");
        assertThat(legacy.resource("P0001", "Patient", "P0001")).isEqualTo("59059233-82f5-3332-81e5-f83e17b77b43");
        assertThat(legacy.directory(PHARMACY)).as("the same for every facility, as before")
                .isEqualTo("e302011b-9ddc-8c68-9960-10498ac0a7f6").isEqualTo(ImportIds.of(LEGACY, 18).directory(PHARMACY));
        assertThat(legacy.patientHash("kana:ヤマダタロウ\u001f1966-03-03\u001f1\u001f", 16)).isEqualTo("26e7aca355d8a5af");
        assertThat(ImportIds.legacy(17).resource("P0001", "Observation", "r1/A")).isEqualTo("955d8fa3-cdb9-322f-acd9-21ddd090d553");
    }

    private static byte[] secret(int fill) {
        byte[] secret = new byte[32];
        Arrays.fill(secret, (byte) fill);
        return secret;
    }
}
