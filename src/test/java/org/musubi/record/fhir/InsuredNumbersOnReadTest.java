package org.musubi.record.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.musubi.policy.DataCategory;
import org.musubi.record.StoredResource;

/** A stored Patient is never read with an insured-person number, whoever stored it and whenever (issue 46). */
class InsuredNumbersOnReadTest {

    private static final String PATIENT = """
            {"resourceType":"Patient","identifier":[
              {"system":"urn:oid:1.2.392.100495.20.3.51.11312345670","value":"989"},
              {"system":"http://jpfhir.jp/fhir/clins/Idsystem/JP_Insurance_memberID","value":"00012345:あいう:3294837:05"}],
             "gender":"male"}""";

    @Test
    void aPatientIsReadWithoutItsInsuredNumberAndWithEverythingElse() {
        StoredResource read = new StoredResource(1, "p1", "Patient", 1, 7, DataCategory.DEMOGRAPHICS, Instant.EPOCH,
                false, PATIENT);

        assertThat(read.json()).doesNotContain("3294837").doesNotContain("JP_Insurance_memberID")
                .contains("\"value\":\"989\"").contains("\"gender\":\"male\"");
    }

    @Test
    void aPatientWithOnlyTheNumberLosesTheIdentifierListAndOtherResourcesAreReadAsStored() {
        String only = """
                {"resourceType":"Patient","identifier":[{"system":"http://jpfhir.jp/fhir/clins/Idsystem/JP_Insurance_memberID",\
                "value":"00012345::1:"}]}""";
        String bundle = "{\"resourceType\":\"Bundle\",\"entry\":[{\"resource\":" + PATIENT + "}]}";

        assertThat(FhirJson.withoutInsuredNumbers("Patient", only)).isEqualTo("{\"resourceType\":\"Patient\"}");
        assertThat(FhirJson.withoutInsuredNumbers("Bundle", bundle)).as("a document is shown as it was signed")
                .isSameAs(bundle);
        assertThat(FhirJson.withoutInsuredNumbers("Patient", "{\"resourceType\":\"Patient\"}"))
                .isEqualTo("{\"resourceType\":\"Patient\"}");
    }
}
