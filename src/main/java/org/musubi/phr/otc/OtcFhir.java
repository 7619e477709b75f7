package org.musubi.phr.otc;

import java.time.LocalDate;
import java.util.Date;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.MedicationStatement.MedicationStatementStatus;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.musubi.record.fhir.FhirSystems;
import org.musubi.record.fhir.medication.MedicationConcept;

/**
 * A self-entered OTC drug or supplement as FHIR R4: a MedicationStatement about the resident's Patient, of category
 * {@code patientspecified} (HL7) with its kind beside it ({@link FhirSystems#PHR_OTC_KIND}), the drug as text, the way
 * it is taken as the dosage's text, the period it is taken, a note; status {@code completed} once its end date has
 * come, {@code active} before; the information source the resident (their Patient) or, for a proxy, the proxy by name;
 * who entered this version in the {@link FhirSystems#PHR_ENTERED_BY} extension.
 */
final class OtcFhir {

    static final String PATIENT_SPECIFIED = "patientspecified";

    private OtcFhir() {
    }

    /** The resource for the resident's Patient {@code patientReference}, asserted at {@code asserted} on {@code today}. */
    public static MedicationStatement toResource(OtcEntry.Values values, EnteredBy by, String patientReference,
                                                 Date asserted, LocalDate today) {
        MedicationStatement statement = new MedicationStatement();
        statement.setStatus(values.until() != null && !values.until().isAfter(today) ? MedicationStatementStatus.COMPLETED
                : MedicationStatementStatus.ACTIVE);
        statement.setCategory(new CodeableConcept(new Coding(FhirSystems.MEDICATION_STATEMENT_CATEGORY, PATIENT_SPECIFIED,
                "Patient Specified")).addCoding(new Coding(FhirSystems.PHR_OTC_KIND, values.kind().code(), null)));
        statement.setMedication(new CodeableConcept().setText(values.name()));
        statement.setSubject(new Reference(patientReference));
        Period period = new Period().setStartElement(new DateTimeType(values.since().toString()));
        if (values.until() != null) {
            period.setEndElement(new DateTimeType(values.until().toString()));
        }
        statement.setEffective(period);
        statement.setDateAssertedElement(new DateTimeType(asserted));
        statement.setInformationSource(by.proxy() ? new Reference().setDisplay(by.name())
                : new Reference(patientReference));
        if (values.dose() != null) {
            statement.addDosage().setText(values.dose());
        }
        if (values.note() != null) {
            statement.addNote(new Annotation().setText(values.note()));
        }
        Extension extension = statement.addExtension().setUrl(FhirSystems.PHR_ENTERED_BY);
        extension.addExtension("by", new CodeType(by.by().code()));
        if (by.name() != null) {
            extension.addExtension("name", new StringType(by.name()));
        }
        return statement;
    }

    /** Whether a stored MedicationStatement is one the notebook's form wrote (its kind is there). */
    public static boolean selfEntered(MedicationStatement statement) {
        return kind(statement) != null;
    }

    /** The entry a stored MedicationStatement holds; its kind OTC drug when it names none. */
    public static OtcEntry entry(String id, MedicationStatement statement) {
        OtcKind kind = kind(statement);
        Period period = statement.hasEffectivePeriod() ? statement.getEffectivePeriod() : new Period();
        Extension extension = statement.getExtensionByUrl(FhirSystems.PHR_ENTERED_BY);
        EnteredBy by = extension == null ? EnteredBy.resident()
                : new EnteredBy(EnteredBy.By.of(sub(extension, "by")), sub(extension, "name"));
        return new OtcEntry(id, kind == null ? OtcKind.OTC_DRUG : kind,
                MedicationConcept.stated(statement) != null ? MedicationConcept.stated(statement).getText() : null,
                statement.hasDosage() ? statement.getDosageFirstRep().getText() : null,
                day(period.getStartElement()), day(period.getEndElement()),
                statement.hasNote() ? statement.getNoteFirstRep().getText() : null,
                statement.getStatus() == MedicationStatementStatus.COMPLETED, by);
    }

    private static OtcKind kind(MedicationStatement statement) {
        return statement.getCategory().getCoding().stream().filter(c -> FhirSystems.PHR_OTC_KIND.equals(c.getSystem()))
                .findFirst().flatMap(c -> OtcKind.of(c.getCode())).orElse(null);
    }

    private static LocalDate day(BaseDateTimeType value) {
        String text = value == null ? null : value.getValueAsString();
        return text == null || text.length() < 10 ? null : LocalDate.parse(text.substring(0, 10));
    }

    private static String sub(Extension extension, String url) {
        Extension sub = extension.getExtensionByUrl(url);
        return sub == null || sub.getValue() == null ? null : sub.getValue().primitiveValue();
    }
}
