package org.musubi.fhirapi.person;

import java.time.LocalDate;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Patient;
import org.musubi.identity.Sex;
import org.musubi.identity.matching.Demographics;
import org.musubi.record.fhir.FhirSystems;

/**
 * The demographics of a Patient a caller sends ({@code $match}, a facility registering its patient). A name tagged
 * SYL is kana and IDE kanji; an untagged name counts as kana when it has no kanji.
 */
public final class QueryDemographics {

    private QueryDemographics() {
    }

    public static Demographics of(Patient patient) {
        String[] kanji = new String[2];
        String[] kana = new String[2];
        for (HumanName name : patient.getName()) {
            String representation = name.getExtensionString(FhirSystems.NAME_REPRESENTATION);
            boolean isKana = "SYL".equals(representation)
                    || (representation == null && !hasKanji(name.getFamily() + name.getGivenAsSingleString()));
            String[] target = isKana ? kana : kanji;
            target[0] = target[0] == null ? name.getFamily() : target[0];
            target[1] = target[1] == null && name.hasGiven() ? name.getGivenAsSingleString() : target[1];
        }
        String day = patient.getBirthDateElement().getValueAsString();
        LocalDate birth = day != null && day.length() == 10 ? LocalDate.parse(day) : null;
        String postal = patient.hasAddress() ? patient.getAddressFirstRep().getPostalCode() : null;
        String address = patient.hasAddress() ? addressText(patient) : null;
        String phone = patient.getTelecom().stream().filter(t -> t.getSystem() == ContactPoint.ContactPointSystem.PHONE)
                .map(ContactPoint::getValue).findFirst().orElse(null);
        return new Demographics(kanji[0], kanji[1], kana[0], kana[1], sex(patient), birth, postal, address, phone);
    }

    private static String addressText(Patient patient) {
        var a = patient.getAddressFirstRep();
        if (a.hasText()) {
            return a.getText();
        }
        StringBuilder text = new StringBuilder();
        text.append(a.hasState() ? a.getState() : "").append(a.hasCity() ? a.getCity() : "");
        a.getLine().forEach(line -> text.append(line.getValue()));
        return text.isEmpty() ? null : text.toString();
    }

    static Sex sex(Patient patient) {
        if (!patient.hasGender()) {
            return null;
        }
        return switch (patient.getGender()) {
            case MALE -> Sex.MALE;
            case FEMALE -> Sex.FEMALE;
            case OTHER -> Sex.OTHER;
            default -> Sex.UNKNOWN;
        };
    }

    public static boolean hasKanji(String text) {
        return text != null && text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }
}
