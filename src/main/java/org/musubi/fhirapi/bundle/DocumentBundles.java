package org.musubi.fhirapi.bundle;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.musubi.fhirapi.access.Caller;
import org.musubi.fhirapi.incoming.BodyFaults;
import org.musubi.fhirapi.registration.SourcePatientRegistration;
import org.musubi.fhirapi.store.RecordResources;
import org.musubi.record.IdKey;
import org.musubi.record.IdKeys;
import org.musubi.record.ResourceWrite;
import org.musubi.record.WriteRecords;
import org.musubi.record.Written;
import org.springframework.stereotype.Component;

/**
 * JP-CLINS documents (referral letter 57133-1, discharge summary 18842-5, checkup report 53576-5)
 * and collection Bundles (the 5 information items): the Bundle is stored whole, as sent, under the
 * writer's patient (retrievable as {@code Bundle/<id>}), and each entry also as its own searchable
 * resource. Ids derive from the facility, the Bundle's identifier and the entry's fullUrl under the installation's
 * id key ({@link IdKey}), so the same Bundle sent again is stored once and no one can tell its ids before it is.
 */
@Component
public class DocumentBundles {

    private final RecordResources resources;
    private final SourcePatientRegistration registration;
    private final BundleReferences references;
    private final WriteRecords writes;
    private final IdKeys keys;

    DocumentBundles(RecordResources resources, SourcePatientRegistration registration, BundleReferences references,
                    WriteRecords writes, IdKeys keys) {
        this.resources = resources;
        this.registration = registration;
        this.references = references;
        this.writes = writes;
        this.keys = keys;
    }

    /**
     * Stores the document: its patient's registration, then every resource; to be all or nothing, the caller runs it
     * in {@link org.musubi.audit.Audit#allOrNothing} ({@code RecordProviderParts} does).
     */
    public Written store(Caller caller, Bundle sent) {
        if (sent.getType() != Bundle.BundleType.DOCUMENT && sent.getType() != Bundle.BundleType.COLLECTION) {
            throw new InvalidRequestException("Bundle.type が " + sent.getType() + " です。transaction と batch は POST /fhir に送って"
                    + "ください / Bundle.type " + sent.getType() + ": send transactions and batches to POST /fhir");
        }
        if (!sent.hasIdentifier() || !sent.getIdentifier().hasValue()) {
            throw new UnprocessableEntityException("Bundle.identifier がありません / Bundle.identifier is required");
        }
        long facility = caller.writingFacility();
        Bundle bundle = BodyFaults.copyOf(sent);
        String key = facility + "|" + bundle.getIdentifier().getSystem() + "|" + bundle.getIdentifier().getValue();
        int patientIndex = patientEntry(bundle);
        Bundle.BundleEntryComponent patientEntry = bundle.getEntry().get(patientIndex);
        Written patient = BundleWrites.named(patientIndex, patientEntry,
                () -> registration.register(caller, (Patient) BodyFaults.copyOf(patientEntry.getResource())));
        Map<String, String> ids = new HashMap<>();
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            String type = ((Resource) entry.getResource()).fhirType();
            ids.put(entry.getFullUrl(), type.equals("Patient") ? "Patient/" + patient.id()
                    : type + "/" + id(key + "|" + entry.getFullUrl()));
        }
        List<ResourceWrite> batch = new ArrayList<>();
        for (int i = 0; i < bundle.getEntry().size(); i++) {
            Bundle.BundleEntryComponent entry = bundle.getEntry().get(i);
            if (i != patientIndex) {
                batch.add(BundleWrites.named(i, entry, () -> {
                    Resource copy = BodyFaults.copyOf(entry.getResource());
                    references.rewrite(copy, ids, bundle.getEntry(), facility);
                    String target = ids.get(entry.getFullUrl());
                    return resources.toWrite(copy, target.substring(target.indexOf('/') + 1), facility);
                }));
            }
        }
        ResourceWrite whole = resources.toWrite(BodyFaults.copyOf(sent), id(key), facility);
        long patientKey = resources.patientKeyOf(patient.id());
        batch.add(whole.under(patientKey, whole.id(), null));
        List<Written> written = writes.writeAll(caller.reader(), batch);
        return written.getLast();
    }

    private static int patientEntry(Bundle bundle) {
        for (int i = 0; i < bundle.getEntry().size(); i++) {
            if (bundle.getEntry().get(i).getResource() instanceof Patient) {
                return i;
            }
        }
        throw new UnprocessableEntityException("Bundle に Patient のエントリがありません / The Bundle has no Patient entry");
    }

    /** The id derived from {@code key} ({@link IdKey#uuid}: as before V22 on a legacy installation). */
    private String id(String key) {
        return keys.current().uuid(key);
    }
}
