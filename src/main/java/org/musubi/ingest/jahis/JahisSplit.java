package org.musubi.ingest.jahis;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.musubi.ingest.adapter.Location;
import org.musubi.ingest.adapter.SourceFile;
import org.musubi.ingest.jahis.SplitJoin.Joined;
import org.musubi.ingest.jahis.SplitJoin.NotJoined;
import org.musubi.ingest.jahis.records.Header;
import org.musubi.ingest.jahis.records.JahisParser;
import org.musubi.ingest.jahis.records.JahisProblems;
import org.musubi.ingest.jahis.records.Notebook;
import org.musubi.ingest.jahis.records.RawRecord;

/**
 * Split data: a notebook too large for one QR code comes as parts, each ending with a 911 record
 * (data ID, part count, part number) and, in practice, starting with the header and often the
 * patient record. These pure functions tell what part a file is and join a complete set; holding
 * parts until the set is complete is the caller's business.
 */
public final class JahisSplit {

    /**
     * One part as its 911 says. {@code standsAlone}: the part has a header and a patient record and no
     * record lacks its parent (no drug records before the first 5 of the part), so reading it alone
     * gives complete records. That is necessary, not sufficient: the part may still end in the middle
     * of a dispensing block that the next part continues, so the safe course is to hold every part of
     * a set with count > 1 and read the joined text.
     */
    public record Part(String dataId, int count, int number, boolean standsAlone) {
    }

    private record Piece(String name, Notebook book, List<RawRecord> lines) {
    }

    private JahisSplit() {
    }

    /**
     * Whether the file has a 911 record, found without decoding or parsing it: a line starting with
     * {@code 911} (record numbers are ASCII in Shift_JIS and UTF-8 alike, and no Shift_JIS byte pair
     * holds a line feed or a digit as its second byte).
     */
    public static boolean hasSplitRecord(byte[] bytes) {
        for (int i = 0; i + 3 < bytes.length; i++) {
            if (bytes[i] == '\n' && bytes[i + 1] == '9' && bytes[i + 2] == '1' && bytes[i + 3] == '1') {
                return true;
            }
        }
        return false;
    }

    /** The part a file is, or empty when it has no (readable) 911 record: then it is whole, or broken. */
    public static Optional<Part> of(byte[] bytes) {
        return JahisCharsets.decode(bytes).map(text -> JahisParser.parse("", text)).flatMap(JahisSplit::of);
    }

    /** The part a parsed notebook is, or empty when it has no 911 record. */
    static Optional<Part> of(Notebook book) {
        return Optional.ofNullable(book.split()).map(split -> new Part(split.dataId(), split.count(), split.number(),
                book.header() != null && !book.file().rejected() && book.patient() != null && !hasOrphans(book)));
    }

    /** Whether anything needs a record that came before it (a 201 without its 5, a 31 without its 3). */
    private static boolean hasOrphans(Notebook book) {
        return book.strays().stream().flatMap(s -> s.firstError().stream())
                .anyMatch(p -> p.code().equals("jahis.record.orphan"));
    }

    /** Joins parts given as bytes; problems name them {@code part 1}, {@code part 2} … in list order. */
    public static SplitJoin join(List<byte[]> parts) {
        return joinFiles(IntStream.range(0, parts.size()).mapToObj(i -> SourceFile.of("part " + (i + 1), parts.get(i))).toList());
    }

    /**
     * Joins a complete set of parts, in any order: part by part number, the first header and patient
     * record kept, the others (when equal) and every 911 dropped.
     */
    public static SplitJoin joinFiles(List<SourceFile> parts) {
        if (parts.isEmpty()) {
            return new NotJoined(JahisProblems.of(Location.file(""), "jahis.split.none"));
        }
        List<Piece> pieces = new ArrayList<>();
        for (SourceFile part : parts) {
            Optional<String> text = JahisCharsets.decode(part.bytes());
            if (text.isEmpty()) {
                return new NotJoined(JahisProblems.of(Location.file(part.name()), "jahis.encoding"));
            }
            Notebook book = JahisParser.parse(part.name(), text.get());
            if (book.split() == null) {
                return new NotJoined(JahisProblems.of(Location.file(part.name()), "jahis.split.missing"));
            }
            pieces.add(new Piece(part.name(), book, RawRecord.split(text.get())));
        }
        Optional<NotJoined> mismatch = SplitChecks.mismatch(pieces.stream().map(p -> p.book).toList());
        if (mismatch.isPresent()) {
            return mismatch.get();
        }
        pieces.sort(Comparator.comparingInt(p -> p.book.split().number()));
        return new Joined(pieces.getFirst().book.split().dataId(), joined(pieces));
    }

    private static byte[] joined(List<Piece> pieces) {
        String header = null;
        RawRecord patient = null;
        List<String> body = new ArrayList<>();
        for (Piece piece : pieces) {
            for (RawRecord line : piece.lines) {
                if (Header.looksLikeHeader(line)) {
                    header = header == null ? line.text() : header;
                } else if (line.number().equals("1") && patient == null) {
                    patient = line;
                } else if (line.number().equals("1") && !patient.fields().equals(line.fields())) {
                    body.add(line.text());
                } else if (!line.number().equals("1") && !line.number().equals("911")) {
                    body.add(line.text());
                }
            }
        }
        List<String> lines = new ArrayList<>();
        Optional.ofNullable(header).ifPresent(lines::add);
        Optional.ofNullable(patient).map(RawRecord::text).ifPresent(lines::add);
        lines.addAll(body);
        return (String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8);
    }
}
