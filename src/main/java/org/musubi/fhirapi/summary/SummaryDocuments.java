package org.musubi.fhirapi.summary;

import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Device;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MedicationDispense;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.musubi.emergency.dataset.SourcedDataset;
import org.musubi.fhirapi.access.Caller;
import org.musubi.fhirapi.person.PersonOpener;
import org.musubi.fhirapi.store.RecordResources;
import org.musubi.identity.SourcePatient;
import org.musubi.policy.DataCategory;
import org.musubi.policy.DataItem;
import org.musubi.policy.PersonView;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The emergency minimum dataset as a FHIR document: a Bundle of type {@code document} whose first entry is an
 * IPS-shaped Composition (LOINC 60591-5), then the Patient (the person as the caller may see them), the Device that
 * wrote the document (Musubi, its author), and each resource a section references, once. References resolve inside the
 * Bundle: every entry but the Device has a full URL under the server's base ({@code <base>/<Type>/<id>}), so that
 * relative references resolve (HAPI writes references to the server's base relative); the Composition too, although
 * it is made for the answer and never stored (it cannot be read back). The served copies' subject (or patient) points
 * to the person's Patient. The stored resources are not changed.
 */
@Component
class SummaryDocuments {

    static final String LIST_EMPTY_REASON = "http://terminology.hl7.org/CodeSystem/list-empty-reason";
    private final RecordResources resources;
    private final SummarySections sections;
    private final PersonOpener opener;

    SummaryDocuments(RecordResources resources, MessageSource messages, PersonOpener opener) {
        this.resources = resources;
        this.sections = new SummarySections(messages);
        this.opener = opener;
    }

    /** The document of a dataset read for {@code caller}; its Patient shows the person as the caller may see them. */
    Bundle document(SourcedDataset s, Caller caller, String base, Instant now) {
        Patient patient = opener.patient(opener.opened(caller, s.view()));
        String personRef = "Patient/" + s.dataset().personId();
        String compositionId = UUID.randomUUID().toString();
        String deviceId = UUID.randomUUID().toString();
        Composition composition = new Composition().setStatus(Composition.CompositionStatus.FINAL)
                .setType(new CodeableConcept(new Coding(SummarySections.LOINC, "60591-5", "Patient summary Document")))
                .setSubject(new Reference(personRef)).setDate(Date.from(now))
                .setTitle("救急時の最小データセット（患者サマリー） / Patient summary: emergency minimum dataset")
                .setConfidentiality(Composition.DocumentConfidentiality.N);
        composition.setId(compositionId);
        composition.addAuthor(new Reference("urn:uuid:" + deviceId).setDisplay("Musubi"));
        Set<String> included = new LinkedHashSet<>();
        for (SummarySections.Section section : sections.of(s.dataset())) {
            boolean visible = visible(s.view(), section.category());
            Composition.SectionComponent part = composition.addSection().setTitle(section.title())
                    .setCode(new CodeableConcept(new Coding(SummarySections.LOINC, section.code(), section.display())))
                    .setText(Narrative.of(section.lines(), sections.absent(!visible, s.view().showsOwnDataOnly())));
            List<String> refs = section.refs().stream().filter(r -> s.resource(r).isPresent()).toList();
            refs.forEach(r -> part.addEntry(new Reference(r)));
            included.addAll(refs);
            if (refs.isEmpty() && section.lines().isEmpty()) {
                String reason = visible ? "nilknown" : "unavailable";
                part.setEmptyReason(new CodeableConcept(new Coding(LIST_EMPTY_REASON, reason,
                        reason.equals("nilknown") ? "Nil Known" : "Unavailable")));
            }
        }
        Device musubi = new Device();
        musubi.setId(deviceId);
        musubi.addDeviceName().setName("Musubi").setType(Device.DeviceNameType.USERFRIENDLYNAME);
        Bundle bundle = new Bundle().setType(Bundle.BundleType.DOCUMENT).setTimestamp(Date.from(now))
                .setIdentifier(new Identifier().setSystem("urn:ietf:rfc:3986").setValue("urn:uuid:" + UUID.randomUUID()));
        bundle.addEntry().setFullUrl(base + "/Composition/" + compositionId).setResource(composition);
        bundle.addEntry().setFullUrl(base + "/" + personRef).setResource(patient);
        bundle.addEntry().setFullUrl("urn:uuid:" + deviceId).setResource(musubi);
        for (String ref : included) {
            Resource resource = (Resource) resources.toResource(s.resource(ref).orElseThrow());
            about(resource, new Reference(personRef));
            bundle.addEntry().setFullUrl(base + "/" + ref).setResource(resource);
        }
        return bundle;
    }

    /**
     * Whether the reader may see the category from any of the person's sources: a section empty although they may is
     * {@code nilknown}; one they may not see at all is {@code unavailable} (the same for every reason they may not).
     */
    private static boolean visible(PersonView view, DataCategory category) {
        return view.sources().stream().map(SourcePatient::facilityId).distinct()
                .anyMatch(f -> view.sees(new DataItem(f, category)));
    }

    /** The served copy refers to the person's Patient of the document, not to the sender's own patient. */
    private static void about(Resource resource, Reference person) {
        switch (resource) {
            case AllergyIntolerance r -> r.setPatient(person);
            case Condition r -> r.setSubject(person);
            case MedicationRequest r -> r.setSubject(person);
            case MedicationDispense r -> r.setSubject(person);
            case Observation r -> r.setSubject(person);
            case Encounter r -> r.setSubject(person);
            case QuestionnaireResponse r -> r.setSubject(person);
            default -> { }
        }
    }
}
