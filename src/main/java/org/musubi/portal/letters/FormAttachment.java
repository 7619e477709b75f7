package org.musubi.portal.letters;

import org.musubi.letters.Attachment;

/**
 * An attachment already part of the letter being written, as the form carries it back: a file uploaded for it (its
 * blob key) or an item of the record (its reference), with a box to remove it. A stored one is looked up again through
 * the policy at each step ({@code LetterExchange.attach}), never taken from the form as it came.
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

    boolean stored() {
        return "stored".equals(source);
    }

    Attachment attachment() {
        Attachment.Source where = stored() ? new Attachment.Stored(key) : new Attachment.Uploaded(key);
        return new Attachment(title, contentType, size, sha256, where);
    }
}
