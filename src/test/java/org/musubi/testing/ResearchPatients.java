package org.musubi.testing;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Reference;
import org.musubi.registry.Facility;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Synthetic persons for the research tests (extractions and their bulk export): a hospital's patient with a registered
 * address in a town of the test, a Condition (a note naming them) 30 days ago and an HbA1c result 10 days ago.
 */
public final class ResearchPatients {

    /** The phone number every such person has (it must never leave in an extraction). */
    public static final String PHONE = "090-4848-1234";
    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    private ResearchPatients() {
    }

    /** A person of the hospital with the diagnosis {@code icd10}; the person's id. {@code secrets}: their ids, names. */
    public static long create(FhirClients clients, JdbcClient jdbc, IGenericClient fhir, Facility hospital, String sex,
                              LocalDate born, String town, String icd10, List<String> secrets) {
        String localId = FhirRecords.localId();
        String kana = FhirRecords.uniqueKana();
        FhirRecords.registerPatient(fhir, hospital, localId, kana);
        long person = clients.personOf(hospital, localId);
        jdbc.sql("UPDATE person SET sex = ?, birth_date = ?, address = ?, phone = ?, postal_code = '7300011'"
                        + " WHERE id = ?").params(sex, born, "広島県" + town + "本町1-1", PHONE, person).update();
        secrets.add(localId);
        secrets.add(kana);
        secrets.add(FhirRecords.patientIdFor(fhir, hospital, localId));
        Condition c = new Condition();
        c.getCode().addCoding().setSystem("http://hl7.org/fhir/sid/icd-10").setCode(icd10);
        c.setSubject(new Reference("Patient?identifier=" + FhirRecords.patientSystem(hospital) + "|" + localId));
        c.setOnset(new DateTimeType(LocalDate.now(JAPAN).minusDays(30) + "T12:00:00+09:00"));
        c.addNote(new Annotation().setText(kana + " 様 " + PHONE));
        FhirRecords.create(fhir, c);
        FhirRecords.create(fhir, FhirRecords.lab(hospital, localId, FhirRecords.HBA1C,
                LocalDate.now(JAPAN).minusDays(10) + "T09:00:00+09:00", 7.1));
        return person;
    }

    /** A municipality of one test only, without digits (as a registered address writes one). */
    public static String town() {
        StringBuilder town = new StringBuilder("抽出");
        UUID.randomUUID().toString().replace("-", "").substring(0, 6).chars()
                .forEach(c -> town.append("あいうえおかきくけこさしすせそた".charAt(Character.digit(c, 16))));
        return town.append("町").toString();
    }
}
