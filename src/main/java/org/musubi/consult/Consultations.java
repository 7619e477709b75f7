package org.musubi.consult;

import org.musubi.policy.Disclosure;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.audit.Purpose;
import org.musubi.identity.SourcePatient;
import org.musubi.policy.Decision;
import org.musubi.policy.Interaction;
import org.musubi.policy.PersonView;
import org.musubi.record.ReadRecords;
import org.musubi.record.Reader;
import org.musubi.record.ResourceWrite;
import org.musubi.record.StoredResource;
import org.musubi.record.WriteRecords;

/**
 * Case consultations (症例相談): ask, read, post (ask again or answer), set the meeting, close, list, count unread.
 * Every read and write of a thread is one interaction with the person's record, decided by the access policy and
 * audited once: the asker's through the record's read door and {@link WriteRecords#enter} (a write needs the asker's
 * facility's standing: the thread is stored under its own source patient), the addressee's through {@link
 * ReadRecords#readDisclosed} and {@link WriteRecords#answerDisclosed} (the thread and what it references, nothing
 * else). A caller who takes no part in a thread, and an id nobody has, get {@link Optional#empty()} after one audit
 * row ({@code record.notFound}), as a thread that does not exist. A listing is one audit row naming the threads shown.
 */
public final class Consultations {

    /** The type the audit rows name. */
    public static final String TYPE = "Communication";
    /** The most threads a list shows. */
    public static final int LIST_LIMIT = 200;
    static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    private final ReadRecords reads;
    private final WriteRecords writes;
    private final ConsultRows rows;
    private final ConsultResources resources;
    private final ConsultContext context;

    public Consultations(ReadRecords reads, WriteRecords writes, ConsultRows rows, ConsultResources resources,
                         ConsultContext context) {
        this.reads = reads;
        this.writes = writes;
        this.rows = rows;
        this.resources = resources;
        this.context = context;
    }

    /**
     * A question: to facility {@code addresseeFacility} (its {@code department}, optional), or to the specialist
     * {@code addresseeUser} of it; the record items referenced ({@code Type/id}); the files attached.
     */
    public record Question(long addresseeFacility, Long addresseeUser, String department, String subject, String text,
                           List<String> references, List<Upload> uploads) {

        public Question {
            references = references == null ? List.of() : List.copyOf(references);
            uploads = uploads == null ? List.of() : List.copyOf(uploads);
        }
    }

    /** A message: its text, the record items referenced (the asker's only), the files attached. */
    public record Post(String text, List<String> references, List<Upload> uploads) {

        public Post {
            references = references == null ? List.of() : List.copyOf(references);
            uploads = uploads == null ? List.of() : List.copyOf(uploads);
        }
    }

    /** An attachment's content. */
    public record File(String contentType, byte[] bytes) {
    }

    /**
     * Asks a consultation about person {@code personId}: refused (empty) unless the asker's facility has standing for
     * the person; the header Communication and its attachments stored under the asker's own source patient (made at
     * its first question when the facility is linked by card alone: {@link ConsultContext.AskersPatient}).
     *
     * @throws ConsultFault for a question to fix (no subject or text, an addressee who cannot be asked, an item of the
     *                      record the asker does not see, a file too large, a read-only standby)
     */
    public Optional<ConsultThread> ask(Reader asker, long personId, Question question) {
        requireWritable();
        String subject = trimmed(question.subject());
        String text = trimmed(question.text());
        if (subject == null) {
            throw new ConsultFault(ConsultFault.NO_SUBJECT);
        }
        if (text == null) {
            throw new ConsultFault(ConsultFault.NO_TEXT);
        }
        ConsultContext.Directory directory = context.directory();
        Long named = question.addresseeUser();
        if (!directory.askable(question.addresseeFacility()) || named != null
                && (named == asker.userId() || !directory.specialistOf(named, question.addresseeFacility()))) {
            throw new ConsultFault(ConsultFault.ADDRESSEE);
        }
        Instant now = context.clock().instant();
        String headerId = UUID.randomUUID().toString();
        String department = trimmed(question.department());
        String recipient = directory.facilityName(question.addresseeFacility())
                + (department == null ? "" : " " + department)
                + (named == null ? "" : " " + directory.userName(named));
        String[] fault = new String[1];
        Interaction<ConsultThread> done = writes.enter(asker, personId, AuditAction.CREATE, TYPE,
                PersonView::actAsHolder, entry -> {
                    List<StoredResource> referenced = referenced(entry, question.references());
                    if (referenced == null) {
                        fault[0] = ConsultFault.REFERENCE;
                        return null;
                    }
                    SourcePatient own = context.patients().own(asker, entry.view()).orElse(null);
                    if (own == null) {
                        fault[0] = ConsultFault.NOT_OUR_PATIENT;
                        return null;
                    }
                    String patientName = entry.view().opened()
                            .map(p -> p.person().familyKanji() + " " + p.person().givenKanji()).orElse("");
                    ConsultThread thread = new ConsultThread(UUID.randomUUID(), personId, own.id(), own.facilityId(),
                            asker.userId(), question.addresseeFacility(), named, department, subject, patientName,
                            headerId, ConsultStatus.OPEN, null, null, now, now);
                    rows.insert(thread);
                    String sender = sender(asker);
                    List<ResourceWrite> message = resources.message(headerId, null, subject,
                            new ConsultResources.Draft(text, referenced, question.uploads()), sender, recipient, now,
                            own.id(), own.facilityId());
                    entry.store(message, w -> resources.provenance(w, sender, now, own.id(), own.facilityId()));
                    appended(thread, message, referenced, asker.userId(), now);
                    return thread;
                });
        if (fault[0] != null) {
            throw new ConsultFault(fault[0]);
        }
        return Optional.ofNullable(done.value());
    }

    /**
     * The thread as its participant reads it; empty for anyone else and for an id nobody has (one audit row either
     * way). Reading marks the other side's messages read — except on a read-only standby, which writes nothing: the
     * marks stay until the thread is read on the primary.
     */
    public Optional<ThreadPage> open(Reader reader, UUID id) {
        ConsultThread thread = participantThread(reader, id, AuditAction.READ);
        if (thread == null) {
            return Optional.empty();
        }
        List<ConsultRows.Row> all = rows.rows(thread.id());
        Interaction<List<StoredResource>> read = read(reader, thread,
                all.stream().map(ConsultRows.Row::resourceId).toList());
        if (!read.permitted()) {
            return Optional.empty();
        }
        Map<String, StoredResource> byId = new LinkedHashMap<>();
        read.value().forEach(r -> byId.put(r.id(), r));
        if (!byId.containsKey(thread.headerId())) {
            return Optional.empty();
        }
        List<ConsultMessage> messages = new ArrayList<>();
        Map<String, RecordItem> references = new LinkedHashMap<>();
        int seen = rows.seen(thread.id(), reader.userId());
        int unread = 0;
        int last = seen;
        for (ConsultRows.Row row : all) {
            StoredResource stored = byId.get(row.resourceId());
            switch (row.kind()) {
                case MESSAGE -> {
                    if (stored != null) {
                        messages.add(resources.shown(stored));
                    }
                    if (row.seq() > seen && (row.authorUser() == null || row.authorUser() != reader.userId())) {
                        unread++;
                    }
                    last = Math.max(last, row.seq());
                }
                case REFERENCE -> references.putIfAbsent(stored == null ? row.resourceId()
                        : stored.type() + "/" + stored.id(), stored == null ? null : RecordItem.of(stored));
                case ATTACHMENT -> { }
            }
        }
        if (last > seen && !context.readOnly().getAsBoolean()) {
            rows.seen(thread, reader.userId(), last);
        }
        return Optional.of(new ThreadPage(thread, thread.askedBy(reader), messages, references, unread));
    }

    /**
     * A message of a participant: the asker asks again (status open), the addressee answers (status answered).
     * Empty for anyone else and for an id nobody has.
     *
     * @throws ConsultFault nothing to post, a closed thread, a reference the asker does not see, a read-only standby
     */
    public Optional<ConsultThread> post(Reader reader, UUID id, Post post) {
        requireWritable();
        String text = trimmed(post.text());
        if (text == null && post.uploads().isEmpty()) {
            throw new ConsultFault(ConsultFault.NO_TEXT);
        }
        ConsultThread thread = participantThread(reader, id, AuditAction.CREATE);
        if (thread == null) {
            return Optional.empty();
        }
        ConsultStatus next = thread.askedBy(reader) ? ConsultStatus.OPEN : ConsultStatus.ANSWERED;
        return append(reader, thread, text == null ? "" : text, post,
                t -> t.with(next, t.meetingAt(), t.meetingUrl(), context.clock().instant()));
    }

    /**
     * Sets the meeting: a time and a link to an external web-conference tool (https only), written into the thread as
     * a message of its setter. Either participant; empty for anyone else.
     *
     * @throws ConsultFault the link is not an https URL, a closed thread, a read-only standby
     */
    public Optional<ConsultThread> meeting(Reader reader, UUID id, Instant at, String url) {
        requireWritable();
        String link = meetingUrl(url);
        if (at == null || link == null) {
            throw new ConsultFault(ConsultFault.MEETING_URL);
        }
        ConsultThread thread = participantThread(reader, id, AuditAction.CREATE);
        if (thread == null) {
            return Optional.empty();
        }
        String when = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).format(at.atZone(JAPAN));
        return append(reader, thread, "Web会議 / Web meeting: " + when + " " + link, new Post(null, List.of(), List.of()),
                t -> t.with(t.status(), at, link, context.clock().instant()));
    }

    /** The asker closes the thread (the header's status {@code completed}). Empty for anyone else. */
    public Optional<ConsultThread> close(Reader reader, UUID id) {
        requireWritable();
        ConsultThread thread = participantThread(reader, id, AuditAction.UPDATE);
        if (thread == null) {
            return Optional.empty();
        }
        if (!thread.askedBy(reader)) {
            reads.missed(reader, AuditAction.UPDATE, TYPE, id.toString());
            return Optional.empty();
        }
        Instant now = context.clock().instant();
        Interaction<ConsultThread> done = writes.enter(reader, thread.personId(), AuditAction.UPDATE, TYPE,
                PersonView::actAsHolder, entry -> {
                    StoredResource header = entry.contents(List.of(thread.headerId())).stream().findFirst().orElse(null);
                    if (header == null) {
                        return null;
                    }
                    ConsultThread closed = thread.with(ConsultStatus.CLOSED, thread.meetingAt(), thread.meetingUrl(), now);
                    rows.update(closed);
                    entry.store(List.of(resources.closed(header)), w -> resources.provenance(w, sender(reader), now,
                            thread.patientKey(), thread.askingFacility()));
                    return closed;
                });
        return Optional.ofNullable(done.value());
    }

    /** An attachment of the thread, read through the participant's door; empty for anyone else. */
    public Optional<File> attachment(Reader reader, UUID id, String binaryId) {
        ConsultThread thread = participantThread(reader, id, AuditAction.READ);
        if (thread == null) {
            return Optional.empty();
        }
        boolean ofThread = rows.rows(thread.id()).stream()
                .anyMatch(r -> r.kind() == ConsultRows.Kind.ATTACHMENT && r.resourceId().equals(binaryId));
        if (!ofThread) {
            reads.missed(reader, AuditAction.READ, TYPE, id + "/" + binaryId);
            return Optional.empty();
        }
        Interaction<List<StoredResource>> read = read(reader, thread, List.of(binaryId));
        if (!read.permitted() || read.value().isEmpty()) {
            return Optional.empty();
        }
        StoredResource binary = read.value().getFirst();
        return resources.bytes(binary).map(b -> new File(resources.contentType(binary), b));
    }

    /**
     * The threads the reader takes part in, of these statuses, latest first, with their unread counts: one audit row
     * naming them. Nothing for a user who may not take part in correspondence between facilities.
     */
    public List<ConsultRows.Line> list(Reader reader, Set<ConsultStatus> statuses) {
        Decision decision = context.access().inbox(reader.userId());
        if (!decision.permitted()) {
            context.audit().record(AuditEntry.of(AuditAction.SEARCH, Outcome.DENY).on(TYPE)
                    .purpose(Purpose.TREATMENT).reason(decision.key()));
            return List.of();
        }
        List<ConsultRows.Line> lines = rows.mine(reader.userId(), reader.facilityId(), statuses, LIST_LIMIT);
        context.audit().record(AuditEntry.of(AuditAction.SEARCH, Outcome.PERMIT)
                .on(TYPE, lines.stream().map(l -> l.thread().headerId()).toArray()).purpose(Purpose.TREATMENT)
                .reason(decision.key()));
        return lines;
    }

    /** How many messages wait unread for the reader (the home page's line; not a reading, not audited). */
    public int unread(Reader reader) {
        return context.access().inbox(reader.userId()).permitted()
                ? rows.unread(reader.userId(), reader.facilityId()) : 0;
    }

    private Optional<ConsultThread> append(Reader reader, ConsultThread thread, String text, Post post,
                                           UnaryOperator<ConsultThread> change) {
        if (thread.status() == ConsultStatus.CLOSED) {
            throw new ConsultFault(ConsultFault.CLOSED);
        }
        Instant now = context.clock().instant();
        String messageId = UUID.randomUUID().toString();
        String sender = sender(reader);
        if (thread.askedBy(reader)) {
            String[] fault = new String[1];
            Interaction<ConsultThread> done = writes.enter(reader, thread.personId(), AuditAction.CREATE, TYPE,
                    PersonView::actAsHolder, entry -> {
                        List<StoredResource> referenced = referenced(entry, post.references());
                        if (referenced == null) {
                            fault[0] = ConsultFault.REFERENCE;
                            return null;
                        }
                        List<ResourceWrite> message = resources.message(messageId, thread.headerId(), null,
                                new ConsultResources.Draft(text, referenced, post.uploads()), sender, null, now,
                                thread.patientKey(), thread.askingFacility());
                        entry.store(message, w -> resources.provenance(w, sender, now, thread.patientKey(),
                                thread.askingFacility()));
                        ConsultThread changed = change.apply(thread);
                        rows.update(changed);
                        appended(changed, message, referenced, reader.userId(), now);
                        return changed;
                    });
            if (fault[0] != null) {
                throw new ConsultFault(fault[0]);
            }
            return Optional.ofNullable(done.value());
        }
        ConsultThread[] changed = new ConsultThread[1];
        Interaction<WriteRecords.Answered> done = writes.answerDisclosed(reader, Disclosure.consultation(
                thread.personId(), thread.patientKey(), thread.addresseeFacility()), List.of(thread.headerId()),
                AuditAction.CREATE, TYPE, read -> {
                    List<ResourceWrite> message = resources.message(messageId, thread.headerId(), null,
                            new ConsultResources.Draft(text, List.of(), post.uploads()), sender, null, now,
                            thread.patientKey(), thread.askingFacility());
                    changed[0] = change.apply(thread);
                    rows.update(changed[0]);
                    appended(changed[0], message, List.of(), reader.userId(), now);
                    return message;
                });
        return done.permitted() && changed[0] != null ? Optional.of(changed[0]) : Optional.empty();
    }

    /** Appends a message's rows (the Communication, its attachments, its references) and marks it read by its author. */
    private void appended(ConsultThread thread, List<ResourceWrite> message, List<StoredResource> referenced,
                          long author, Instant now) {
        List<ConsultRows.Row> added = new ArrayList<>();
        message.stream().filter(w -> w.type().equals("Communication")).forEach(w -> added.add(
                new ConsultRows.Row(0, ConsultRows.Kind.MESSAGE, w.id(), author, now)));
        message.stream().filter(w -> w.type().equals("Binary")).forEach(w -> added.add(
                new ConsultRows.Row(0, ConsultRows.Kind.ATTACHMENT, w.id(), author, now)));
        referenced.forEach(r -> added.add(new ConsultRows.Row(0, ConsultRows.Kind.REFERENCE, r.id(), author, now)));
        List<Integer> seqs = rows.append(thread, added);
        rows.seen(thread, author, seqs.getFirst());
    }

    /** The items {@code references} ({@code Type/id}) as the entry's reader sees them; null when any is not there. */
    private static List<StoredResource> referenced(ReadRecords.PersonRecord record, List<String> references) {
        if (references.isEmpty()) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        for (String reference : references) {
            int slash = reference == null ? -1 : reference.indexOf('/');
            ids.add(slash < 0 ? reference : reference.substring(slash + 1));
        }
        Map<String, StoredResource> found = new LinkedHashMap<>();
        record.contents(ids).forEach(r -> found.put(r.type() + "/" + r.id(), r));
        List<StoredResource> shown = new ArrayList<>();
        for (String reference : references) {
            StoredResource item = reference == null ? null : found.get(reference);
            if (item == null || item.deleted()) {
                return null;
            }
            if (!shown.contains(item)) {
                shown.add(item);
            }
        }
        return shown;
    }

    private Interaction<List<StoredResource>> read(Reader reader, ConsultThread thread, List<String> ids) {
        return thread.askedBy(reader)
                ? reads.readPerson(reader, thread.personId(), AuditAction.READ, TYPE, record -> record.contents(ids))
                : reads.readDisclosed(reader, Disclosure.consultation(thread.personId(), thread.patientKey(),
                        thread.addresseeFacility()), ids, AuditAction.READ, TYPE);
    }

    /** The thread when the reader takes part in it; otherwise null, after the one audit row of a thread not there. */
    private ConsultThread participantThread(Reader reader, UUID id, AuditAction action) {
        ConsultThread thread = id == null ? null : rows.find(id).filter(t -> t.askedBy(reader) || t.addressedTo(reader))
                .orElse(null);
        if (thread == null) {
            reads.missed(reader, action, TYPE, String.valueOf(id));
        }
        return thread;
    }

    private String sender(Reader reader) {
        ConsultContext.Directory directory = context.directory();
        return directory.userName(reader.userId())
                + (reader.facilityId() == null ? "" : "（" + directory.facilityName(reader.facilityId()) + "）");
    }

    private void requireWritable() {
        if (context.readOnly().getAsBoolean()) {
            throw new ConsultFault(ConsultFault.STANDBY);
        }
    }

    /** An https URL of a web-conference tool (no credentials in it, at most 2,000 characters), or null. */
    static String meetingUrl(String url) {
        String link = trimmed(url);
        if (link == null || link.length() > 2000) {
            return null;
        }
        try {
            URI uri = new URI(link);
            return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null && !uri.getHost().isBlank()
                    && uri.getRawUserInfo() == null ? uri.toString() : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String trimmed(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
