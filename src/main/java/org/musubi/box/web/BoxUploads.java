package org.musubi.box.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.musubi.blob.resumable.web.ResumableUploads;
import org.musubi.box.Box;

/**
 * Box's resumable uploads (tus 1.0, {@code /portal/box/uploads} for the pages and {@code /api/box/uploads} for
 * systems): each upload is its uploader's ({@link #owner}); once complete, a send names it by its id instead of
 * carrying the bytes, and the bytes are streamed from the blob store into the Box file.
 */
public final class BoxUploads {

    private final ResumableUploads uploads;

    BoxUploads(ResumableUploads uploads) {
        this.uploads = uploads;
    }

    ResumableUploads resumable() {
        return uploads;
    }

    /** Whose uploads these are: the user's. */
    static String owner(long userId) {
        return "box:" + userId;
    }

    /** An upload named in a send is not the sender's, not complete, or not an id: nothing is sent. */
    public static final class NotReady extends Exception {
        NotReady() {
            super("box: an upload named is not complete or not the sender's", null, false, false);
        }
    }

    /**
     * The uploads named, each complete and the user's, ready to be sent (their contents to be closed by the caller);
     * {@link NotReady} when any is not.
     */
    public List<Box.Upload> complete(long userId, List<String> ids) throws IOException, NotReady {
        List<Box.Upload> ready = new ArrayList<>();
        for (String asked : ids) {
            UUID id = BoxDownloads.id(asked);
            Optional<ResumableUploads.Upload> upload = uploads.find(id, owner(userId))
                    .filter(ResumableUploads.Upload::complete);
            if (upload.isEmpty()) {
                ready.forEach(u -> closeQuietly(u.content()));
                throw new NotReady();
            }
            String name = upload.get().metadata().getOrDefault("filename", upload.get().metadata().get("name"));
            String type = upload.get().metadata().getOrDefault("filetype", upload.get().metadata().get("type"));
            ready.add(new Box.Upload(name, type, uploads.open(id)));
        }
        return ready;
    }

    /** These uploads were sent as files: they are removed (bytes and rows), so that none is sent twice. */
    public void discard(List<String> ids) throws IOException {
        for (String id : ids) {
            uploads.remove(BoxDownloads.id(id));
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // not read yet
        }
    }
}
