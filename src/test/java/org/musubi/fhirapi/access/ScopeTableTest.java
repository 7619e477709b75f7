package org.musubi.fhirapi.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.musubi.audit.AuditEntry;
import org.musubi.fhirapi.everything.EverythingPages;
import org.musubi.record.RecordQuery;
import org.musubi.record.fhir.ResourceKind;
import org.musubi.security.ApiScope;
import org.musubi.security.SignedIn;
import org.musubi.testing.AuditedEntries;

/** The scope table: which calls each token may make, and which types each call returns. */
class ScopeTableTest {

    private final AuditedEntries audit = new AuditedEntries();
    private final List<AuditEntry> audited = audit.entries();

    @Test
    void everyProviderMethodAndEveryServletHasARow() {
        List<ProviderInteractions.Served> served = ProviderInteractions.all();

        assertThat(served).extracting(s -> s.type() + " " + s.interaction()).contains("Patient $everything",
                "Patient $medication-notebook", "Patient vread", "Observation history-instance", "Bundle create",
                "AuditEvent search-type", "null transaction", "null batch");
        assertThat(served).allSatisfy(s -> assertThat(ScopeTable.of(s.type(), s.interaction()))
                .as("a row of ScopeTable for " + s).isPresent());
        assertThat(ScopeTable.of("Binary", "read")).contains(ScopeTable.BINARY_READ);
        assertThat(ScopeTable.of("Binary", "create")).contains(ScopeTable.BINARY_CREATE);
        assertThat(ScopeTable.of(null, "capabilities")).contains(ScopeTable.CAPABILITIES);
    }

    @Test
    void aTypesOwnRowComesBeforeTheRowEveryRecordTypeShares() {
        assertThat(ScopeTable.of("Observation", "read")).contains(ScopeTable.READ);
        assertThat(ScopeTable.of("Patient", "read")).contains(ScopeTable.READ);
        assertThat(ScopeTable.of("Patient", "search-type")).contains(ScopeTable.PDQM_SEARCH);
        assertThat(ScopeTable.of("Observation", "search-type")).contains(ScopeTable.SEARCH);
        assertThat(ScopeTable.of("Patient", "$everything")).contains(ScopeTable.EVERYTHING);
        assertThat(ScopeTable.of("AuditEvent", "read")).as("not a record type, not served").isEmpty();
        assertThat(ScopeTable.of("Observation", "$everything")).isEmpty();
        assertThat(ScopeTable.of(null, "read")).isEmpty();
    }

    @Test
    void everyRowButTheServersOwnMetadataNeedsATypeAndReadsNeverWrite() {
        for (ScopeTable row : ScopeTable.values()) {
            assertThat(row.needs().isEmpty()).as(row.name())
                    .isEqualTo(row == ScopeTable.CAPABILITIES || row == ScopeTable.OPERATION_DEFINITION
                            || row == ScopeTable.QUESTIONNAIRE_READ || row == ScopeTable.QUESTIONNAIRE_SEARCH);
            assertThat(row.on()).as(row.name()).satisfiesAnyOf(
                    on -> assertThat(on).isIn(ScopeTable.Marks.EACH_TYPE, ScopeTable.Marks.SYSTEM),
                    on -> assertThat(ResourceKind.of(on).isPresent() || on.equals("AuditEvent")
                            || on.equals("OperationDefinition") || on.equals("Questionnaire")
                            || (on.equals("Group") && row == ScopeTable.EXPORT_GROUP)).isTrue());
        }
        assertThat(List.of(ScopeTable.values())).filteredOn(ScopeTable::write).extracting(ScopeTable::interaction)
                .containsOnly("create", "update", "delete", "transaction", "batch");
    }

    @Test
    void patientReadAllowsPixPdqmAndThePersonButNoClinicalType() {
        Caller caller = caller("system/Patient.read");

        for (ScopeTable row : List.of(ScopeTable.PIX, ScopeTable.PDQM_SEARCH, ScopeTable.MATCH, ScopeTable.EVERYTHING)) {
            caller.scoped(row, audit);
        }
        Scoped everything = caller.scoped(ScopeTable.EVERYTHING, audit);
        assertThat(everything.narrow(EverythingPages.storePage(10, 0)).types()).containsExactly("Patient");
        assertThat(everything.narrow(found -> List.of("Organization/o1", "Patient/p1")).referencedBy(List.of()))
                .containsExactly("Patient/p1");
        for (ScopeTable row : List.of(ScopeTable.MEDICATION_NOTEBOOK, ScopeTable.BINARY_READ)) {
            assertThatThrownBy(() -> caller.scoped(row, audit)).isInstanceOf(ForbiddenOperationException.class);
        }
        assertThatThrownBy(() -> caller.scoped(ScopeTable.READ, audit, "Observation"))
                .isInstanceOf(ForbiddenOperationException.class)
                .hasMessage("トークンのスコープでは Observation の読み取りは許可されていません / "
                        + "The token's scope does not allow reading Observation");
        assertThat(audited).hasSize(3).allSatisfy(e -> assertThat(e.reason())
                .isEqualTo("scope [system/Patient.read] does not allow read"));
        assertThat(audited).extracting(AuditEntry::resourceType).containsExactly("MedicationDispense", "Binary",
                "Observation");
    }

    @Test
    void everythingReturnsThePersonAndOnlyTheTypesTheScopesAllowAndNothingMissingWithAWildcard() {
        Scoped narrow = caller("system/Patient.read", "system/Observation.read").scoped(ScopeTable.EVERYTHING, audit);
        Scoped wide = caller("system/*.read").scoped(ScopeTable.EVERYTHING, audit);

        assertThat(narrow.narrow(EverythingPages.storePage(10, 0)).types()).containsExactlyInAnyOrder("Patient",
                "Observation");
        RecordQuery all = EverythingPages.storePage(10, 0);
        assertThat(wide.narrow(all)).as("unchanged: every type, as before scopes narrowed").isSameAs(all);
        assertThat(wide.returns("Bundle")).isTrue();
        assertThat(narrow.returns("Organization")).isFalse();
        assertThat(caller("system/Patient.read", "system/Bundle.read").scoped(ScopeTable.EVERYTHING, audit)
                .returns("Bundle")).as("a Bundle holds any type").isFalse();
    }

    @Test
    void aBundleIsReadOnlyWithAScopeForEveryTypeAndWrittenWithItsEntriesTypes() {
        assertThatThrownBy(() -> caller("system/Bundle.read").scoped(ScopeTable.READ, audit, "Bundle"))
                .isInstanceOf(ForbiddenOperationException.class).hasMessageContaining("system/*.read");
        caller("system/*.read").scoped(ScopeTable.READ, audit, "Bundle");
        caller("system/*.*").scoped(ScopeTable.SEARCH, audit, "Bundle");

        Bundle document = new Bundle().setType(Bundle.BundleType.DOCUMENT);
        document.addEntry().setResource(new Patient());
        document.addEntry().setResource(new Observation());
        assertThat(ScopeTable.written(document)).containsExactly("Bundle", "Patient", "Observation");
        assertThatThrownBy(() -> caller("system/Bundle.write", "system/Patient.write")
                .scoped(ScopeTable.CREATE, audit, ScopeTable.written(document)))
                .isInstanceOf(ForbiddenOperationException.class).hasMessageContaining("writing Observation");
        caller("system/Bundle.write", "system/Patient.write", "system/Observation.write")
                .scoped(ScopeTable.CREATE, audit, ScopeTable.written(document));
    }

    @Test
    void theMedicationNotebookNeedsPatientAndDispensingsAndLeavesOutTheRest() {
        Scoped notebook = caller("system/Patient.read", "system/MedicationDispense.read", "system/Organization.read")
                .scoped(ScopeTable.MEDICATION_NOTEBOOK, audit);
        RecordQuery three = new RecordQuery(null, List.of(), null, null, null, true, 10, 0,
                Set.of("MedicationDispense", "MedicationStatement", "AllergyIntolerance"));

        assertThat(notebook.narrow(three).types()).containsExactly("MedicationDispense");
        assertThat(notebook.returns("Organization")).isTrue();
        assertThat(notebook.returns("Practitioner")).isFalse();
        assertThat(caller("system/*.read").scoped(ScopeTable.MEDICATION_NOTEBOOK, audit).returns("Observation"))
                .as("not a type of the notebook, whatever the scope").isFalse();
        assertThatThrownBy(() -> caller("system/MedicationDispense.read").scoped(ScopeTable.MEDICATION_NOTEBOOK, audit))
                .isInstanceOf(ForbiddenOperationException.class).hasMessageContaining("reading Patient");
    }

    @Test
    void aSearchReturnsItsTypeAndIncludesOnlyWhatTheScopesAllow() {
        Scoped search = caller("system/Observation.read", "system/Encounter.read").scoped(ScopeTable.SEARCH, audit,
                "Observation");

        assertThat(search.narrow(found -> List.of("Encounter/e1", "Organization/o1", "Practitioner/p1"))
                .referencedBy(List.of())).containsExactly("Encounter/e1");
        assertThatThrownBy(() -> search.narrow(new RecordQuery("Observation", List.of(), null, null, null, true, 1, 0)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void transactionsNeedTheWriteOfEveryEntrysTypeAndReadScopesNeverWrite() {
        Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        transaction.addEntry().setResource(new Patient());
        transaction.addEntry().setResource(new Observation());
        Caller patientsOnly = caller("system/Patient.write", "system/*.read");

        assertThatThrownBy(() -> patientsOnly.scoped(ScopeTable.TRANSACTION, audit, ScopeTable.entryTypes(transaction)))
                .isInstanceOf(ForbiddenOperationException.class).hasMessageContaining("writing Observation");
        caller("system/*.write").scoped(ScopeTable.TRANSACTION, audit, ScopeTable.entryTypes(transaction));
        patientsOnly.scoped(ScopeTable.BATCH, audit, ScopeTable.entryTypes(new Bundle()));
        assertThatThrownBy(() -> caller("system/*.read").scoped(ScopeTable.CREATE, audit, "Observation"))
                .isInstanceOf(ForbiddenOperationException.class);
        assertThat(audited).extracting(e -> e.resourceType() + " " + e.reason()).containsExactly(
                "Observation scope [system/*.read, system/Patient.write] does not allow write",
                "Observation scope [system/*.read] does not allow write");
    }

    @Test
    void aBrowserSessionReadsLikeSystemStarRead() {
        Caller browser = new Caller(user(), Set.of(ApiScope.parse("system/*.read")), false);

        assertThat(browser.scoped(ScopeTable.EVERYTHING, audit).narrow(EverythingPages.storePage(5, 0)).types()).isNull();
        browser.scoped(ScopeTable.AUDIT_EVENT_SEARCH, audit);
        assertThatThrownBy(() -> browser.scoped(ScopeTable.CREATE, audit, "Observation"))
                .isInstanceOf(ForbiddenOperationException.class);
    }

    private static Caller caller(String... scopes) {
        return new Caller(user(), Arrays.stream(scopes).map(ApiScope::parse).collect(Collectors.toSet()), true);
    }

    private static SignedIn user() {
        return new SignedIn(1, "client", "試験", 1L, "FACILITY_SYSTEM", false, Set.of());
    }

    @Test
    void anExportNeedsPatientAndEachTypeAskedAndReturnsOnlyWhatTheScopesAllow() {
        Caller narrow = caller("system/Patient.read", "system/Observation.read");
        for (ScopeTable row : List.of(ScopeTable.EXPORT, ScopeTable.EXPORT_PATIENT, ScopeTable.EXPORT_GROUP)) {
            Scoped scoped = narrow.scoped(row, audit);
            assertThat(scoped.returns("Observation")).as(row.name()).isTrue();
            assertThat(scoped.returns("Condition")).as(row.name()).isFalse();
            narrow.scoped(row, audit, List.of("Observation"));
            assertThatThrownBy(() -> narrow.scoped(row, audit, List.of("Observation", "Condition")))
                    .as(row.name()).isInstanceOf(ForbiddenOperationException.class);
            assertThatThrownBy(() -> caller("system/Observation.read").scoped(row, audit))
                    .as("an export is about patients").isInstanceOf(ForbiddenOperationException.class);
        }
        assertThat(ScopeTable.of(null, "$export")).contains(ScopeTable.EXPORT);
        assertThat(ScopeTable.of("Patient", "$export")).contains(ScopeTable.EXPORT_PATIENT);
        assertThat(ScopeTable.of("Group", "$export")).contains(ScopeTable.EXPORT_GROUP);
        assertThat(ScopeTable.FOR_APPS).doesNotContain(ScopeTable.EXPORT, ScopeTable.EXPORT_PATIENT,
                ScopeTable.EXPORT_GROUP);
    }

}
