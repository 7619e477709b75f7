package org.musubi.fhirapi.match;

import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Patient;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.fhirapi.FhirApiProperties;
import org.musubi.fhirapi.access.Caller;
import org.musubi.fhirapi.access.ScopeTable;
import org.musubi.fhirapi.person.PersonOpener;
import org.musubi.fhirapi.person.QueryDemographics;
import org.musubi.record.ReadRecords;
import org.springframework.stereotype.Component;

/**
 * PDQm {@code $match} (ITI-119): the persons whose demographics match the Patient sent, graded as 名寄せ would
 * ({@link PatientMatches}), each opened through the access policy (audited); persons the caller may not see are
 * left out. At most {@code musubi.fhir.max-matches}.
 */
@Component
public class MatchProvider implements IResourceProvider {

    static final String MATCH_GRADE = "http://hl7.org/fhir/StructureDefinition/match-grade";
    private final PatientMatches matches;
    private final PersonOpener opener;
    private final ReadRecords reads;
    private final Audit audit;
    private final int maxMatches;

    MatchProvider(PatientMatches matches, PersonOpener opener, ReadRecords reads, Audit audit,
                  FhirApiProperties properties) {
        this.matches = matches;
        this.opener = opener;
        this.reads = reads;
        this.audit = audit;
        this.maxMatches = properties.maxMatches();
    }

    @Override
    public Class<? extends IBaseResource> getResourceType() {
        return Patient.class;
    }

    @Operation(name = "$match", type = Patient.class, idempotent = false)
    public Bundle match(@OperationParam(name = "resource", min = 1) Patient resource,
                        @OperationParam(name = "onlyCertainMatches") BooleanType onlyCertain,
                        @OperationParam(name = "count") IntegerType count) {
        Caller caller = Caller.allowed(ScopeTable.MATCH, audit, "Patient");
        Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET);
        int limit = count == null || count.getValue() == null ? maxMatches
                : Math.max(1, Math.min(count.getValue(), maxMatches));
        boolean certain = onlyCertain != null && Boolean.TRUE.equals(onlyCertain.getValue());
        List<PatientMatches.Scored> found = matches.find(QueryDemographics.of(resource), certain, limit);
        if (found.isEmpty()) {
            reads.missed(caller.reader(), AuditAction.SEARCH, "Patient", "$match");
        }
        for (PatientMatches.Scored scored : found) {
            opener.open(caller, scored.personId()).ifPresent(opened -> {
                Bundle.BundleEntryComponent entry = bundle.addEntry()
                        .setResource(opener.patient(opened))
                        .setFullUrl("Patient/" + opened.person().id());
                entry.getSearch().setMode(Bundle.SearchEntryMode.MATCH).setScore(scored.score())
                        .addExtension(MATCH_GRADE, new CodeType(scored.grade()));
            });
        }
        return bundle.setTotal(bundle.getEntry().size());
    }
}
