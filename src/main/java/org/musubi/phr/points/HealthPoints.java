package org.musubi.phr.points;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.audit.Purpose;
import org.musubi.identity.cards.CardCodes;
import org.musubi.policy.DataCategory;
import org.musubi.policy.Interaction;
import org.musubi.record.Outline;
import org.musubi.record.PatientRef;
import org.musubi.record.ReadRecords;
import org.musubi.record.Reader;
import org.musubi.registry.Facilities;
import org.musubi.registry.FacilityKind;

/**
 * The resident's points: opening their statement settles what their record earned under the rules (each checkup a
 * checkup centre sent, once), in the same one audited self-access read; an event's code earns its points once; the
 * office records redemptions, never beyond the balance. Every award and redemption is audited.
 */
public final class HealthPoints {

    /** The resident's balance and history, newest first. */
    public record Statement(int balance, List<PointsLedger.Entry> entries) {
    }

    public enum Claim { AWARDED, ALREADY, UNKNOWN_CODE }

    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private final PointsLedger ledger;
    private final ReadRecords records;
    private final Facilities facilities;
    private final Audit audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public HealthPoints(PointsLedger ledger, ReadRecords records, Facilities facilities, Audit audit, Clock clock) {
        this.ledger = ledger;
        this.records = records;
        this.facilities = facilities;
        this.audit = audit;
        this.clock = clock;
    }

    /** Settles and returns the statement; empty when the user is not this person. */
    public Optional<Statement> statement(long userId, long personId) {
        Map<PointsLedger.Kind, PointsLedger.Rule> rules = ledger.rules();
        Map<Long, FacilityKind> kinds = new HashMap<>();
        Interaction<List<Outline>> read = records.readPerson(new Reader(userId, null, Purpose.PATIENT_SELF_ACCESS),
                PatientRef.person(personId), AuditAction.READ, "phr-points", record -> record.outline().stream()
                        .filter(o -> checkup(o, kinds) || selfLoggedVital(o, kinds)).toList());
        if (!read.permitted()) {
            return Optional.empty();
        }
        PointsLedger.Rule checkup = rules.get(PointsLedger.Kind.CHECKUP);
        if (checkup != null && checkup.points() > 0) {
            for (Outline report : read.value().stream().filter(o -> checkup(o, kinds)).toList()) {
                award(personId, checkup.points(), PointsLedger.Kind.CHECKUP, "checkup:" + report.id(),
                        report.clinicalDate() == null ? null : report.clinicalDate().atZone(JAPAN).toLocalDate().toString(),
                        null);
            }
        }
        PointsLedger.Rule vitals = rules.get(PointsLedger.Kind.VITALS_DAYS);
        if (vitals != null && vitals.points() > 0 && vitals.daysRequired() != null) {
            YearMonth thisMonth = YearMonth.now(clock.withZone(JAPAN));
            Map<YearMonth, Set<LocalDate>> days = new TreeMap<>();
            read.value().stream().filter(o -> selfLoggedVital(o, kinds)).filter(o -> o.clinicalDate() != null)
                    .map(o -> o.clinicalDate().atZone(JAPAN).toLocalDate())
                    .forEach(day -> days.computeIfAbsent(YearMonth.from(day), m -> new HashSet<>()).add(day));
            // a month earns once it has enough days; the running month too, as soon as it has them
            days.forEach((month, logged) -> {
                if (logged.size() >= vitals.daysRequired() && !month.isAfter(thisMonth)) {
                    award(personId, vitals.points(), PointsLedger.Kind.VITALS_DAYS, "vitals:" + month,
                            month + " (" + logged.size() + ")", null);
                }
            });
        }
        return Optional.of(new Statement(ledger.balance(personId), ledger.entries(personId)));
    }

    private boolean checkup(Outline outline, Map<Long, FacilityKind> kinds) {
        return outline.type().equals("DiagnosticReport") && kindOf(outline, kinds) == FacilityKind.CHECKUP_CENTRE;
    }

    /** A vital sign the resident logged in their notebook (not a facility's measurement). */
    private boolean selfLoggedVital(Outline outline, Map<Long, FacilityKind> kinds) {
        return outline.type().equals("Observation") && outline.category() == DataCategory.VITALS
                && kindOf(outline, kinds) == FacilityKind.PERSONAL_HEALTH_RECORD;
    }

    private FacilityKind kindOf(Outline outline, Map<Long, FacilityKind> kinds) {
        return kinds.computeIfAbsent(outline.sourceFacilityId(),
                id -> facilities.find(id).map(f -> f.kind()).orElse(FacilityKind.OTHER));
    }

    /** A resident types the code given at an event: its points, once, while the code is valid. */
    public Claim claimEvent(long userId, long personId, String typedCode) {
        Optional<PointsLedger.Event> event = ledger.eventByCodeHash(hash(typedCode))
                .filter(e -> !LocalDate.now(clock.withZone(JAPAN)).isAfter(e.validTo()));
        if (event.isEmpty()) {
            audit.record(AuditEntry.of(AuditAction.PHR_POINTS, Outcome.DENY).on("PointsEvent")
                    .purpose(Purpose.PATIENT_SELF_ACCESS).reason("unknown or expired event code"));
            return Claim.UNKNOWN_CODE;
        }
        return award(personId, event.get().points(), PointsLedger.Kind.EVENT, "event:" + event.get().id(),
                event.get().name(), userId) ? Claim.AWARDED : Claim.ALREADY;
    }

    /** The office records a redemption; false when it would take the balance below zero. */
    public boolean redeem(long operatorId, long personId, int points, String note) {
        if (points <= 0 || ledger.balance(personId) < points) {
            return false;
        }
        byte[] nonce = new byte[8];
        random.nextBytes(nonce);
        String key = "redeem:" + HexFormat.of().formatHex(nonce);
        ledger.add(personId, -points, PointsLedger.Kind.REDEMPTION, key, note, operatorId);
        audit.record(AuditEntry.of(AuditAction.PHR_POINTS, Outcome.PERMIT).on("Person", personId)
                .reason("redeemed " + points));
        return true;
    }

    /** The office creates an event; the code to hand out is returned this once. */
    public String createEvent(long operatorId, String name, LocalDate heldOn, int points, LocalDate validTo) {
        StringBuilder code = new StringBuilder();
        String alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
        for (int i = 0; i < 8; i++) {
            code.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        long id = ledger.addEvent(name.strip(), heldOn, hash(code.toString()), points, validTo, operatorId);
        audit.record(AuditEntry.of(AuditAction.PHR_POINTS, Outcome.PERMIT).on("PointsEvent", id).reason("event created"));
        return code.toString();
    }

    private boolean award(long personId, int points, PointsLedger.Kind kind, String key, String note, Long by) {
        boolean added = ledger.add(personId, points, kind, key, note, by);
        if (added) {
            audit.record(AuditEntry.of(AuditAction.PHR_POINTS, Outcome.PERMIT).on("Person", personId)
                    .reason("awarded " + points + " for " + key));
        }
        return added;
    }

    static String hash(String typed) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(("musubi-points-event:" + CardCodes.normalise(typed)).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
