package org.musubi.phr;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditRecord;
import org.musubi.audit.AuditTrail;
import org.musubi.audit.Purpose;
import org.musubi.identity.IdentityStore;
import org.musubi.paging.Page;
import org.musubi.paging.PageRequest;
import org.musubi.policy.Interaction;
import org.musubi.policy.PersonAccess;
import org.musubi.policy.PersonAccess.Reached;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;

/**
 * Who viewed my record (あなたの記録を見た人): the resident's own access log, read from the audit trail. It lists the
 * permitted views of the person's data by anyone but the resident (facility, profession, purpose; emergency
 * accesses marked), newest first; refused attempts are not views and are not listed. Reading it is itself one
 * audited read of the person's record (self access), so it shows only to the person themself.
 */
public final class AccessLog {

    /**
     * One view of the resident's data, as the resident sees it; for a crew's hand-over, {@code handedOverTo} names the
     * receiving hospital or clinic (null otherwise, or when it is no longer known).
     */
    public record Entry(long seq, Instant at, String facilityName, String profession, Purpose purpose,
                        AuditAction action, String handedOverTo) {

        public boolean emergency() {
            return purpose == Purpose.EMERGENCY;
        }

        public boolean handOver() {
            return action == AuditAction.EMERGENCY_HANDOVER;
        }
    }

    private final PersonAccess access;
    private final AuditTrail trail;
    private final IdentityStore identities;
    private final Facilities facilities;

    public AccessLog(PersonAccess access, AuditTrail trail, IdentityStore identities, Facilities facilities) {
        this.access = access;
        this.trail = trail;
        this.identities = identities;
        this.facilities = facilities;
    }

    /** The page of the log, or empty when the user is not this person (who sees nothing, as for no one). */
    public Optional<Page<Entry>> read(long userId, long personId, PageRequest page) {
        Interaction<Page<Entry>> read = access.interact(userId, Purpose.PATIENT_SELF_ACCESS, Reached.person(personId),
                AuditAction.READ,
                "AuditEvent", view -> {
                    List<String> names = identities.namesInAudit(view.opened().orElseThrow().person().regionalId());
                    Page<AuditRecord> rows = trail.viewsOf(names, userId, page);
                    Map<Long, String> facilityNames = new HashMap<>();
                    Page<Entry> entries = rows.map(r -> new Entry(r.seq(), r.occurredAt(),
                            r.actor().facilityId() == null ? null : facilityNames.computeIfAbsent(r.actor().facilityId(),
                                    id -> facilities.find(id).map(Facility::nameKanji).orElse(null)),
                            r.actor().profession(), r.purpose(), r.action(), receiving(r, facilityNames)));
                    return Interaction.permitted(entries, view.decision(), List.of());
                });
        return Optional.ofNullable(read.value());
    }

    /** The facility a hand-over row names as its resource: the receiving hospital or clinic. */
    private String receiving(AuditRecord row, Map<Long, String> facilityNames) {
        if (row.action() != AuditAction.EMERGENCY_HANDOVER || !"Facility".equals(row.resourceType())
                || row.resourceIds().size() != 1) {
            return null;
        }
        try {
            long id = Long.parseLong(row.resourceIds().getFirst());
            return facilityNames.computeIfAbsent(id, f -> facilities.find(f).map(Facility::nameKanji).orElse(null));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
