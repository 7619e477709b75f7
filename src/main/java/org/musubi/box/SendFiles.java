package org.musubi.box;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.blob.BlobStore;
import org.musubi.policy.Decision;
import org.musubi.policy.Deny;
import org.musubi.policy.Interaction;
import org.musubi.record.Reader;

/**
 * A staff member sends files to named users and/or a facility's members: each streamed into its own part with its
 * SHA-256, scanned, and kept with one audit row (a file about a patient: one interaction with the person, audited
 * once); the limits an upload is told before it begins ({@link #room}, {@link #fileMaxBytes}).
 */
public final class SendFiles {

    private final Box box;
    private final BoxStore store;
    private final BoxContent blobs;
    private final Audit audit;
    private final Clock clock;
    private final Box.Options options;

    public SendFiles(Box box) {
        this.box = box;
        this.store = box.store();
        this.blobs = box.blobs();
        this.audit = box.audit();
        this.clock = box.clock();
        this.options = box.options();
    }

    /**
     * Uploads {@code uploads} for {@code to}, with an optional message. Refused with faults when no recipient remains
     * (only active staff of active facilities receive files; the sender is never their own recipient), when a file
     * is larger than the per-file limit, or when it would take the sender over their quota — before anything of it is
     * kept.
     */
    public Box.Sent send(Reader sender, List<Box.Upload> uploads, Box.Recipients to, String message) {
        return send(sender, uploads, to, message, null);
    }

    /**
     * {@link #send(Reader, List, Box.Recipients, String)} of files about a patient ({@code about}, null: none): the
     * sender's facility must have standing for the person (a live link made with the person's card), every named
     * recipient must be permitted by the access policy ({@link org.musubi.policy.AccessPolicy#decideDisclosed} (a {@code FILE}); a
     * facility's members who are not are left out), else nothing is sent and the refusal is audited once; each file
     * sent is one interaction with the person, audited once; with {@code attach} it also becomes a document of the
     * patient's record (at most {@code musubi.blob.max-size}).
     */
    public Box.Sent send(Reader sender, List<Box.Upload> uploads, Box.Recipients to, String message, Box.About about) {
        if (options.readOnly().getAsBoolean()) {
            return new Box.Sent(List.of(), List.of("box.fault.standby"));
        }
        if (sender.facilityId() == null) {
            return new Box.Sent(List.of(), List.of("box.fault.noFacility"));
        }
        Set<Long> named = new LinkedHashSet<>(store.activeStaff(to.users()));
        Set<Long> members = new LinkedHashSet<>(to.facilityId() == null ? Set.of()
                : store.members(to.facilityId(), to.professions()));
        named.remove(sender.userId());
        members.remove(sender.userId());
        members.removeAll(named);
        Set<Long> recipients = new LinkedHashSet<>(named);
        recipients.addAll(members);
        if (recipients.isEmpty()) {
            return new Box.Sent(List.of(), List.of("box.fault.noRecipient"));
        }
        if (about != null) {
            String refused = refusedAbout(sender, about, named, members);
            if (refused != null) {
                return new Box.Sent(List.of(), List.of(refused));
            }
            recipients.removeIf(r -> !named.contains(r) && !members.contains(r));
        }
        List<BoxFile> stored = new ArrayList<>();
        List<String> faults = new ArrayList<>();
        for (Box.Upload upload : uploads) {
            Instant now = clock.instant();
            long room = options.settings().quotaBytes() - store.usedBytes(sender.userId(), now);
            long limit = Math.min(options.settings().fileMaxBytes(), room);
            if (limit <= 0) {
                faults.add("box.fault.quota");
                continue;
            }
            UUID id = UUID.randomUUID();
            String part = "box-" + id;
            BoxContent.Stored bytes;
            BoxContent.Scanned scanned;
            try {
                bytes = blobs.store(part, upload.content(), limit);
                scanned = blobs.scan(part, bytes.size());
            } catch (BlobStore.TooLarge e) {
                faults.add(limit < options.settings().fileMaxBytes() ? "box.fault.quota" : "box.fault.tooLarge");
                continue;
            } catch (IOException e) {
                box.deleteQuietly(part);
                throw new UncheckedIOException(e);
            }
            if (scanned.refused()) {
                box.deleteQuietly(part);
                faults.add("box.fault.scanTooLarge");
                continue;
            }
            long size = bytes.size();
            BoxFile file = new BoxFile(id, sender.userId(), sender.facilityId(), null, name(upload.name()),
                    type(upload.contentType()), size, bytes.sha256(), blank(message), scanned.status(), now,
                    now.plus(options.settings().retention()), about == null ? null : about.personId(), null, null);
            if (about != null) {
                String fault = enterAbout(sender, about, file, named, to.facilityId(), members);
                if (fault != null) {
                    box.deleteQuietly(part);
                    faults.add(fault);
                } else {
                    stored.add(store.find(id).orElseThrow());
                }
                continue;
            }
            try {
                audit.allOrNothing(() -> {
                    store.insert(file, named, to.facilityId(), members);
                    audit.record(AuditEntry.of(AuditAction.CREATE, Outcome.PERMIT).on("BoxFile", id)
                            .reason("box.uploaded " + size + " bytes to " + recipients.size()));
                    return null;
                });
            } catch (RuntimeException e) {
                box.deleteQuietly(part);
                throw e;
            }
            stored.add(store.find(id).orElseThrow());
        }
        return new Box.Sent(List.copyOf(stored), List.copyOf(faults));
    }

    /**
     * How many bytes the sender may still upload: the smaller of the per-file limit and what their quota has left
     * (files not yet expired count); 0 or less refuses any upload. Told before a resumable upload begins, so that a
     * file too large is refused before any of it is stored.
     */
    public long room(Reader sender) {
        return Math.min(options.settings().fileMaxBytes(),
                options.settings().quotaBytes() - store.usedBytes(sender.userId(), clock.instant()));
    }

    /** The per-file limit ({@code musubi.box.file-max-size}). */
    public long fileMaxBytes() {
        return options.settings().fileMaxBytes();
    }

    /** Why a send about a patient is refused (audited once), or null; leaves out members the policy refuses. */
    private String refusedAbout(Reader sender, Box.About about, Set<Long> named, Set<Long> members) {
        BoxPatients patients = options.patients();
        if (patients == null) {
            return "box.fault.patient";
        }
        if (!patients.standing(sender, about.personId())) {
            patients.refuse(sender, about.personId(), new Deny(Deny.NO_STANDING));
            return "box.fault.patient";
        }
        Set<Long> all = new LinkedHashSet<>(named);
        all.addAll(members);
        Map<Long, Decision> decisions = patients.recipients(about.personId(), sender.facilityId(), all);
        Optional<Decision> namedRefusal = named.stream().map(decisions::get).filter(d -> !d.permitted()).findFirst();
        if (namedRefusal.isPresent()) {
            patients.refuse(sender, about.personId(), namedRefusal.get());
            return "box.fault.recipientNotPermitted";
        }
        Optional<Decision> memberRefusal = members.stream().map(decisions::get).filter(d -> !d.permitted()).findFirst();
        members.removeIf(m -> !decisions.get(m).permitted());
        if (named.isEmpty() && members.isEmpty()) {
            patients.refuse(sender, about.personId(), memberRefusal.orElseThrow());
            return "box.fault.recipientNotPermitted";
        }
        return null;
    }

    /** One file about a patient sent in one interaction (audited once): its rows, and its record document if asked. */
    private String enterAbout(Reader sender, Box.About about, BoxFile file, Set<Long> named, Long facility,
                              Set<Long> members) {
        BoxPatients patients = options.patients();
        if (about.attach() && file.size() > patients.attachMaxBytes()) {
            return "box.fault.attachTooLarge";
        }
        Interaction<BoxPatients.Entered> entered = patients.enter(sender, about.personId(), file,
                store.name(sender.userId()), about.attach(), () -> {
                    try {
                        return blobs.open(file.part()).orElseThrow(() -> new IOException("box: content missing"));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }, document -> {
                    store.insert(new BoxFile(file.id(), file.senderUser(), file.senderFacility(), null, file.name(),
                            file.contentType(), file.size(), file.sha256(), file.message(), file.scan(),
                            file.uploadedAt(), file.expiresAt(), file.personId(), document, file.part()), named, facility,
                            members);
                    return null;
                });
        if (!entered.permitted() || entered.value() == null) {
            return "box.fault.patient";
        }
        return entered.value().fault();
    }

    private static String name(String name) {
        String n = name == null ? "" : name.replaceAll("[\\\\/\\p{Cntrl}]", "_").strip();
        return n.isEmpty() ? "file" : n.length() > 255 ? n.substring(0, 255) : n;
    }

    private static String type(String type) {
        return type == null || type.isBlank() || type.length() > 200 ? "application/octet-stream" : type.strip();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
