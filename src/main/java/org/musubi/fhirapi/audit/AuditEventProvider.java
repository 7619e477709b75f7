package org.musubi.fhirapi.audit;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.AuditEvent;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.AuditQuery;
import org.musubi.audit.AuditRecord;
import org.musubi.audit.AuditTrail;
import org.musubi.audit.Outcome;
import org.musubi.fhirapi.FhirApiProperties;
import org.musubi.fhirapi.access.Caller;
import org.musubi.fhirapi.access.ScopeTable;
import org.musubi.fhirapi.response.StorePage;
import org.musubi.identity.IdentityStore;
import org.musubi.paging.Page;
import org.musubi.paging.PageRequest;
import org.musubi.registry.User;
import org.musubi.registry.Users;
import org.springframework.stereotype.Component;

/**
 * The audit trail as BALP-shaped AuditEvent resources, for network administrators signed in through
 * the browser (systems never read it). Searches by date, patient (regional ID), agent (login id),
 * outcome (0/4/8); each search is itself audited. A patient's search finds the rows written under the ids the person
 * had before (a merge, migration V20) as well.
 */
@Component
public class AuditEventProvider implements IResourceProvider {

    private final AuditTrail trail;
    private final Audit audit;
    private final Users users;
    private final String regionalIdSystem;
    private final IdentityStore identities;

    AuditEventProvider(AuditTrail trail, Audit audit, Users users, FhirApiProperties properties,
                       IdentityStore identities) {
        this.trail = trail;
        this.audit = audit;
        this.users = users;
        this.identities = identities;
        this.regionalIdSystem = properties.regionalIdSystem();
    }

    @Override
    public Class<? extends IBaseResource> getResourceType() {
        return AuditEvent.class;
    }

    @Search
    public IBundleProvider search(@OptionalParam(name = AuditEvent.SP_DATE) DateRangeParam date,
                                  @OptionalParam(name = AuditEvent.SP_PATIENT) TokenParam patient,
                                  @OptionalParam(name = AuditEvent.SP_AGENT) TokenParam agent,
                                  @OptionalParam(name = AuditEvent.SP_OUTCOME) TokenParam outcome,
                                  @Count Integer count, @Offset Integer offset) {
        requireNetworkAdmin();
        AuditQuery query = new AuditQuery(value(agent), null,
                value(patient) == null ? null : identities.namesInAudit(value(patient)),
                date == null || date.getLowerBoundAsInstant() == null ? null : date.getLowerBoundAsInstant().toInstant(),
                date == null || date.getUpperBoundAsInstant() == null ? null : date.getUpperBoundAsInstant().toInstant(),
                outcome == null ? null : AuditEvents.outcome(outcome.getValue()), null);
        int size = count == null ? 50 : Math.max(1, Math.min(count, PageRequest.MAX_SIZE));
        int from = offset == null ? 0 : Math.max(0, offset);
        Page<AuditRecord> page = trail.search(query, new PageRequest(from / size + 1, size));
        audit.record(AuditEntry.of(AuditAction.AUDIT_SEARCH, Outcome.PERMIT).reason("FHIR AuditEvent search, "
                + page.total() + " rows"));
        return new StorePage(page.items().stream().map(r -> (IBaseResource) AuditEvents.of(r, regionalIdSystem)).toList(),
                (int) page.total());
    }

    private void requireNetworkAdmin() {
        Caller caller = Caller.current();
        caller.scoped(ScopeTable.AUDIT_EVENT_SEARCH, audit);
        boolean admin = !caller.system() && users.find(caller.userId()).filter(User::active).map(User::networkAdmin)
                .orElse(false);
        if (!admin) {
            audit.record(AuditEntry.of(AuditAction.AUDIT_SEARCH, Outcome.DENY).reason("FHIR AuditEvent: not a network admin"));
            throw new ForbiddenOperationException("監査記録はネットワーク管理者だけが参照できます / Only network administrators "
                    + "may read the audit trail");
        }
    }

    private static String value(TokenParam token) {
        return token == null ? null : token.getValue();
    }
}
