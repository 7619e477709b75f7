package org.musubi.fhirapi.server;

import ca.uhn.fhir.rest.server.IResourceProvider;
import java.util.List;
import org.musubi.fhirapi.clins.ClinsSixProvider;
import org.musubi.fhirapi.everything.EverythingProvider;
import org.musubi.fhirapi.everything.MedicationNotebookProvider;
import org.musubi.fhirapi.match.MatchProvider;
import org.musubi.fhirapi.pdqm.PdqmProvider;
import org.musubi.fhirapi.pixm.PixmProvider;
import org.musubi.fhirapi.registration.PatientRegistrationProvider;
import org.musubi.fhirapi.summary.SummaryProvider;
import org.springframework.stereotype.Component;

/**
 * Patient, served by one provider per transaction, as IHE profiles cut them: PDQm read and search (ITI-78), PIXm
 * (ITI-83), {@code $match} (ITI-119), a facility's registration of its own patients, {@code $everything} and
 * {@code $medication-notebook}, {@code $summary} and {@code $clins-6}. HAPI's RestfulServer gathers the methods of every provider of a resource type into one
 * binding, so the URLs are those of a single Patient provider.
 */
@Component
record PatientProviders(PdqmProvider pdqm, PixmProvider pixm, MatchProvider match,
                        PatientRegistrationProvider registration, EverythingProvider everything,
                        MedicationNotebookProvider notebook, SummaryProvider summary, ClinsSixProvider clinsSix) {

    List<IResourceProvider> resourceProviders() {
        return List.of(pdqm, pixm, match, registration, everything, summary, clinsSix);
    }

    /** {@code $medication-notebook}, an operation on Patient served as a plain provider. */
    List<Object> plainProviders() {
        return List.of(notebook);
    }
}
