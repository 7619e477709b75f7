package org.musubi.ingest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musubi.database.Standby;
import org.musubi.paging.Page;
import org.musubi.paging.PageRequest;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityDraft;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.FacilityQuery;
import org.musubi.registry.FacilityStatus;
import org.musubi.registry.MedicalInstitutionCode;

/** An import for a facility that is not registered says how to get one, fitting what the database holds. */
class ImportCommandFacilityTest {

    @TempDir
    Path folder;

    @Test
    void inADatabaseWithoutFacilitiesPointsToTheFirstServeAndTheAdminScreens() {
        String said = importFor(List.of(), "3440495194");

        assertThat(said).contains("施設 3440495194 が登録されていません", "最初の `musubi serve`", "README",
                "/admin/facilities", "Facility 3440495194 is not registered",
                "The demo network (demo facilities, users and patients) is created by the first `musubi serve`");
    }

    @Test
    void whenOtherFacilitiesAreRegisteredNamesSomeOfThemInstead() {
        Facility hospital = new Facility(1, "結び総合病院", "ムスビソウゴウビョウイン", FacilityKind.HOSPITAL,
                new MedicalInstitutionCode("3410000016"), 34, "広島市", "082", true, true, FacilityStatus.ACTIVE);

        String said = importFor(List.of(hospital), "3440495194");

        assertThat(said).contains("施設 3440495194 が登録されていません", "3410000016 結び総合病院", "（1 件）",
                "Registered facilities (1)").doesNotContain("musubi serve");
    }

    private String importFor(List<Facility> registered, String code) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream sink = new PrintStream(OutputStream.nullOutputStream());
        int exit = new ImportCommand(new Registered(registered), null, null, null, Standby.fixed(false))
                .run("jahis", folder, Map.of("facility", code), sink, new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).isEqualTo(2);
        return err.toString(StandardCharsets.UTF_8);
    }

    /** The registry as far as the import command asks it. */
    private record Registered(List<Facility> facilities) implements Facilities {

        @Override
        public Optional<Facility> findByCode(String institutionCode) {
            return facilities.stream().filter(f -> f.code().value().equals(institutionCode)).findFirst();
        }

        @Override
        public List<Facility> all() {
            return facilities;
        }

        @Override
        public long count() {
            return facilities.size();
        }

        @Override
        public Optional<Facility> find(long id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Facility> personalHealthRecord() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Page<Facility> search(String text, FacilityKind kind, FacilityStatus status, PageRequest page) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Page<Facility> directory(FacilityQuery query, PageRequest page) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Facility insert(FacilityDraft draft) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Facility update(long id, FacilityDraft draft) {
            throw new UnsupportedOperationException();
        }
    }
}
