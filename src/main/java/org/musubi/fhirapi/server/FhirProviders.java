package org.musubi.fhirapi.server;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.util.ArrayList;
import java.util.List;
import org.musubi.fhirapi.audit.AuditEventProvider;
import org.musubi.fhirapi.bundle.TransactionProvider;
import org.musubi.fhirapi.incoming.IncomingBodyInterceptor;
import org.musubi.fhirapi.mhd.MhdCapabilities;
import org.musubi.fhirapi.mhd.MhdProviders;
import org.musubi.fhirapi.questionnaire.QuestionnaireProvider;
import org.musubi.fhirapi.questionnaire.QuestionnaireProviders;
import org.musubi.fhirapi.record.RecordProviderParts;
import org.musubi.fhirapi.record.RecordResourceProvider;
import org.musubi.fhirapi.record.CommunicationResourceProvider;
import org.musubi.fhirapi.record.TaskResourceProvider;
import org.musubi.fhirapi.response.StoredJson;
import org.musubi.record.fhir.ResourceKind;
import org.springframework.stereotype.Component;

/**
 * What {@code /fhir} serves: Patient's providers ({@link PatientProviders}), AuditEvent, DocumentReference and List
 * with IHE MHD's searches of letters ({@link MhdProviders}), Task with its searches by owner … ({@link
 * TaskResourceProvider}), the pathway templates' read-only Questionnaire ({@link QuestionnaireProvider}), Communication
 * with its search by part-of ({@link CommunicationResourceProvider}), one {@link RecordResourceProvider} per other type of the
 * record store, and transactions and batches; with the
 * interceptors every request passes.
 */
@Component
class FhirProviders implements FhirServlet.Providers {

    private final PatientProviders patients;
    private final SafeErrors errors;
    private final RecordProviderParts parts;
    private final TransactionProvider transactions;
    private final AuditEventProvider auditEvents;
    private final IncomingBodyInterceptor bodies;
    private final MhdProviders mhd;
    private final QuestionnaireProviders questionnaires;

    FhirProviders(PatientProviders patients, SafeErrors errors, RecordProviderParts parts,
                  TransactionProvider transactions, AuditEventProvider auditEvents, IncomingBodyInterceptor bodies,
                  MhdProviders mhd, QuestionnaireProviders questionnaires) {
        this.questionnaires = questionnaires;
        this.bodies = bodies;
        this.mhd = mhd;
        this.auditEvents = auditEvents;
        this.patients = patients;
        this.errors = errors;
        this.parts = parts;
        this.transactions = transactions;
    }

    @Override
    public List<Object> plainProviders() {
        List<Object> providers = new ArrayList<>();
        providers.add(transactions);
        providers.addAll(patients.plainProviders());
        return providers;
    }

    @Override
    public List<IResourceProvider> resourceProviders() {
        List<IResourceProvider> providers = new ArrayList<>(patients.resourceProviders());
        providers.add(auditEvents);
        providers.add(questionnaires.provider());
        FhirContext context = parts.resources().context();
        providers.addAll(mhd.resourceProviders());
        ResourceKind.types().stream().sorted().filter(t -> !t.equals("Patient") && !t.equals("Binary"))
                .filter(t -> !MhdProviders.TYPES.contains(t))
                .forEach(t -> providers.add(t.equals("Task") ? new TaskResourceProvider(parts)
                        : t.equals("Communication") ? new CommunicationResourceProvider(parts)
                        : new RecordResourceProvider(context.getResourceDefinition(t).getImplementingClass(), parts)));
        return providers;
    }

    @Override
    public List<Object> interceptors() {
        return List.of(errors, bodies, questionnaires.writes(), new StoredJson(), new SmartCapabilities(),
                new WriteCapabilities(), new MhdCapabilities());
    }
}
