package org.musubi.ingest.uke;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.musubi.ingest.adapter.Location;
import org.musubi.ingest.adapter.MappingContext;
import org.musubi.ingest.adapter.ParseResult;
import org.musubi.ingest.adapter.Problem;
import org.musubi.ingest.adapter.ReplacedScope;
import org.musubi.ingest.adapter.SourceFile;
import org.musubi.ingest.adapter.SourceReader;
import org.musubi.receiptmaster.ReceiptMaster;

/**
 * UKE files: the monthly receipts of the レセプト電算処理システム (記録条件仕様 医科, DPC and 調剤; {@code docs/no-ehr.md}).
 * A file is Shift_JIS (Windows-31J) text, one record per line (CR LF), fields separated by commas, the first field the
 * record type: a header (IR; 調剤 YK), then per receipt an RE followed by its records, then the trailer GO. Each receipt
 * is one source record ({@link Receipt}), read as the file streams by; a receipt that cannot be taken is rejected
 * alone, naming file, line, record type and field, and the receipts after it are still read.
 */
public final class UkeReader implements SourceReader {

    private static final Charset SHIFT_JIS = Charset.forName("windows-31j");
    /** A longer line is not a UKE record (the longest, TO with its 31 day columns and comments, is well under 2 KB). */
    private static final int MAX_LINE = 64 * 1024;

    private final ReceiptMaster master;

    /** A reader that names the codes it stores from {@code master} (the server's: the loaded receipt masters). */
    public UkeReader(ReceiptMaster master) {
        this.master = master;
    }

    /** A reader with no receipt master: every code is stored unnamed, each receipt warned of it. */
    public UkeReader() {
        this(ReceiptMaster.of(List.of()));
    }

    @Override
    public void read(SourceFile file, MappingContext context, Consumer<ParseResult> results) {
        Location whole = Location.file(file.name());
        try (InputStream in = file.content().open()) {
            new Pass(file.name(), context, results, new ReceiptNames(master)).run(in);
        } catch (IOException e) {
            results.accept(UkeProblems.rejected(whole, "uke.unreadable", String.valueOf(e.getMessage())));
        }
    }

    /**
     * A whole claim month's file to one payer replaces that month's receipts of the facility to that payer (its
     * version prefix {@code <請求年月>#<審査支払機関><kind>:}, {@link ReceiptRecord#scopeLetter}): a receipt sent for the
     * month before and not any more is taken back (取り下げ), while receipts of other claim months stay (a 返戻 never
     * re-claimed, a 再請求 in a later month). Only for a file that ends with its trailer (GO) and whose every receipt
     * was read, all of one claim month, payer and kind; never for a file with DPC receipts (a DPC hospital's DPC and
     * 出来高 receipts may come in one file or two, so neither can say it holds all of the month), nor for one volume of a
     * month sent in several (マルチボリューム識別情報 other than 00).
     */
    @Override
    public Optional<ReplacedScope> replaces(SourceFile file, List<ParseResult> results) {
        Set<String> scopes = new HashSet<>();
        for (ParseResult result : results) {
            if (!(result instanceof ParseResult.Parsed p) || p.version() == null || !p.recordKey().startsWith("uke:")
                    || p.version().indexOf(':') < 0) {
                return Optional.empty();
            }
            scopes.add(p.version().substring(0, p.version().indexOf(':') + 1));
        }
        if (scopes.size() != 1 || scopes.iterator().next().endsWith("D:") || !endsWithTrailer(file)
                || !singleVolume(file)) {
            return Optional.empty();
        }
        return Optional.of(new ReplacedScope("uke:", scopes.iterator().next()));
    }

    /**
     * Whether the file is the whole month in one volume: its header's マルチボリューム識別情報 (IR field 9, YK field 8) is
     * 00 or empty.
     */
    static boolean singleVolume(SourceFile file) {
        byte[] first = new byte[4096];
        int length = 0;
        try (InputStream in = file.content().open()) {
            int b;
            while (length < first.length && (b = in.read()) != -1 && b != '\n') {
                first[length++] = (byte) b;
            }
        } catch (IOException e) {
            return false;
        }
        String[] fields = new String(first, 0, length, SHIFT_JIS).strip().split(",", -1);
        int at = fields[0].equals("IR") ? 8 : fields[0].equals("YK") ? 7 : -1;
        if (at < 0) {
            return false;
        }
        String volume = at < fields.length ? fields[at].strip() : "";
        return volume.isEmpty() || volume.equals("00");
    }

    /** Whether the file's last record is the trailer GO (a file cut short replaces nothing). */
    static boolean endsWithTrailer(SourceFile file) {
        byte[] tail = new byte[256];
        int kept = 0;
        try (InputStream in = file.content().open()) {
            byte[] block = new byte[64 * 1024];
            int read;
            while ((read = in.read(block)) != -1) {
                if (read >= tail.length) {
                    System.arraycopy(block, read - tail.length, tail, 0, tail.length);
                    kept = tail.length;
                } else if (read > 0) {
                    int keep = Math.min(kept, tail.length - read);
                    System.arraycopy(tail, kept - keep, tail, 0, keep);
                    System.arraycopy(block, 0, tail, keep, read);
                    kept = keep + read;
                }
            }
        } catch (IOException e) {
            return false;
        }
        int end = kept;
        while (end > 0 && (tail[end - 1] == '\n' || tail[end - 1] == '\r' || tail[end - 1] == 0x1A)) {
            end--;
        }
        int start = end;
        while (start > 0 && tail[start - 1] != '\n') {
            start--;
        }
        String last = new String(tail, start, end - start, java.nio.charset.StandardCharsets.US_ASCII);
        return last.equals("GO") || last.startsWith("GO,");
    }

    /** One reading of one file: the header, then each receipt as its lines come. */
    private static final class Pass {

        private final String name;
        private final MappingContext context;
        private final Consumer<ParseResult> results;
        private final ReceiptNames names;
        private final CharsetDecoder decoder = SHIFT_JIS.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        private UkeHeader header;
        private boolean refused;
        private boolean ended;
        private Receipt receipt;

        Pass(String name, MappingContext context, Consumer<ParseResult> results, ReceiptNames names) {
            this.name = name;
            this.context = context;
            this.results = results;
            this.names = names;
        }

        void run(InputStream in) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
            byte[] block = new byte[64 * 1024];
            int number = 0;
            int read;
            boolean any = false;
            while ((read = in.read(block)) != -1) {
                any |= read > 0;
                int start = 0;
                for (int i = 0; i < read; i++) {
                    if (block[i] == '\n') {
                        bytes.write(block, start, i - start);
                        if (tooLong(bytes, number)) {
                            return;
                        }
                        line(++number, bytes);
                        bytes.reset();
                        start = i + 1;
                    }
                }
                bytes.write(block, start, read - start);
                if (tooLong(bytes, number)) {
                    return;
                }
            }
            if (bytes.size() > 0) {
                line(++number, bytes);
            }
            finish();
            if (!any) {
                results.accept(UkeProblems.rejected(Location.file(name), "uke.empty"));
            } else if (header == null && !refused) {
                results.accept(UkeProblems.rejected(Location.file(name), "uke.header.missing"));
            }
        }

        private boolean tooLong(ByteArrayOutputStream bytes, int number) {
            if (bytes.size() <= MAX_LINE) {
                return false;
            }
            results.accept(UkeProblems.rejected(new Location(name, number + 1, null, null), "uke.line.tooLong", MAX_LINE));
            return true;
        }

        private void line(int number, ByteArrayOutputStream raw) {
            byte[] bytes = raw.toByteArray();
            int length = bytes.length;
            while (length > 0 && (bytes[length - 1] == '\r' || bytes[length - 1] == 0x1A)) {
                length--;
            }
            if (length == 0 || refused) {
                return;
            }
            String text;
            try {
                text = decoder.reset().decode(ByteBuffer.wrap(bytes, 0, length)).toString();
            } catch (CharacterCodingException e) {
                Location where = new Location(name, number, null, null);
                if (receipt != null) {
                    receipt.broken(UkeProblems.problem(where, "uke.encoding"));
                } else {
                    results.accept(UkeProblems.rejected(where, "uke.encoding"));
                }
                return;
            }
            take(UkeLine.parse(number, text), text);
        }

        private void take(UkeLine line, String text) {
            if (header == null) {
                header(line, text);
                return;
            }
            switch (line.type()) {
                case "RE" -> {
                    finish();
                    receipt = new Receipt(name, header, line, text);
                }
                case "GO" -> {
                    finish();
                    ended = true;
                }
                case "IR", "YK" -> results.accept(UkeProblems.rejected(new Location(name, line.number(), line.type(), null),
                        "uke.header.again", text));
                default -> {
                    if (receipt != null) {
                        receipt.add(line, text);
                    } else {
                        results.accept(UkeProblems.rejected(new Location(name, line.number(), line.type(), null),
                                ended ? "uke.afterTrailer" : "uke.outsideReceipt", text));
                    }
                }
            }
        }

        private void header(UkeLine line, String text) {
            Location where = new Location(name, line.number(), line.type(), null);
            if (!line.type().equals("IR") && !line.type().equals("YK")) {
                results.accept(UkeProblems.rejected(where, "uke.header.missing"));
                refused = true;
                return;
            }
            try {
                header = UkeHeader.of(line);
            } catch (UkeFault fault) {
                results.accept(UkeProblems.rejected(fault, name, text));
                refused = true;
                return;
            }
            String own = context.institutionCode();
            if (!own.isBlank() && !own.equals(header.institutionCode())) {
                results.accept(UkeProblems.rejected(where.field("医療機関コード"), "uke.header.otherFacility",
                        header.institutionCode()));
                header = null;
                refused = true;
            }
        }

        private void finish() {
            if (receipt != null) {
                results.accept(receipt.map(context, names));
                receipt = null;
            }
        }
    }

    /** The lines of one receipt, RE first, and whatever made it unreadable. */
    static final class Receipt {

        private final String file;
        private final UkeHeader header;
        private final List<UkeLine> lines = new ArrayList<>();
        private final StringBuilder raw = new StringBuilder();
        private Problem broken;

        Receipt(String file, UkeHeader header, UkeLine re, String text) {
            this.file = file;
            this.header = header;
            add(re, text);
        }

        void add(UkeLine line, String text) {
            lines.add(line);
            raw.append(text).append("\r\n");
        }

        void broken(Problem problem) {
            if (broken == null) {
                broken = problem;
            }
        }

        ParseResult map(MappingContext context, ReceiptNames names) {
            if (broken != null) {
                return new ParseResult.Rejected(broken, raw.toString());
            }
            try {
                return ReceiptRecord.map(file, header, lines, context, names);
            } catch (UkeFault fault) {
                return UkeProblems.rejected(fault, file, raw.toString());
            } catch (RuntimeException e) {
                return new ParseResult.Rejected(UkeProblems.problem(new Location(file, lines.getFirst().number(), "RE", null),
                        "uke.internal", e.getClass().getSimpleName()), raw.toString());
            }
        }
    }
}
