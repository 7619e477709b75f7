package org.musubi.box.wopi;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.box.Box;
import org.musubi.box.BoxFile;
import org.musubi.record.Reader;
import org.musubi.registry.User;
import org.musubi.registry.Users;

/**
 * Who reaches a Box file through an online editor. A user who may download a file ({@link Box#readable}: its sender
 * or a recipient, not expired, its scan allowing it) gets an access token for it from the portal, when an editor is
 * configured; every WOPI call then checks again, at call time, that the token is good (signed here, not expired, its
 * account active with the same session epoch), that it is for the file asked, and Box's rules. A token that is not
 * good is refused before any file is looked at (401); a file the token does not reach now — another file's, a
 * guessed id, an expired file, a recipient who left — answers like a file that does not exist (404), audited once.
 */
public final class WopiAccess {

    private final Box box;
    private final WopiTokens tokens;
    private final Users users;
    private final Audit audit;
    private final Editor editor;

    /**
     * The editor: the URL of its editing action ({@code musubi.box.wopi.editor-url}; empty: no editor, no token ever
     * issued), the URL its server reaches Musubi at ({@code host-url}; empty: the one the browser used) and the file
     * extensions it opens.
     */
    public record Editor(String url, String hostUrl, List<String> extensions) {
        public Editor {
            url = url == null ? "" : url.strip();
            hostUrl = hostUrl == null ? "" : hostUrl.strip().replaceFirst("/+$", "");
            extensions = extensions == null ? List.of() : extensions.stream()
                    .map(e -> e.strip().toLowerCase(Locale.ROOT).replaceFirst("^\\.", "")).toList();
        }

        public boolean configured() {
            return !url.isEmpty();
        }

        /** Whether the editor opens a file of this name (by its extension). */
        public boolean opens(String name) {
            int dot = name.lastIndexOf('.');
            return configured() && dot >= 0 && extensions.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
        }
    }

    public WopiAccess(Box box, WopiTokens tokens, Users users, Audit audit, Editor editor) {
        this.box = box;
        this.tokens = tokens;
        this.users = users;
        this.audit = audit;
        this.editor = editor;
    }

    public Editor editor() {
        return editor;
    }

    /** A token handed to the editor for a file, with the file. */
    public record Launch(BoxFile file, WopiTokens.Issued token) {
    }

    /**
     * A token for the reader on the file, when an editor is configured and opens it and the reader may download it
     * now; empty otherwise, a refusal audited as Box audits a refused download ({@code READ DENY box.notFound}).
     * Issuing a token reads no content and is not audited itself: the editor's reads and saves are.
     */
    public Optional<Launch> launch(Reader reader, UUID id) {
        Optional<BoxFile> file = editor.configured() ? box.readable(reader, id).filter(f -> editor.opens(f.name()))
                : Optional.empty();
        Optional<User> user = file.flatMap(f -> users.find(reader.userId())).filter(User::active);
        if (file.isEmpty() || user.isEmpty()) {
            deny(id, AuditAction.READ);
            return Optional.empty();
        }
        return Optional.of(new Launch(file.get(), tokens.issue(id, reader.userId(), reader.facilityId(),
                user.get().sessionEpoch())));
    }

    /** Who a token speaks for: its grant and its account, when the token is good and the account still active. */
    public record Caller(WopiTokens.Grant grant, User user) {
    }

    /** The caller the token stands for; empty for a token that is malformed, forged, expired or whose account is not. */
    public Optional<Caller> caller(String token) {
        return tokens.verify(token).flatMap(grant -> users.find(grant.user())
                .filter(User::active).filter(u -> u.sessionEpoch() == grant.epoch())
                .map(u -> new Caller(grant, u)));
    }

    /**
     * The file asked, when the grant is for it and Box's rules allow the grant's user to have it now; empty otherwise,
     * audited once ({@code action DENY box.notFound}), exactly as for an id nobody has.
     */
    public Optional<BoxFile> file(WopiTokens.Grant grant, UUID id, AuditAction action) {
        Optional<BoxFile> file = grant.file().equals(id) ? box.readable(grant.reader(), id) : Optional.empty();
        if (file.isEmpty()) {
            deny(id, action);
        }
        return file;
    }

    /** One audit row for a refused call on a file, naming the file asked. */
    /** The file when the reader may have it now, by Box's rules, audited by nothing here ({@link Box#readable}). */
    Optional<BoxFile> readable(Reader reader, UUID id) {
        return box.readable(reader, id);
    }

    void deny(UUID id, AuditAction action) {
        audit.record(AuditEntry.of(action, Outcome.DENY).on("BoxFile", String.valueOf(id)).reason(Box.NOT_FOUND));
    }

    /** One audit row for a save refused because the editor's lock is not the file's. */
    void conflict(UUID id) {
        audit.record(AuditEntry.of(AuditAction.UPDATE, Outcome.DENY).on("BoxFile", id).reason(Wopi.LOCK_MISMATCH));
    }
}
