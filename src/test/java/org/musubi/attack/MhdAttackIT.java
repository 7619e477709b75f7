package org.musubi.attack;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.musubi.fhirapi.mhd.MhdSubmissions;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.MusubiIntegrationTest;

/**
 * The attacker's suite ({@link AttackMatrixIT}) over IHE MHD on /fhir: a letter, and a Box file, sent between others.
 */
@MusubiIntegrationTest
class MhdAttackIT extends AttackFixtures {

    // ---- Letters over IHE MHD on /fhir (ITI-65, ITI-66, ITI-67, ITI-68): one contiguous block --------------------

    /**
     * A letter hospital A's system sent over MHD (ITI-65) to another hospital: no caller of clinic B (its systems,
     * whatever their scopes, and its users' browsers) retrieves its document, signature or PDF ({@code Binary/letter-<id>…},
     * ITI-68) or reads its DocumentReference or SubmissionSet by id — each attempt answers exactly as a letter id nobody
     * has, with one audit row of the caller — nor finds it
     * among the letters B's searches without a patient list (DocumentReference, ITI-67; SubmissionSet List, ITI-66),
     * again with one audit row each.
     */
    @Test
    void clinicBNeverRetrievesNorFindsALetterBetweenHospitalAAndAnotherFacility() {
        Facility hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        Facility addressee = accounts.newHospital();
        IGenericClient sender = clients.fhirFor(port, hospital, "system/*.read", "system/*.write");
        String localId = FhirRecords.localId();
        String patientId = FhirRecords.create(sender, FhirRecords.withKanjiName(
                FhirRecords.newPatient(hospital, localId, "テガミ"), "手紙", "花子"));
        clients.linkedPersonOf(hospital, localId);
        UUID letter = MhdSubmissions.sentLetter(sender.transaction().withBundle(MhdSubmissions.provide("Patient/" + patientId,
                addressee.code().value(), MhdSubmissions.referral(clients.context(), hospital, addressee, localId, "攻撃"),
                "application/fhir+json")).execute());
        for (Armed caller : callers(clinic)) {
            for (String path : List.of("Binary/letter-%s", "Binary/letter-%s-signature", "Binary/letter-%s-pdf",
                    "DocumentReference/letter-%s", "List/letter-%s")) {
                String absent = UUID.randomUUID().toString();
                String what = caller.attacker() + " / " + path;
                long before = audit.max();
                HttpResponse<String> asked = letterGet(caller, path.formatted(letter));
                long between = audit.max();
                HttpResponse<String> nothing = letterGet(caller, path.formatted(absent));
                Answers.assertAlike(what, asked, letter.toString(), nothing, absent);
                assertThat(asked.statusCode()).as(what).isIn(403, 404);
                assertThat(audit.countByUser(before, caller.userId()) - audit.countByUser(between, caller.userId()))
                        .as(what + ": audit rows of the attempt on A's letter").isEqualTo(1);
                assertThat(audit.countByUser(between, caller.userId())).as(what + ": audit rows of the attempt on nothing")
                        .isEqualTo(1);
            }
            for (String search : List.of("DocumentReference?_lastUpdated=ge2000-01-01", "List?code=submissionset")) {
                String what = caller.attacker() + " / " + search;
                long before = audit.max();
                HttpResponse<String> found = letterGet(caller, search);
                assertThat(found.statusCode()).as(what).isIn(200, 403);
                assertThat(found.body()).as(what + ": A's letter is not B's").doesNotContain(letter.toString());
                assertThat(audit.countByUser(before, caller.userId())).as(what + ": audit rows").isEqualTo(1);
            }
        }
    }



    // ---- end of the letters over IHE MHD ----------------------------------------------------------------------------

    // ---- Box files over IHE MHD (issue 43): one contiguous block ---------------------------------------------------

    /**
     * A file hospital A's system sent with Box over MHD (ITI-65) to a named nurse of another hospital and to A's own
     * nurses: no caller of clinic B (its systems, whatever their scopes, and its users' browsers on /fhir) retrieves it
     * ({@code Binary/box-<id>}, ITI-68) or reads its DocumentReference ({@code DocumentReference/box-<id>}) — each attempt
     * answers exactly as a file id nobody has, with one audit row of the caller — nor finds it among the Box files its
     * search lists ({@code DocumentReference?category=urn:musubi:box|file}, ITI-67), one audit row.
     */
    @Test
    void clinicBNeverRetrievesNorFindsABoxFileSentOverMhdBetweenOthers() {
        Facility hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        Facility other = accounts.newHospital();
        User named = accounts.memberOf(other, Profession.NURSE);
        IGenericClient sender = clients.fhirFor(port, hospital, "system/*.read", "system/*.write");
        String file = MhdSubmissions.sentBoxFile(sender.transaction().withBundle(MhdSubmissions.box(List.of(
                MhdSubmissions.practitioner(named.id()), MhdSubmissions.organization(hospital, List.of("NURSE"))),
                "攻撃対象.txt", "text/plain", "Box の攻撃試験（MHD）".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                null, null)).execute());
        String real = file.substring("box-".length());
        for (Armed caller : callers(clinic)) {
            for (String path : List.of("Binary/box-%s", "DocumentReference/box-%s")) {
                String absent = UUID.randomUUID().toString();
                String what = caller.attacker() + " / " + path;
                long before = audit.max();
                HttpResponse<String> asked = letterGet(caller, path.formatted(real));
                long between = audit.max();
                HttpResponse<String> nothing = letterGet(caller, path.formatted(absent));
                Answers.assertAlike(what, asked, real, nothing, absent);
                assertThat(asked.statusCode()).as(what).isIn(403, 404);
                assertThat(audit.countByUser(before, caller.userId()) - audit.countByUser(between, caller.userId()))
                        .as(what + ": audit rows of the attempt on A's file").isEqualTo(1);
                assertThat(audit.countByUser(between, caller.userId())).as(what + ": audit rows of the attempt on nothing")
                        .isEqualTo(1);
            }
            String what = caller.attacker() + " / Box files' search";
            long before = audit.max();
            HttpResponse<String> found = letterGet(caller, "DocumentReference?category=urn:musubi:box%7Cfile");
            assertThat(found.statusCode()).as(what).isIn(200, 403);
            assertThat(found.body()).as(what + ": A's file is not B's").doesNotContain(real);
            assertThat(audit.countByUser(before, caller.userId())).as(what + ": audit rows").isEqualTo(1);
        }
    }

    // ---- end of Box files over IHE MHD ------------------------------------------------------------------------------
}
