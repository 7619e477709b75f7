package org.musubi.medication.notebook;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/** Reading FHIR values back for the exporter: texts, days, names and the resources references point at. */
final class FhirValues {

    private FhirValues() {
    }

    /** The text of a concept: its text, else its first display, else its first code. */
    static String text(CodeableConcept concept) {
        if (concept == null || concept.isEmpty()) {
            return "";
        }
        if (concept.hasText()) {
            return concept.getText();
        }
        return concept.getCoding().stream().map(c -> c.hasDisplay() ? c.getDisplay() : c.getCode())
                .filter(s -> s != null && !s.isEmpty()).findFirst().orElse("");
    }

    static Optional<Coding> coding(CodeableConcept concept, String system) {
        return concept == null ? Optional.empty()
                : concept.getCoding().stream().filter(c -> system.equals(c.getSystem()) && c.hasCode()).findFirst();
    }

    /** The calendar day of a date or dateTime as written (no time-zone shift), or null. */
    static LocalDate day(BaseDateTimeType value) {
        if (value == null || value.getValueAsString() == null || value.getValueAsString().length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(value.getValueAsString().substring(0, 10));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A person's name as JAHIS writes it: family, a space, given (or the name's text). */
    static String name(HumanName name) {
        if (name == null || name.isEmpty()) {
            return "";
        }
        if (name.hasFamily() || name.hasGiven()) {
            String given = name.getGivenAsSingleString();
            return (name.hasFamily() ? name.getFamily() : "") + (given.isEmpty() ? "" : " " + given);
        }
        return name.hasText() ? name.getText() : "";
    }

    static String phone(List<ContactPoint> telecom, ContactPoint.ContactPointSystem system) {
        return telecom.stream().filter(t -> system == null || t.getSystem() == system).map(ContactPoint::getValue)
                .filter(v -> v != null).findFirst().orElse("");
    }

    /** The resource a reference points at: a contained one ({@code #id}) or one the reference holds. */
    static Optional<Resource> resolve(DomainResource owner, Reference reference) {
        if (reference == null || reference.isEmpty()) {
            return Optional.empty();
        }
        if (reference.getResource() instanceof Resource held) {
            return Optional.of(held);
        }
        String target = reference.getReference();
        if (target == null || !target.startsWith("#")) {
            return Optional.empty();
        }
        String id = target.substring(1);
        return owner.getContained().stream().filter(r -> id.equals(r.getIdPart()) || target.equals(r.getId())).findFirst();
    }
}
