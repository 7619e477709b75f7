package org.musubi.fhirapi.internal;

import ca.uhn.fhir.rest.server.IResourceProvider;
import java.util.List;
import org.springframework.stereotype.Component;

@Component
class FhirProviders implements FhirServlet.Providers {

    private final PatientProvider patients;
    private final SafeErrors errors;
    private final RecordProviderParts parts;
    private final TransactionProvider transactions;
    private final AuditEventProvider auditEvents;
    private final IncomingBodyInterceptor bodies;
    private final MedicationNotebookProvider notebooks;

    FhirProviders(PatientProvider patients, SafeErrors errors, RecordProviderParts parts,
                  TransactionProvider transactions, AuditEventProvider auditEvents, IncomingBodyInterceptor bodies,
                  MedicationNotebookProvider notebooks) {
        this.notebooks = notebooks;
        this.bodies = bodies;
        this.auditEvents = auditEvents;
        this.patients = patients;
        this.errors = errors;
        this.parts = parts;
        this.transactions = transactions;
    }

    @Override
    public List<Object> plainProviders() {
        return List.of(transactions, notebooks);
    }

    @Override
    public List<IResourceProvider> resourceProviders() {
        List<IResourceProvider> providers = new java.util.ArrayList<>();
        providers.add(patients);
        providers.add(auditEvents);
        ca.uhn.fhir.context.FhirContext context = parts.resources().context();
        org.musubi.record.fhir.ResourceKind.types().stream().sorted().filter(t -> !t.equals("Patient") && !t.equals("Binary"))
                .forEach(t -> providers.add(new RecordResourceProvider(
                        context.getResourceDefinition(t).getImplementingClass(), parts)));
        return providers;
    }

    @Override
    public List<Object> interceptors() {
        return List.of(errors, bodies, new StoredJson());
    }
}
