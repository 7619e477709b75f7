package org.musubi.carenet.municipal;

import ca.uhn.fhir.context.FhirContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Purpose;
import org.musubi.carenet.municipal.jdbc.DocumentTable;
import org.musubi.pathway.FormFault;
import org.musubi.policy.Deny;
import org.musubi.policy.Disclosure;
import org.musubi.policy.Interaction;
import org.musubi.policy.PersonAccess;
import org.musubi.policy.PersonAccess.Reached;
import org.musubi.policy.disclosure.Disclose;
import org.musubi.record.Reader;

/**
 * The 主治医意見書 between a municipality and a doctor, and the 退院時情報共有 sheet from a hospital to a care manager:
 * what their use cases share ({@link RequestOpinion}, {@link OpenMunicipalDocument}, {@link PrintMunicipalDocument},
 * {@link ListMunicipalDocuments}, {@link AnswerOpinion}, {@link DeclineOpinion}, {@link CompleteOpinion}, {@link
 * SendDischargeSheet}).
 *
 * <p><b>Requesting.</b> Staff of a municipality whose facility has standing for the resident (a card-made link at the
 * counter, where the application for certification is made) ask a named doctor of another facility for an opinion,
 * with a due date: one interaction with the person through the access policy (its one audit row), the row inserted in
 * the same transaction.
 *
 * <p><b>Answering.</b> The doctor named — and no one else — opens the request (the addressee rule: the request only,
 * not the record), fills the form or uploads a signed PDF, or declines with a reason. What the doctor writes is
 * entered into the person's record by the doctor's facility, which must hold the record ({@link RecordEntries}), and
 * a copy of what was sent is kept with the row: the municipality reads that copy under the addressee rule, never the
 * record. The municipality marks the opinion completed once taken into the certification.
 *
 * <p><b>The sheet.</b> A hospital that holds the record sends a care manager the sheet: entered into the record and
 * kept with the row in one interaction; the care manager reads it under the addressee rule.
 *
 * <p>Every read and write is one audit row naming the person; a document the caller may not see, and an id nobody has,
 * answer alike ({@link Optional#empty()} or {@link #NOT_FOUND}), each audited once. A read-only standby lists and opens
 * (an opening there is not marked read) and refuses every change ({@link #STANDBY}).
 */
public final class MunicipalDocuments {

    public static final String NOT_FOUND = "municipal.notFound";
    public static final String STANDBY = "municipal.fault.standby";
    public static final String NOT_OUR_PATIENT = "municipal.fault.notOurPatient";
    public static final String DOCTOR = "municipal.fault.doctor";
    public static final String CARE_MANAGER = "municipal.fault.careManager";
    public static final String DUE = "municipal.fault.due";
    public static final String APPLICATION = "municipal.fault.application";
    public static final String NOT_OPEN = "municipal.fault.notOpen";
    public static final String REASON = "municipal.fault.reason";
    public static final String NOT_PDF = "municipal.fault.notPdf";
    public static final String TOO_LARGE = "municipal.fault.tooLarge";
    public static final String FORM = "municipal.fault.form";
    /** Audited when a user who is no municipality's staff asks for an opinion. */
    public static final String NOT_ASKER = "municipal.deny.notMunicipality";
    /** The kinds of application for certification a request names. */
    public static final List<String> APPLICATIONS = List.of("NEW", "RENEWAL", "CHANGE");
    /** Audited as. */
    static final String TYPE = "MunicipalDocument";

    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    static final FhirContext FHIR = FhirContext.forR4Cached();

    private final DocumentTable table;
    private final PersonAccess access;
    private final Audit audit;
    private final RecordEntries entries;
    private final Settings settings;
    private final Disclose disclose;

    /** What the service runs with: the registry, the clock, and whether this node is a read-only standby. */
    public record Settings(Parties parties, Clock clock, BooleanSupplier readOnly) {
    }

    MunicipalDocuments(DocumentTable table, PersonAccess access, Audit audit, RecordEntries entries, Settings settings,
                       Disclose disclose) {
        this.table = table;
        this.access = access;
        this.audit = audit;
        this.entries = entries;
        this.settings = settings;
        this.disclose = disclose;
    }

    DocumentTable table() {
        return table;
    }

    PersonAccess access() {
        return access;
    }

    Audit audit() {
        return audit;
    }

    RecordEntries entries() {
        return entries;
    }

    Settings settings() {
        return settings;
    }

    /** This service on a read-only standby (the same rows and collaborators), for tests and drills. */
    public MunicipalDocuments onStandby() {
        return new MunicipalDocuments(table, access, audit, entries,
                new Settings(settings.parties(), settings.clock(), () -> true), disclose);
    }

    /** What a change did: the document's id, or the faults (message keys) that kept it from being made. */
    public record Outcome<T>(T value, List<String> faults, List<FormFault> form) {
        public Outcome {
            faults = List.copyOf(faults);
            form = List.copyOf(form);
        }

        static <T> Outcome<T> done(T value) {
            return new Outcome<>(value, List.of(), List.of());
        }

        static <T> Outcome<T> fault(String... keys) {
            return new Outcome<>(null, List.of(keys), List.of());
        }

        static <T> Outcome<T> form(List<FormFault> faults) {
            return new Outcome<>(null, List.of(FORM), faults);
        }

        public boolean ok() {
            return faults.isEmpty();
        }

        /** Refused as if there were no such document (the page's 404). */
        public boolean notFound() {
            return faults.contains(NOT_FOUND);
        }
    }

    /** A request for an opinion, as the municipality types it. */
    public record Request(long personId, long doctorUserId, LocalDate due, String application, String insuredNumber,
                          String note) {
    }

    /** A document as its reader may see it, and which side of it they are on. */
    public record Opened(MunicipalDocument document, boolean addressee, List<FormAnswers.Section> sections,
                         String senderName, String addresseeName) {

        /** Whether the reader is the one who answers (the doctor asked, or the care manager of a sheet). */
        public boolean answers() {
            return addressee && document.kind() == DocumentKind.OPINION;
        }
    }

    /** What a PDF of a document is made of: the signed PDF uploaded, else the filled form in Japanese. */
    public record Printable(MunicipalDocument document, byte[] signedPdf, String title,
                            List<FormAnswers.Section> sections, String toFacility, String fromFacility) {
    }

    /** Whether the reader's facility has standing for the person (not audited: the interaction that follows is). */
    boolean holds(Reader by, long personId) {
        return by.facilityId() != null && access.standing(by.facilityId(), personId);
    }

    /**
     * A change refused before anything was read (a caller without standing, or who may not ask): one audit row naming
     * the person, the policy's own refusal when it refuses the person, else {@code reason}.
     */
    void refuseFor(Reader by, long personId, String reason) {
        access.interact(by.userId(), Purpose.TREATMENT, Reached.person(personId), AuditAction.CREATE, TYPE,
                view -> Interaction.refused(view.permitted() ? new Deny(reason) : view.decision(), List.of()));
    }

    static Outcome<UUID> entered(Interaction<RecordEntries.Entered> entered, UUID id) {
        if (!entered.permitted()) {
            return Outcome.fault(NOT_OUR_PATIENT);
        }
        return entered.value().fault() != null ? Outcome.fault(entered.value().fault()) : Outcome.done(id);
    }

    Outcome<UUID> move(Reader by, UUID id, DocumentStatus from, DocumentStatus to, String reason,
                               boolean addresseeSide) {
        if (to == DocumentStatus.DECLINED && (reason == null || reason.isBlank())) {
            return Outcome.fault(REASON);
        }
        if (settings.readOnly().getAsBoolean()) {
            return Outcome.fault(STANDBY);
        }
        Optional<MunicipalDocument> found = table.find(id).filter(d -> d.kind() == DocumentKind.OPINION);
        if (found.isEmpty()) {
            notFound(AuditAction.UPDATE, id);
            return Outcome.fault(NOT_FOUND);
        }
        MunicipalDocument d = found.get();
        Interaction<Boolean> moved = audit.allOrNothing(() -> interact(by, d, addresseeSide, AuditAction.UPDATE,
                () -> table.move(d.id(), from, to, reason == null ? null : reason.strip(), settings.clock().instant())));
        if (!moved.permitted()) {
            return Outcome.fault(NOT_FOUND);
        }
        return Boolean.TRUE.equals(moved.value()) ? Outcome.done(d.id()) : Outcome.fault(NOT_OPEN);
    }

    /**
     * The request the reader is asked to answer, still open: {@link #NOT_FOUND} (audited once by {@link
     * #addressedOpen}), {@link #STANDBY}, or {@link #NOT_OPEN} (one row: the doctor was shown it is answered).
     */
    Outcome<MunicipalDocument> openRequest(Reader by, UUID id) {
        Optional<MunicipalDocument> asked = addressedOpen(by, id, AuditAction.CREATE);
        if (asked.isEmpty()) {
            return Outcome.fault(NOT_FOUND);
        }
        if (settings.readOnly().getAsBoolean()) {
            return Outcome.fault(STANDBY);
        }
        if (asked.get().status() != DocumentStatus.REQUESTED) {
            interact(by, asked.get(), true, AuditAction.CREATE, () -> Boolean.FALSE);
            return Outcome.fault(NOT_OPEN);
        }
        return Outcome.done(asked.get());
    }

    /** The row, when the reader is the doctor it asks (or nothing, audited once as refused or absent). */
    Optional<MunicipalDocument> addressedOpen(Reader by, UUID id, AuditAction action) {
        Optional<MunicipalDocument> found = table.find(id).filter(d -> d.kind() == DocumentKind.OPINION);
        if (found.isEmpty()) {
            notFound(action, id);
            return Optional.empty();
        }
        MunicipalDocument d = found.get();
        if (!by.actsFor(d.toFacility()) || !Objects.equals(d.toUser(), by.userId())) {
            interact(by, d, true, action, () -> Boolean.TRUE); // refused by the rule, audited once naming the person
            return Optional.empty();
        }
        return found;
    }

    /** Reads a document through the addressee rule of the reader's side; one audit row. */
    Optional<MunicipalDocument> read(Reader by, UUID id, AuditAction action) {
        Optional<MunicipalDocument> found = table.find(id);
        if (found.isEmpty()) {
            notFound(action, id);
            return Optional.empty();
        }
        MunicipalDocument d = found.get();
        boolean addressee = addresseeSide(by, d);
        Interaction<Boolean> read = audit.allOrNothing(() -> interact(by, d, addressee, action, () -> {
            boolean receiver = d.kind() == DocumentKind.OPINION ? !addressee : addressee;
            if (receiver && d.readAt() == null && d.answered() && action == AuditAction.READ
                    && !settings.readOnly().getAsBoolean()) {
                table.markRead(d.id(), settings.clock().instant());
            }
            return Boolean.TRUE;
        }));
        return read.permitted() ? Optional.of(d) : Optional.empty();
    }

    Interaction<Boolean> interact(Reader by, MunicipalDocument d, boolean addressee, AuditAction action,
                                          java.util.function.Supplier<Boolean> body) {
        return access.interactDisclosed(by.userId(), disclose.idOf(source(d, addressee)), action, TYPE,
                (made, view) -> Interaction.permitted(body.get(), view.decision(), List.of(TYPE + "/" + d.id())));
    }

    /**
     * Stores the document just made and, in the same transaction, what each side is let see of it: the facility it
     * was sent to (and the user named), for its kind's addressee readers, and the facility it came from, which reads
     * it back (an opinion's answer, the hospital's own copy of a discharge sheet), for its kind's sender readers.
     */
    void insert(MunicipalDocument d) {
        table.insert(d);
        disclose.disclose(source(d, true), Disclosure.document(d.personId(), d.toFacility(), d.toUser(),
                d.kind().addresseeReaders()).from(d.fromFacility()), d.kind().name(), null);
        disclose.disclose(source(d, false), Disclosure.document(d.personId(), d.fromFacility(), null,
                d.kind().senderReaders()).from(d.fromFacility()), d.kind().name(), null);
    }

    /** The disclosure's source of the document as its addressee's side, or its sender's side, reads it. */
    private static String source(MunicipalDocument d, boolean addressee) {
        return "municipal-document:" + d.id() + (addressee ? "" : ":sender");
    }

    static boolean addresseeSide(Reader by, MunicipalDocument d) {
        return by.actsFor(d.toFacility());
    }

    void notFound(AuditAction action, UUID id) {
        audit.record(AuditEntry.of(action, org.musubi.audit.Outcome.DENY).on(TYPE, String.valueOf(id)).reason(NOT_FOUND));
    }

    List<FormAnswers.Section> sections(MunicipalDocument d, java.util.Locale locale) {
        return d.contentJson() == null ? List.of() : FormAnswers.read(d.kind().form(), parse(d.contentJson()), locale);
    }

    static QuestionnaireResponse parse(String json) {
        return FHIR.newJsonParser().parseResource(QuestionnaireResponse.class, json);
    }

    LocalDate today() {
        return settings.clock().instant().atZone(JAPAN).toLocalDate();
    }

    static String name(String family, String given) {
        return ((family == null ? "" : family) + " " + (given == null ? "" : given)).strip();
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
