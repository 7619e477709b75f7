package org.musubi.synth.sources;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musubi.registry.FacilityKind;
import org.musubi.synth.SynthFacility;
import org.musubi.synth.SyntheticNetwork;

class Ssmix2StorageLayoutTest {

    private static final Set<String> UNDATED = Set.of("ADT-00", "PPR-01");
    private static final Set<String> ORDERS = Set.of("OMP-01", "OMP-02", "OML-11");

    @TempDir
    static Path out;
    static SyntheticNetwork network;
    static SourceSummary summary;

    @BeforeAll
    static void write() {
        network = SourceTrees.network(SourceTrees.SEED, 30);
        summary = SourceFiles.write(network, out, SourceOptions.defaults(SourceTrees.SEED)
                .withMessagesPerPatient(20).withRevisions(10, 5));
    }

    @Test
    void filesLieUnderPidFoldersCareDateAndDataType() {
        List<Path> files = SourceTrees.ssmix2Files(out);
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            Path relative = out.relativize(file);
            assertThat(relative.getNameCount()).as(relative.toString()).isEqualTo(8);
            String[] fields = relative.getFileName().toString().split("_", -1);
            assertThat(fields).as(relative.toString()).hasSize(7);
            String pid = fields[0];
            assertThat(relative.getName(2).toString()).isEqualTo(pid.substring(0, 3));
            assertThat(relative.getName(3).toString()).isEqualTo(pid.substring(3, 6));
            assertThat(relative.getName(4).toString()).isEqualTo(pid);
            assertThat(relative.getName(5).toString()).isEqualTo(fields[1]);
            assertThat(relative.getName(6).toString()).isEqualTo(fields[2]);
        }
    }

    @Test
    void fileNameFieldsFollowTheStandard() {
        for (Path file : SourceTrees.ssmix2Files(out)) {
            String[] f = file.getFileName().toString().split("_");
            assertThat(f[0]).matches("\\d{7,15}");
            assertThat(f[1]).matches(UNDATED.contains(f[2]) ? "-" : "20\\d{6}");
            assertThat(f[2]).isIn("ADT-00", "ADT-12", "ADT-22", "ADT-52", "PPR-01", "OMP-01", "OMP-02", "OML-11");
            assertThat(f[3]).matches(ORDERS.contains(f[2]) ? "\\d{15}" : "999999999999999");
            assertThat(f[4]).matches("20\\d{15}");
            assertThat(f[5]).matches(f[2].equals("ADT-00") ? "-" : "[0-9A-Z]{2,3}");
            assertThat(f[6]).isIn("0", "1", "2");
        }
    }

    @Test
    void onlyHospitalsAndClinicsHaveStoragesAndTheyHoldWhatTheSummaryCounts() {
        Map<String, FacilityKind> kinds = new HashMap<>();
        for (SynthFacility facility : network.facilities()) {
            if (facility.code() != null) {
                kinds.put(facility.code().value(), facility.kind());
            }
        }
        List<Path> files = SourceTrees.ssmix2Files(out);
        assertThat(files).allSatisfy(file ->
                assertThat(kinds.get(out.relativize(file).getName(0).toString())).isIn(FacilityKind.HOSPITAL, FacilityKind.CLINIC));
        assertThat(summary.ssmix2Messages()).isEqualTo(files.size());
        assertThat(summary.jahisFiles()).isEqualTo(SourceTrees.jahisFiles(out).size());
        assertThat(summary.persons()).isEqualTo(30);
        assertThat(summary.byType()).containsKeys("ADT-00", "ADT-12", "PPR-01", "OMP-01", "OML-11", SourceSummary.JAHIS);
    }

    @Test
    void writesAtLeastTheMessagesAskedForEachPerson() {
        assertThat(summary.ssmix2Messages()).isGreaterThanOrEqualTo(30L * 20);
        assertThat(summary.ssmix2Messages()).isLessThan(30L * 20 * 2);
    }

    @Test
    void eachPatientHasOnePatientInfoAndOneCurrentProblemList() {
        Map<String, Integer> patientInfo = new HashMap<>();
        Map<String, Integer> currentProblems = new HashMap<>();
        for (Path file : SourceTrees.ssmix2Files(out)) {
            String[] f = file.getFileName().toString().split("_");
            String patient = out.relativize(file).getName(0) + "/" + f[0];
            if (f[2].equals("ADT-00")) {
                patientInfo.merge(patient, 1, Integer::sum);
            }
            if (f[2].equals("PPR-01") && f[6].equals("1")) {
                currentProblems.merge(patient, 1, Integer::sum);
            }
        }
        assertThat(patientInfo).isNotEmpty().allSatisfy((patient, n) -> assertThat(n).isEqualTo(1));
        assertThat(currentProblems).isEqualTo(patientInfo);
    }
}
