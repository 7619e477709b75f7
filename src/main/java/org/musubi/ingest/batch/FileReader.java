package org.musubi.ingest.batch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
import org.musubi.ingest.adapter.ReplacedScope;
import org.musubi.ingest.adapter.SourceFile;
import org.musubi.ingest.adapter.SourceReader;
import org.musubi.ingest.chunk.Preparation;
import org.musubi.ingest.chunk.ReadFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one offered file of a batch, on a reading thread: the file's hash, the adapter's results and their prepared
 * resources. A file of at most {@link #READ_WHOLE_MAX} bytes is read once, hashed and handed to the adapter from
 * memory, so the hash is always of the very bytes the adapter read; a larger one is read twice. A file that comes with
 * attachments (an SS-MIX2 content folder's other files, {@link SourceFile#attachments()}) is hashed with them, each
 * by its name and content, so that a changed attachment is a changed file; alone, a file's hash is its content's.
 */
final class FileReader {

    /** Files up to this size (every SS-MIX2 message, every medication notebook) are read from disk once. */
    static final long READ_WHOLE_MAX = 1 << 20;
    private static final ProblemTexts TEXTS = new ProblemTexts("org.musubi.ingest.messages");
    private static final Logger LOG = LoggerFactory.getLogger(FileReader.class);
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
        if (file.refused() == null && content.size() >= 0 && content.size() <= READ_WHOLE_MAX) {
            content = held(content);
        }
        byte[] hash = hash(content);
        List<ParseResult> results = results(file, content);
        ReplacedScope scope = replaces(file, content, results);
        List<Preparation.PreparedRecord> prepared = new ArrayList<>(results.size());
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i) instanceof ParseResult.Parsed p) {
                prepared.add(preparation.prepare(p));
                results.set(i, p.withoutResources());
            } else {
                prepared.add(null);
            }
        }
        return new ReadFile(file, hash, results, prepared, scope);
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

    /**
     * What the file replaces ({@link SourceReader#replaces}): asked only when the adapter read it to its end — not for a
     * refused file nor one the adapter failed on — and never when any of its records was rejected.
     */
    private ReplacedScope replaces(IncomingFile file, SourceFile content, List<ParseResult> results) {
        if (file.refused() != null || results.isEmpty() || results.stream().anyMatch(ParseResult.Rejected.class::isInstance)) {
            return null;
        }
        return reader.replaces(content, List.copyOf(results)).orElse(null);
    }

    private static byte[] readAll(SourceFile file) {
        try (InputStream in = file.content().open()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    /** The file, and its attachments (folders are only named), read into memory once. */
    private static SourceFile held(SourceFile file) {
        byte[] bytes = readAll(file);
        if (file.attachments().isEmpty()) {
            return SourceFile.held(file.name(), bytes);
        }
        return file.held(bytes, file.attachments().stream()
                .map(a -> a.isFolder() ? a : SourceFile.held(a.name(), readAll(a))).toList());
    }

    /** The content's SHA-256, then each attachment's name and content (a folder's name only). */
    private static byte[] hash(SourceFile file) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        digest(file, digest);
        for (SourceFile attachment : file.attachments()) {
            digest.update((byte) 0);
            digest.update(attachment.name().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            if (!attachment.isFolder()) {
                digest(attachment, digest);
            }
        }
        return digest.digest();
    }

    private static void digest(SourceFile file, MessageDigest digest) {
        try (InputStream in = new DigestInputStream(file.content().open(), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    /** A file that could not be read fails the batch, naming the file. */
    private static UncheckedIOException unreadable(SourceFile file, IOException e) {
        return new UncheckedIOException(TEXTS.problem(Location.file(file.name()), "ingest.unreadable",
                e.getMessage()).english(), e);
    }
}
