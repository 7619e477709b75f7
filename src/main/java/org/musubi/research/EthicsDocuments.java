package org.musubi.research;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.musubi.blob.Blob;
import org.musubi.blob.BlobStore;

/**
 * The ethics approval documents: PDF only (told by the bytes, {@code %PDF-}), at most {@code maxSize} bytes, kept in
 * the blob store by their content's SHA-256. Served only through a project its reader may see.
 */
public final class EthicsDocuments {

    private static final byte[] MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);

    private final BlobStore blobs;
    private final long maxSize;

    public EthicsDocuments(BlobStore blobs, long maxSize) {
        this.blobs = blobs;
        this.maxSize = maxSize;
    }

    public long maxSize() {
        return maxSize;
    }

    /** Stores the PDF; throws {@link ResearchDesk.Refused} when it is not a PDF or too large. */
    public Blob store(InputStream content) throws IOException {
        BufferedInputStream in = new BufferedInputStream(content);
        in.mark(MAGIC.length);
        byte[] head = in.readNBytes(MAGIC.length);
        in.reset();
        if (!Arrays.equals(head, MAGIC)) {
            throw new ResearchDesk.Refused("research.refused.notPdf");
        }
        try {
            return blobs.put(in, maxSize);
        } catch (BlobStore.TooLarge e) {
            throw new ResearchDesk.Refused("research.refused.tooLarge");
        }
    }

    public Optional<InputStream> open(String key) throws IOException {
        return blobs.open(key);
    }
}
