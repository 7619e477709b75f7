package org.musubi.identity.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.musubi.identity.IdentityConflict;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.LinkMethod;
import org.musubi.identity.Person;
import org.musubi.identity.PersonStatus;
import org.musubi.identity.RegisteredPerson;
import org.musubi.identity.Sex;
import org.musubi.identity.SourcePatient;
import org.musubi.registry.FacilityKind;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.TestRegionalIds;
import org.springframework.beans.factory.annotation.Autowired;

/** Linking, unlinking, merging and unmerging change which source patients make up a person, nothing else. */
@MusubiIntegrationTest
class IdentityLinksIT extends NetworkFixtures {

    @Autowired
    IdentityStore store;
    @Autowired
    LinkSourcePatient link;
    @Autowired
    UnlinkSourcePatient unlink;
    @Autowired
    MergePersons merge;
    @Autowired
    UnmergePersons unmerge;

    @Test
    void linkAndUnlinkChangeOnlyWhichSourcePatientsMakeUpARecord() {
        RegisteredPerson person = newPerson("080-1111-2222");
        SourcePatient atHospital = received(FacilityKind.HOSPITAL);
        SourcePatient atClinic = received(FacilityKind.CLINIC);
        List<Map<String, Object>> storedBefore = rows(atHospital, atClinic);
        long before = audit.max();

        link.link(0, atHospital.id(), person.id(), LinkMethod.CARD, "card read at reception");
        link.link(0, atClinic.id(), person.id(), LinkMethod.OPERATOR, null);
        assertThat(store.sourcePatientsOf(person.id())).containsExactly(atHospital, atClinic);
        unlink.unlink(0, atClinic.id(), "wrong patient");

        assertThat(store.sourcePatientsOf(person.id())).containsExactly(atHospital);
        assertThat(store.personOf(atClinic.id())).isEmpty();
        assertThat(rows(atHospital, atClinic)).isEqualTo(storedBefore);
        assertThat(audit.forPatient(before, person.person().regionalId())).containsExactly(
                "IDENTITY_LINK PERMIT CARD: card read at reception", "IDENTITY_LINK PERMIT OPERATOR",
                "IDENTITY_UNLINK PERMIT wrong patient");
    }

    @Test
    void aSourcePatientLinkedElsewhereMustBeUnlinkedFirst() {
        RegisteredPerson first = newPerson(null);
        RegisteredPerson second = newPerson(null);
        SourcePatient patient = received(FacilityKind.PHARMACY);
        link.link(0, patient.id(), first.id(), LinkMethod.CARD, null);
        long before = audit.max();

        assertThatThrownBy(() -> link.link(0, patient.id(), second.id(), LinkMethod.OPERATOR, null))
                .isInstanceOf(IdentityConflict.class).hasMessage("identity.sourcePatient.alreadyLinked");
        assertThat(store.personOf(patient.id())).contains(first.id());
        assertThat(audit.forPatient(before, second.person().regionalId()))
                .containsExactly("IDENTITY_LINK DENY identity.sourcePatient.alreadyLinked");
    }

    @Test
    void mergeThenUnmergeGivesBackExactlyTheEarlierRecords() {
        RegisteredPerson survivor = newPerson(null);
        RegisteredPerson duplicate = newPerson("090-3333-4444");
        SourcePatient a = received(FacilityKind.HOSPITAL);
        SourcePatient b = received(FacilityKind.CLINIC);
        SourcePatient c = received(FacilityKind.PHARMACY);
        link.link(0, a.id(), survivor.id(), LinkMethod.CARD, null);
        link.link(0, b.id(), duplicate.id(), LinkMethod.MATCH_AUTO, null);
        link.link(0, c.id(), duplicate.id(), LinkMethod.OPERATOR, null);
        Snapshot earlier = snapshot(survivor, duplicate, a, b, c);
        long before = audit.max();

        long mergeId = merge.merge(0, survivor.id(), duplicate.id(), "same person, two cards");

        assertThat(store.sourcePatientsOf(survivor.id())).containsExactly(a, b, c);
        assertThat(store.sourcePatientsOf(duplicate.id())).isEmpty();
        assertThat(store.person(duplicate.id()).orElseThrow().status()).isEqualTo(PersonStatus.MERGED);
        assertThat(store.person(survivor.id()).orElseThrow().person().phone()).isEqualTo("090-3333-4444");
        assertThat(store.person(survivor.id()).orElseThrow().person().familyKana())
                .isEqualTo(survivor.person().familyKana());

        unmerge.unmerge(0, mergeId, "different people after all");

        assertThat(snapshot(survivor, duplicate, a, b, c)).isEqualTo(earlier);
        assertThat(audit.forPatient(before, survivor.person().regionalId()))
                .hasSize(2).first().asString().startsWith("PERSON_MERGE PERMIT merge " + mergeId);
        assertThatThrownBy(() -> unmerge.unmerge(0, mergeId, "again")).hasMessage("identity.merge.notCurrent");
        assertThat(audit.forPatient(before, survivor.person().regionalId()))
                .last().isEqualTo("PERSON_UNMERGE DENY identity.merge.notCurrent");
    }

    @Test
    void theIdentityHistoryIsAppendOnly() {
        RegisteredPerson person = newPerson(null);
        link.link(0, received(FacilityKind.CLINIC).id(), person.id(), LinkMethod.CARD, null);

        assertThatThrownBy(() -> jdbc.sql("UPDATE identity_event SET reason = 'x' WHERE person_id = ?")
                .param(person.id()).update()).hasRootCauseMessage("ERROR: permission denied for table identity_event");
    }

    private Snapshot snapshot(RegisteredPerson survivor, RegisteredPerson duplicate, SourcePatient... patients) {
        return new Snapshot(store.sourcePatientsOf(survivor.id()), store.sourcePatientsOf(duplicate.id()),
                store.person(survivor.id()).orElseThrow(), store.person(duplicate.id()).orElseThrow(),
                jdbc.sql("SELECT source_patient_id || ':' || person_id || ':' || method FROM person_link "
                        + "WHERE source_patient_id IN (?, ?, ?) ORDER BY 1")
                        .params(patients[0].id(), patients[1].id(), patients[2].id()).query(String.class).list(),
                rows(patients));
    }

    private List<Map<String, Object>> rows(SourcePatient... patients) {
        return Arrays.stream(patients).map(p -> jdbc.sql("SELECT * FROM source_patient WHERE id = ?")
                .param(p.id()).query().singleRow()).toList();
    }

    private RegisteredPerson newPerson(String phone) {
        return store.register(new Person(TestRegionalIds.next(), "結城", "一郎", "ユウキ", "イチロウ", Sex.MALE,
                LocalDate.of(1948, 3, 9), null, null, phone));
    }

    private SourcePatient received(FacilityKind kind) {
        long facilityId = accounts.facilityOf(kind).id();
        String localId = "L" + ThreadLocalRandom.current().nextLong(1_000_000_000L);
        return store.receive(new SourcePatient(0, facilityId, localId, "結城", "一郎", "ﾕｳｷ", "ｲﾁﾛｳ", Sex.MALE,
                LocalDate.of(1948, 3, 9), "730-0011", "広島市中区基町1-1", null));
    }

    record Snapshot(List<SourcePatient> survivorRecord, List<SourcePatient> duplicateRecord, RegisteredPerson survivor,
                    RegisteredPerson duplicate, List<String> links, List<Map<String, Object>> storedRows) {
    }
}
