package org.musubi.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@link SyntheaBundles} promises without running Synthea: the order of the files, one folder per population. */
class SyntheaBundlesTest {

    @Test
    void theHospitalAndPractitionerBundlesComeBeforeThePatients(@TempDir Path fhir) throws IOException {
        for (String name : new String[] {"Zed1_Ann2_0a.json", "practitionerInformation1795.json", "Abe3_Bo4_1b.json",
                "hospitalInformation1795.json", "notes.txt"}) {
            Files.writeString(fhir.resolve(name), "{}");
        }

        assertThat(SyntheaBundles.bundles(fhir)).extracting(p -> p.getFileName().toString()).containsExactly(
                "hospitalInformation1795.json", "practitionerInformation1795.json", "Abe3_Bo4_1b.json", "Zed1_Ann2_0a.json");
    }

    @Test
    void eachPopulationHasAFolderOfItsOwn() {
        assertThat(new SyntheaBundles.Population(42, 3).folder()).isEqualTo("synthea-3.3.0-s42-p3-r20240101");
        assertThat(SyntheaBundles.HONOLULU.folder()).isEqualTo("synthea-3.3.0-s1-p6-a18-30-Hawaii-Honolulu-r20240101");
        assertThat(new SyntheaBundles.Population(1, 2).in("New York", "New York").folder())
                .isEqualTo("synthea-3.3.0-s1-p2-New_York-New_York-r20240101");
        assertThatThrownBy(() -> new SyntheaBundles.Population(1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
