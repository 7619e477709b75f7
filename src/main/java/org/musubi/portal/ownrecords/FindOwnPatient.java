package org.musubi.portal.ownrecords;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.musubi.audit.AuditAction;
import org.musubi.audit.Purpose;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.SourcePatient;
import org.musubi.policy.Interaction;
import org.musubi.policy.PersonAccess;
import org.musubi.policy.PersonAccess.Reached;
import org.musubi.portal.chart.ChartKey;
import org.musubi.record.ReadRecords;
import org.musubi.record.Reader;
import org.musubi.security.SignedIn;
import org.springframework.stereotype.Component;

/**
 * Finds the user's facility's own patient by its own patient ID (as typed: spaces and full-width digits forgiven) and
 * asks the policy whether the user may open that patient's own records through it; one audit row either way — the
 * policy's decision, or a miss. The viewer then opens by the patient's own key, so that a facility without standing
 * for the person (its patient only matched by 名寄せ) never sees the person's id in an address. A patient 名寄せ holds,
 * joined to no person yet, opens the same way ({@code PersonAccess.interact}, {@code Reached.held}): held means not
 * joined, never not
 * stored. An ID of another facility's patient is looked for among this facility's only, so it is a miss like an ID
 * nobody has; a refusal answers like a miss.
 */
@Component
class FindOwnPatient {

    private final IdentityStore identities;
    private final PersonAccess access;
    private final ReadRecords reads;

    FindOwnPatient(IdentityStore identities, PersonAccess access, ReadRecords reads) {
        this.identities = identities;
        this.access = access;
        this.reads = reads;
    }

    /**
     * The key of the viewer's pages for the patient to open with purpose {@code OWN_RECORDS} ({@link ChartKey#own}: the
     * facility's own patient, never the person's id); empty when there is none the user may open.
     */
    Optional<String> find(SignedIn me, String localId) {
        Reader reader = new Reader(me.userId(), me.facilityId(), Purpose.OWN_RECORDS);
        Optional<SourcePatient> own = me.facilityId() == null ? Optional.empty() : variants(localId).stream()
                .map(id -> identities.sourcePatient(me.facilityId(), id)).flatMap(Optional::stream).findFirst();
        if (own.isEmpty()) {
            reads.missed(reader, AuditAction.SEARCH, "Patient", "local id " + shortened(localId));
            return Optional.empty();
        }
        Optional<Long> person = identities.personOf(own.get().id());
        boolean opens = person.isPresent()
                ? access.interact(me.userId(), Purpose.OWN_RECORDS, Reached.through(person.get(), own.get().id()),
                        AuditAction.READ, "Patient", view -> Interaction.permitted(true, view.decision(), List.of()))
                        .permitted()
                : access.interact(me.userId(), Purpose.OWN_RECORDS, Reached.held(own.get().id()), AuditAction.READ,
                "Patient",
                        view -> Interaction.permitted(true, view.decision(), List.of())).permitted();
        return opens ? Optional.of(ChartKey.own(own.get().id())) : Optional.empty();
    }

    /** The ID as typed, and without spaces and with full-width characters made narrow. */
    static Set<String> variants(String localId) {
        Set<String> variants = new LinkedHashSet<>();
        String typed = localId == null ? "" : localId.strip();
        if (!typed.isEmpty()) {
            variants.add(typed);
            variants.add(Normalizer.normalize(typed, Normalizer.Form.NFKC).replaceAll("\\s+", ""));
        }
        return variants;
    }

    private static String shortened(String localId) {
        String typed = localId == null ? "" : localId.strip();
        return typed.length() > 40 ? typed.substring(0, 40) : typed;
    }
}
