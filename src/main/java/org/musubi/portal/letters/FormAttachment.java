package org.musubi.portal.letters;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.musubi.letters.Attachment;
import org.musubi.letters.Coded;
import org.musubi.letters.exchange.LetterExchange;

/**
 * An attachment already part of the letter being written, as the form carries it back: a file uploaded for it (its
 * blob key) or an item of the record (its reference), with a box to remove it. Nothing of it is trusted: the exchange
 * reads a record's item through the policy when it sends (its size and hash here are placeholders until then), and
 * checks that an uploaded file is there.
 */
public class FormAttachment {

    public String title;
    public String contentType;
    public long size;
    public String sha256;
    /** {@code stored} or {@code uploaded}. */
    public String source;
    /** The record's reference, or the blob key. */
    public String key;
    public boolean remove;

    static FormAttachment of(Attachment a) {
        FormAttachment form = new FormAttachment();
        form.title = a.title();
        form.contentType = a.contentType();
        form.size = a.size();
        form.sha256 = a.sha256();
        switch (a.source()) {
            case Attachment.Stored s -> {
                form.source = "stored";
                form.key = s.reference();
            }
            case Attachment.Uploaded u -> {
                form.source = "uploaded";
                form.key = u.blobKey();
            }
        }
        return form;
    }

    /** One of the record's items the composer offers to attach, as its check box carries it. */
    public record Choice(String reference, String value, String title, java.time.LocalDate date) {
    }

    /** The check box of a pick: its reference, type and title in one value ({@link #picked}). */
    static Choice choice(LetterExchange.Pick pick) {
        String value = FormRow.encode(List.of(new Coded.Code(pick.reference(),
                pick.contentType() == null ? "application/octet-stream" : pick.contentType(), pick.title())));
        return new Choice(pick.reference(), value, pick.title(), pick.date());
    }

    /**
     * The attachment a ticked pick asks for, as the exchange takes a record's item ({@link Attachment.Stored}); its
     * size and SHA-256 (of the reference) are placeholders the exchange replaces with the content's. {@code null} for a
     * value no check box gave.
     */
    static Attachment picked(String value) {
        List<Coded.Code> parts = FormRow.decode(value);
        if (parts.size() != 1 || !parts.getFirst().system().matches("[A-Za-z]+/[A-Za-z0-9\\-.]{1,64}")) {
            return null;
        }
        Coded.Code p = parts.getFirst();
        String title = p.display() == null || p.display().isBlank() ? p.system() : p.display();
        return new Attachment(title, p.code(), 0, sha256(p.system()), new Attachment.Stored(p.system()));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    boolean stored() {
        return "stored".equals(source);
    }

    Attachment attachment() {
        Attachment.Source where = stored() ? new Attachment.Stored(key) : new Attachment.Uploaded(key);
        return new Attachment(title, contentType, size, sha256, where);
    }
}
