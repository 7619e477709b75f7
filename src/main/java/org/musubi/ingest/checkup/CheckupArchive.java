package org.musubi.ingest.checkup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.musubi.ingest.adapter.Location;
import org.musubi.ingest.adapter.ParseResult;
import org.musubi.ingest.adapter.Problem;

/**
 * A ZIP of checkup files, as a checkup organisation submits them (送付用アーカイブ: a folder holding {@code index.xml},
 * {@code summary.xml}, {@code DATA/h….xml} results, {@code DATA/c….xml} claims and the {@code XSD/} schemas), or any
 * ZIP of 特定健診情報ファイル. Read as it streams, entry by entry, never unpacked to disk: each {@code .xml} entry is read
 * as a file of its own, named {@code <archive>!/<entry>}; the schemas are passed over silently; the submission files
 * without results and any entry that is not XML are passed over with a note, which the batch keeps as warnings of the
 * first record read (as rows of their own when no record was read). Reading stops, with a problem, at an entry larger than {@link #MAX_ENTRY} bytes unpacked (read
 * or passed over: what is left of an entry is unpacked to reach the next), past {@link #MAX_ENTRIES} entries or past
 * {@link #MAX_TOTAL} bytes unpacked in all, so a ZIP bomb is unpacked no further. Entry names not flagged as UTF-8 are
 * read as Windows-31J, as Japanese archivers write them.
 */
final class CheckupArchive {

    static final int MAX_ENTRIES = 20_000;
    static final int MAX_ENTRY = 16 << 20;
    static final long MAX_TOTAL = 1L << 30;
    private static final Charset NAMES = Charset.forName("windows-31j");

    private final CheckupDocuments documents;

    CheckupArchive(CheckupDocuments documents) {
        this.documents = documents;
    }

    /** Whether a file starts as a ZIP does (a local file header, or the end record of an empty archive). */
    static boolean isZip(byte[] head) {
        return head.length >= 4 && head[0] == 'P' && head[1] == 'K'
                && (head[2] == 3 && head[3] == 4 || head[2] == 5 && head[3] == 6);
    }

    void read(String file, InputStream in, Consumer<ParseResult> results) {
        List<ParseResult> read = new ArrayList<>();
        List<Problem> notes = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(in, NAMES)) {
            entries(file, zip, read, notes);
        } catch (IOException | IllegalArgumentException e) {
            read.add(CheckupProblems.rejected(Location.file(file), null, "checkup.zip.damaged", String.valueOf(e.getMessage())));
        }
        if (read.isEmpty()) {
            read.add(CheckupProblems.rejected(Location.file(file), null, "checkup.zip.empty"));
        }
        withNotes(read, notes).forEach(results);
    }

    private void entries(String file, ZipInputStream zip, List<ParseResult> read, List<Problem> notes) throws IOException {
        int count = 0;
        long total = 0;
        for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
            if (++count > MAX_ENTRIES) {
                read.add(CheckupProblems.rejected(Location.file(file), null, "checkup.zip.tooMany", MAX_ENTRIES));
                return;
            }
            String lower = entry.getName().toLowerCase(Locale.ROOT);
            Location where = Location.file(file + "!/" + entry.getName());
            boolean document = !entry.isDirectory() && lower.endsWith(".xml");
            byte[] bytes = document ? zip.readNBytes(MAX_ENTRY + 1) : null;
            long size = document ? bytes.length : discard(zip);
            total += size;
            if (size > MAX_ENTRY || total > MAX_TOTAL) {
                // what is left of an entry is unpacked to reach the next one: reading stops here, however large it is
                read.add(size > MAX_ENTRY ? CheckupProblems.rejected(where, null, "checkup.zip.entryTooLarge", MAX_ENTRY)
                        : CheckupProblems.rejected(where, null, "checkup.zip.tooLarge", MAX_TOTAL));
                return;
            }
            if (!document) {
                if (!entry.isDirectory() && !lower.endsWith(".xsd")) {
                    notes.add(CheckupProblems.problem(where, "checkup.zip.notXml"));
                }
                continue;
            }
            CheckupDocuments.Read one = documents.read(where.file(), bytes);
            if (one.submissionFile() != null) {
                notes.add(CheckupProblems.problem(where, "checkup.zip.submissionFile", one.submissionFile()));
            }
            read.addAll(one.results());
        }
    }

    /** Reads an entry that is not read as a document up to just past {@link #MAX_ENTRY} bytes; how many it read. */
    private static long discard(ZipInputStream zip) throws IOException {
        byte[] buffer = new byte[8192];
        long size = 0;
        for (int n = zip.read(buffer); n > 0 && size <= MAX_ENTRY; n = zip.read(buffer)) {
            size += n;
        }
        return size;
    }

    /**
     * The results, the notes added to the first record read as its warnings; when no record was read, each note is a
     * row of its own (as an error beside the archive's rejections), so that no note is lost.
     */
    private static List<ParseResult> withNotes(List<ParseResult> read, List<Problem> notes) {
        if (notes.isEmpty()) {
            return read;
        }
        if (read.stream().noneMatch(ParseResult.Parsed.class::isInstance)) {
            notes.forEach(note -> read.add(new ParseResult.Rejected(note, null)));
            return read;
        }
        for (int i = 0; i < read.size(); i++) {
            if (read.get(i) instanceof ParseResult.Parsed p) {
                List<Problem> warnings = new ArrayList<>(notes);
                warnings.addAll(p.warnings());
                read.set(i, new ParseResult.Parsed(p.where(), p.recordKey(), p.version(), p.action(), p.patient(),
                        p.patientResource(), p.authoritative(), p.resources(), warnings, p.directory()));
                break;
            }
        }
        return read;
    }
}
