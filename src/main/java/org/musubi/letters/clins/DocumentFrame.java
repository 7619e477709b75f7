package org.musubi.letters.clins;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.musubi.letters.Diagnosis;
import org.musubi.letters.Letter;
import org.musubi.record.fhir.FhirSystems;

/**
 * What every document Musubi makes of a letter shares: the document Bundle (identifier, timestamp, profile), its
 * Composition (identifier, version, status, date, author, custodian), the Patient, the author's Practitioner and the
 * sending and receiving Organizations, in that order; then whatever the sections reference, each once.
 */
final class DocumentFrame {

    /** JP-CLINS's section codes ({@code 910 紹介先情報} …). */
    static final String SECTION = FhirSystems.CLINS_DOCUMENT_SECTION;
    static final String BUNDLE_IDENTIFIER = "http://jpfhir.jp/fhir/clins/bundle-identifier";
    static final String VERSION_NUMBER = "http://hl7.org/fhir/StructureDefinition/composition-clinicaldocument-versionNumber";

    final Letter letter;
    final String documentId;
    final ClinsParts parts;
    final Bundle bundle = new Bundle();
    final Composition composition = new Composition();
    final String patientUrl;
    final String authorUrl;
    final String senderUrl;
    final String addresseeUrl;
    final String addresseeDoctorUrl;
    private final List<String> added = new ArrayList<>();

    /**
     * @param bundleProfile      the Bundle's profile with its version ({@code …/JP_Bundle_eReferral|1})
     * @param compositionProfile the Composition's, with its version; {@code null} for none
     */
    DocumentFrame(Letter letter, boolean national, String bundleProfile, String compositionProfile) {
        this(letter, national, true, bundleProfile, compositionProfile);
    }

    /** @param addressed whether the document names its addressee (a discharge summary does not: its cover letter does) */
    DocumentFrame(Letter letter, boolean national, boolean addressed, String bundleProfile, String compositionProfile) {
        this.letter = letter;
        this.documentId = ClinsDocuments.documentId(letter);
        this.parts = new ClinsParts(documentId, national);
        Instant at = letter.issued();
        bundle.getMeta().setLastUpdatedElement(ClinsParts.instant(at)).addProfile(bundleProfile);
        bundle.setLanguage("ja");
        bundle.setIdentifier(new Identifier().setSystem(BUNDLE_IDENTIFIER).setValue(documentId));
        bundle.setType(Bundle.BundleType.DOCUMENT).setTimestampElement(ClinsParts.instant(at));
        composition.getMeta().setLastUpdatedElement(ClinsParts.instant(at));
        if (compositionProfile != null) {
            composition.getMeta().addProfile(compositionProfile);
        }
        composition.setLanguage("ja");
        composition.addExtension(VERSION_NUMBER, new StringType(Integer.toString(letter.version())));
        composition.setIdentifier(new Identifier().setSystem(FhirSystems.RESOURCE_INSTANCE).setValue(documentId));
        composition.setStatus(Composition.CompositionStatus.FINAL);
        composition.setDateElement(ClinsParts.dateTime(at));
        patientUrl = parts.url("patient");
        authorUrl = parts.url("author");
        senderUrl = parts.url("sender");
        addresseeUrl = parts.url("addressee");
        addresseeDoctorUrl = !addressed || letter.addressee().doctor() == null || letter.addressee().doctor().isBlank()
                ? null : parts.url("addressee-doctor");
        composition.setSubject(new Reference(patientUrl).setType("Patient"));
        composition.addAuthor(new Reference(authorUrl).setType("Practitioner").setDisplay(letter.author().name()));
        composition.addAuthor(new Reference(senderUrl).setType("Organization").setDisplay(letter.sender().name()));
        composition.setCustodian(new Reference(senderUrl).setType("Organization").setDisplay(letter.sender().name()));
        add(composition, parts.url("composition"));
        add(parts.patient(letter.patient(), letter.sender(), at), patientUrl);
        add(parts.practitioner(letter.author().name(), null, at), authorUrl);
        if (addresseeDoctorUrl != null) {
            add(parts.practitioner(letter.addressee().doctor(), null, at), addresseeDoctorUrl);
        }
        add(parts.organization(letter.sender(), letter.author().department(), at), senderUrl);
        if (addressed) {
            add(parts.organization(letter.addressee().facility(), letter.addressee().department(), at), addresseeUrl);
        }
    }

    /** The Composition's type, one coding. */
    void type(String system, String code, String display) {
        composition.setType(new CodeableConcept(new Coding(system, code, display)));
    }

    /** Adds a resource under its full URL, once. */
    void add(Resource resource, String url) {
        if (!added.contains(url)) {
            added.add(url);
            bundle.addEntry().setFullUrl(url).setResource(resource);
        }
    }

    /** A section of JP-CLINS's section code system: title, code, its text, its entries' URLs. */
    static Composition.SectionComponent section(String code, String title, List<String> lines, List<String> entries) {
        Composition.SectionComponent s = new Composition.SectionComponent().setTitle(title)
                .setCode(new CodeableConcept(new Coding(SECTION, code, title + "セクション")));
        if (!lines.isEmpty() || entries.isEmpty()) {
            s.setText(ClinsParts.narrative(lines.isEmpty() ? List.of("記載なし") : lines));
        }
        entries.forEach(e -> s.addEntry(new Reference(e)));
        return s;
    }

    /** The lines of a text as written (one per line of the text); none for no text. */
    static List<String> lines(String text) {
        return text == null || text.isBlank() ? List.of() : text.strip().lines().toList();
    }

    /**
     * The diagnoses as the section's lines (each, coded or not) and the URLs of the Conditions made of those with a
     * MEDIS code, added to the Bundle.
     */
    List<String> conditions(List<Diagnosis> diagnoses, String role, boolean problemList, List<String> lines) {
        List<String> urls = new ArrayList<>();
        int i = 0;
        for (Diagnosis d : diagnoses) {
            i++;
            lines.add(describe(d));
            if (ClinsParts.coded(d)) {
                String url = parts.url(role + "-" + i);
                add(parts.condition(d, role + "-" + i, patientUrl, problemList, letter.issued()), url);
                urls.add(url);
            }
        }
        return urls;
    }

    static String describe(Diagnosis d) {
        StringBuilder line = new StringBuilder(d.condition().text());
        if (d.suspected()) {
            line.append("（疑い）");
        }
        if (d.main()) {
            line.append("（主病名）");
        }
        if (d.onset() != null) {
            line.append(" 発症 ").append(date(d.onset()));
        }
        if (!d.active()) {
            line.append(" 治癒・軽快");
        }
        return line.toString();
    }

    static String date(LocalDate day) {
        return day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
    }
}
