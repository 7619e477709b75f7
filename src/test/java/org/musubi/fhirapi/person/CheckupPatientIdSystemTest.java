package org.musubi.fhirapi.person;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.musubi.fhirapi.FhirApiProperties;
import org.musubi.identity.SourceIdentifier;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.FacilityStatus;
import org.musubi.registry.MedicalInstitutionCode;
import org.musubi.registry.systems.DeclaredSystems;
import org.springframework.util.unit.DataSize;

/**
 * The checkup organisations' examinee-ID system of the JP eCheckup guides ({@code urn:oid:1.2.392.200119.6.102.1} +
 * the 10-digit 健診機関番号, issue 38 finding 6): a checkup centre's own number names its patients (local IDs, the same
 * as its built-in system), in writes and in look-ups; another number, or the system for a facility that is no checkup
 * centre, names nobody; and no facility may declare a system of that root.
 */
class CheckupPatientIdSystemTest {

    static final String ROOT = "urn:oid:1.2.392.200119.6.102.1";
    static final Facility CENTRE = facility(1, FacilityKind.CHECKUP_CENTRE, MedicalInstitutionCode.of(34, 2, 900_001));
    static final Facility HOSPITAL = facility(2, FacilityKind.HOSPITAL, MedicalInstitutionCode.of(34, 1, 900_002));
    static final Facility UNCODED = facility(3, FacilityKind.CHECKUP_CENTRE, null);
    final IdentifierSystems systems = new IdentifierSystems(facilities(CENTRE, HOSPITAL, UNCODED), noneDeclared(),
            new FhirApiProperties("urn:musubi:regional-id", 20, "standard",
                    DataSize.ofMegabytes(10), List.of("all")));

    @Test
    void aCheckupCentresOwnNumberNamesItsPatientsByTheirLocalIds() {
        String own = ROOT + CENTRE.code().value();

        assertThat(systems.checkupPatientIds(CENTRE)).contains(own);
        assertThat(systems.accepted(CENTRE)).containsExactly(systems.patientIds(CENTRE), own,
                IdentifierSystems.JP_HOSPITAL_PATIENT_ID);
        assertThat(systems.patientIdentifier(CENTRE, own, "34567", true)).contains(SourceIdentifier.local("34567"));
        assertThat(systems.patientIdentifier(CENTRE, own, "34567", false)).contains(SourceIdentifier.local("34567"));
        assertThat(systems.facilityOf(own)).contains(CENTRE);
        assertThat(systems.known(own)).isTrue();
    }

    @Test
    void anotherNumberOrAFacilityThatIsNoCheckupCentreNamesNobody() {
        String hospitals = ROOT + HOSPITAL.code().value();

        assertThat(systems.patientIdentifier(CENTRE, hospitals, "34567", true)).isEmpty();
        assertThat(systems.patientIdentifier(HOSPITAL, hospitals, "34567", true)).isEmpty();
        assertThat(systems.checkupPatientIds(HOSPITAL)).isEmpty();
        assertThat(systems.checkupPatientIds(UNCODED)).isEmpty();
        assertThat(systems.accepted(HOSPITAL)).doesNotContain(hospitals);
        assertThat(systems.facilityOf(hospitals)).as("a hospital's code in the checkup system").isEmpty();
        assertThat(systems.facilityOf(ROOT + "3429999999")).as("a number no facility has").isEmpty();
        assertThat(systems.facilityOf(ROOT + "34")).isEmpty();
    }

    @Test
    void noFacilityMayDeclareASystemOfTheCheckupRoot() {
        assertThat(systems.reserved(ROOT + "3429000445")).contains("facility.systems.reserved.builtIn");
        assertThat(systems.reserved("urn:oid:1.2.392.200119.6.102.1")).contains("facility.systems.reserved.builtIn");
    }

    private static Facility facility(long id, FacilityKind kind, MedicalInstitutionCode code) {
        return new Facility(id, "施設" + id, "シセツ", kind, code, 34, "広島市", null, true, true, FacilityStatus.ACTIVE);
    }

    /** A registry holding these facilities: found by id and by code; nothing else is asked. */
    private static Facilities facilities(Facility... held) {
        Map<String, Facility> byCode = new HashMap<>();
        for (Facility f : held) {
            if (f.code() != null) {
                byCode.put(f.code().value(), f);
            }
        }
        return (Facilities) Proxy.newProxyInstance(Facilities.class.getClassLoader(), new Class<?>[] {Facilities.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "findByCode" -> Optional.ofNullable(byCode.get((String) args[0]));
                    case "find" -> Arrays.stream(held).filter(f -> f.id() == (long) args[0]).findFirst();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static DeclaredSystems noneDeclared() {
        return (DeclaredSystems) Proxy.newProxyInstance(DeclaredSystems.class.getClassLoader(),
                new Class<?>[] {DeclaredSystems.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "facilityOf", "find" -> Optional.empty();
                    case "of" -> List.of();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
