package org.musubi.letters.exchange;

import org.musubi.letters.exchange.jdbc.LetterTable;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.audit.Purpose;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.Person;
import org.musubi.policy.Decision;
import org.musubi.policy.PersonAccess;
import org.musubi.record.Reader;

/**
 * The inbox and outbox of a facility's staff: decided by the access policy ({@code AccessPolicy#decideInbox}) and
 * audited with one row per listing, naming the letters shown (a refusal too). Opening a letter is decided again. Each
 * letter names its patient in kana as the network registered the person (one spelling everywhere): the sending
 * facility's own spelling stays in the stored letter and its document.
 */
public final class ListLetters {

    private final LetterTable table;
    private final PersonAccess access;
    private final Audit audit;
    private final Clock clock;
    private final IdentityStore identities;

    public ListLetters(LetterTable table, PersonAccess access, Audit audit, Clock clock, IdentityStore identities) {
        this.table = table;
        this.identities = identities;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /** The reader's facility's inbox, newest first, of these statuses (all when empty); 50 a page. */
    public LetterExchange.Listing inbox(Reader reader, Set<LetterStatus> statuses, int page) {
        return list(reader, true, statuses == null ? Set.of() : statuses, page);
    }

    /** The reader's facility's sent letters, newest first. */
    public LetterExchange.Listing outbox(Reader reader, Set<LetterStatus> statuses, int page) {
        return list(reader, false, statuses == null ? Set.of() : statuses, page);
    }

    private LetterExchange.Listing list(Reader reader, boolean inbox, Set<LetterStatus> statuses, int page) {
        Decision decision = decision(reader);
        if (!decision.permitted()) {
            audited(Outcome.DENY, decision, List.of());
            return new LetterExchange.Listing(List.of(), Math.max(0, page), false);
        }
        List<LetterTable.Stored> rows = table.page(reader.facilityId(), inbox, statuses, page, clock.instant());
        List<LetterRow> shown = LetterTable.firstPage(rows).stream().map(LetterTable.Stored::row).map(this::registeredKana)
                .toList();
        audited(Outcome.PERMIT, decision, shown);
        return new LetterExchange.Listing(shown, Math.max(0, page), rows.size() > LetterTable.PAGE);
    }

    /** The counts the home page shows to the addressee's staff. */
    public LetterExchange.Counts counts(Reader reader) {
        if (!decision(reader).permitted()) {
            return new LetterExchange.Counts(0, 0, 0);
        }
        return table.counts(reader.facilityId(), LocalDate.ofInstant(clock.instant(), LetterExchange.JAPAN));
    }

    /**
     * Letters to or from the reader's facility whose status changed after {@code since}, oldest change first, at most
     * {@code limit} (a system's polling; one audit row naming them).
     */
    public List<LetterRow> changedSince(Reader reader, Instant since, int limit) {
        Decision decision = decision(reader);
        if (!decision.permitted()) {
            audited(Outcome.DENY, decision, List.of());
            return List.of();
        }
        List<LetterRow> shown = table.changedSince(reader.facilityId(), since == null ? Instant.EPOCH : since,
                Math.max(1, Math.min(limit, 500)), clock.instant()).stream().map(LetterTable.Stored::row)
                .map(this::registeredKana).toList();
        audited(Outcome.PERMIT, decision, shown);
        return shown;
    }

    /** The row with the person's registered kana, when the network has one; else as the letter carries it. */
    private LetterRow registeredKana(LetterRow r) {
        String kana = identities.person(r.personId()).map(p -> kana(p.person())).orElse(null);
        if (kana == null || kana.equals(r.patientKana())) {
            return r;
        }
        return new LetterRow(r.id(), r.personId(), r.kind(), r.patientName(), kana, r.birthDate(), r.senderFacilityId(),
                r.senderFacility(), r.authorName(), r.addresseeFacilityId(), r.addresseeFacility(), r.department(),
                r.doctor(), r.status(), r.statusReason(), r.sentAt(), r.receivedAt(), r.updatedAt(), r.due(), r.overdue(),
                r.repliesTo(), r.replyId());
    }

    private static String kana(Person p) {
        String kana = ((p.familyKana() == null ? "" : p.familyKana()) + " " + (p.givenKana() == null ? "" : p.givenKana()))
                .strip();
        return kana.isEmpty() ? null : kana;
    }

    /** Whether the reader may handle their facility's letters at all (a clerk whose profession sees no letters may not). */
    boolean mayList(Reader reader) {
        return decision(reader).permitted();
    }

    private Decision decision(Reader reader) {
        Decision decision = access.inbox(reader.userId());
        if (decision.permitted() && reader.facilityId() == null) {
            return new org.musubi.policy.Deny(org.musubi.policy.Deny.NOT_ADDRESSED);
        }
        return decision;
    }

    private void audited(Outcome outcome, Decision decision, List<LetterRow> shown) {
        audit.record(AuditEntry.of(AuditAction.SEARCH, outcome).on("Letter", shown.stream().map(LetterRow::id).toArray())
                .purpose(Purpose.TREATMENT).reason(decision.key()));
    }
}
