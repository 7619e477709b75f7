package org.musubi.consult;

import org.musubi.policy.Disclosure;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.musubi.audit.AuditAction;
import org.musubi.policy.Interaction;
import org.musubi.policy.PersonView;
import org.musubi.record.PatientRef;
import org.musubi.record.ReadRecords;
import org.musubi.record.Reader;
import org.musubi.record.ResourceWrite;
import org.musubi.record.StoredResource;
import org.musubi.record.WriteRecords;
import org.musubi.record.read.PersonRecord;
import org.musubi.record.write.Answered;

/**
 * Case consultations (症例相談), what their use cases share — {@link AskConsultation}, {@link OpenConsultation}, {@link
 * PostToConsultation} (ask again or answer), {@link SetConsultationMeeting}, {@link CloseConsultation}, {@link
 * OpenConsultationAttachment}, {@link ListConsultations} (and count unread). Every read and write of a thread is one
 * interaction with the person's record, decided by the access policy and audited once: the asker's through the
 * record's read door and {@link WriteRecords#enter} (a write needs the asker's facility's standing: the thread is
 * stored under its own source patient), the addressee's through {@link ReadRecords#readDisclosed} and {@link
 * WriteRecords#answerDisclosed} (the thread and what it references, nothing else). A caller who takes no part in a
 * thread, and an id nobody has, get {@link Optional#empty()} after one audit row ({@code record.notFound}), as a
 * thread that does not exist. A listing is one audit row naming the threads shown.
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

    ReadRecords reads() {
        return reads;
    }

    WriteRecords writes() {
        return writes;
    }

    ConsultRows rows() {
        return rows;
    }

    ConsultResources resources() {
        return resources;
    }

    ConsultContext context() {
        return context;
    }

    Optional<ConsultThread> append(Reader reader, ConsultThread thread, String text, Post post,
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
        Interaction<Answered> done = writes.answerDisclosed(reader, disclosureOf(thread),
                List.of(thread.headerId()), AuditAction.CREATE, TYPE, read -> {
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
    void appended(ConsultThread thread, List<ResourceWrite> message, List<StoredResource> referenced,
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
    static List<StoredResource> referenced(PersonRecord record, List<String> references) {
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

    Interaction<List<StoredResource>> read(Reader reader, ConsultThread thread, List<String> ids) {
        return thread.askedBy(reader)
                ? reads.readPerson(reader, PatientRef.person(thread.personId()), AuditAction.READ, TYPE,
                        record -> record.contents(ids))
                : reads.readDisclosed(reader, disclosureOf(thread), ids, AuditAction.READ, TYPE);
    }

    /**
     * Records the thread just asked as what its addressee (the facility, the named specialist) is let see, in the
     * asking transaction: the thread's rows under the asker's source patient, and the record items it references.
     */
    void disclose(ConsultThread thread) {
        context.disclose().disclose(source(thread), Disclosure.consultation(thread.personId(), thread.patientKey(),
                thread.addresseeFacility()).from(thread.askingFacility()), null, null);
    }

    /** The id of the disclosure the thread was asked with, which the addressee reads and answers it by. */
    long disclosureOf(ConsultThread thread) {
        return context.disclose().idOf(source(thread));
    }

    private static String source(ConsultThread thread) {
        return "consultation:" + thread.id();
    }

    /** The thread when the reader takes part in it; otherwise null, after the one audit row of a thread not there. */
    ConsultThread participantThread(Reader reader, UUID id, AuditAction action) {
        ConsultThread thread = id == null ? null : rows.find(id).filter(t -> t.askedBy(reader) || t.addressedTo(reader))
                .orElse(null);
        if (thread == null) {
            reads.missed(reader, action, TYPE, String.valueOf(id));
        }
        return thread;
    }

    String sender(Reader reader) {
        ConsultContext.Directory directory = context.directory();
        return directory.userName(reader.userId())
                + (reader.facilityId() == null ? "" : "（" + directory.facilityName(reader.facilityId()) + "）");
    }

    void requireWritable() {
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

    static String trimmed(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
