package org.musubi.ingest.batch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import org.musubi.ingest.ImportSource;
import org.musubi.ingest.IncomingFile;
import org.musubi.ingest.adapter.Location;
import org.musubi.ingest.adapter.MappingContext;
import org.musubi.ingest.adapter.ParseResult;
import org.musubi.ingest.adapter.ProblemTexts;
import org.musubi.ingest.adapter.SourceFile;
import org.musubi.ingest.adapter.SourceReader;
import org.musubi.ingest.chunk.Preparation;
import org.musubi.ingest.chunk.ReadFile;

/**
 * Reads one offered file of a batch, on a reading thread: the file's hash, the adapter's results and their prepared
 * resources. A file of at most {@link #READ_WHOLE_MAX} bytes is read once, hashed and handed to the adapter from
 * memory, so the hash is always of the very bytes the adapter read; a larger one is read twice.
 */
final class FileReader {

    /** Files up to this size (every SS-MIX2 message, every medication notebook) are read from disk once. */
    static final long READ_WHOLE_MAX = 1 << 20;
    private static final ProblemTexts TEXTS = new ProblemTexts("org.musubi.ingest.messages");
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(FileReader.class);
    private final ImportSource source;
    private final MappingContext context;
    private final SourceReader reader;
    private final Preparation preparation;

    FileReader(ImportSource source, MappingContext context, SourceReader reader, Preparation preparation) {
        this.source = source;
        this.context = context;
        this.reader = reader;
        this.preparation = preparation;
    }

    /** Whether {@code file} is to be read after the files before it ({@link SourceReader#readsInOrder}). */
    boolean readsInOrder(IncomingFile file) {
        return file.refused() == null && reader.readsInOrder(file.file());
    }

    ReadFile read(IncomingFile file) {
        SourceFile content = file.file();
        byte[] hash;
        if (file.refused() == null && content.size() >= 0 && content.size() <= READ_WHOLE_MAX) {
            byte[] bytes = readAll(content);
            hash = sha256(bytes);
            content = SourceFile.held(content.name(), bytes);
        } else {
            hash = hash(content);
        }
        List<ParseResult> results = results(file, content);
        List<Preparation.PreparedRecord> prepared = new ArrayList<>(results.size());
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i) instanceof ParseResult.Parsed p) {
                prepared.add(preparation.prepare(p));
                results.set(i, p.withoutResources());
            } else {
                prepared.add(null);
            }
        }
        return new ReadFile(file, hash, results, prepared);
    }

    /** The adapter's results; an adapter that fails (it must not) rejects just this file. */
    private List<ParseResult> results(IncomingFile file, SourceFile content) {
        List<ParseResult> results = new ArrayList<>();
        if (file.refused() != null) {
            results.add(new ParseResult.Rejected(file.refused(), null));
            return results;
        }
        try {
            reader.read(content, context, results::add);
        } catch (RuntimeException e) {
            LOG.warn("The {} adapter failed on a file of source {}: {}", source.kind(), source.id(), e.getClass().getName());
            LOG.debug("Adapter failure", e);
            results.clear();
            results.add(new ParseResult.Rejected(TEXTS.problem(Location.file(file.name()), "ingest.adapterFailure",
                    e.getClass().getSimpleName()), null));
        }
        return results;
    }

    private static byte[] readAll(SourceFile file) {
        try (InputStream in = file.content().open()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hash(SourceFile file) {
        try (InputStream in = new DigestInputStream(file.content().open(), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return ((DigestInputStream) in).getMessageDigest().digest();
        } catch (IOException e) {
            throw unreadable(file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A file that could not be read fails the batch, naming the file. */
    private static UncheckedIOException unreadable(SourceFile file, IOException e) {
        return new UncheckedIOException(TEXTS.problem(Location.file(file.name()), "ingest.unreadable",
                e.getMessage()).english(), e);
    }
}
