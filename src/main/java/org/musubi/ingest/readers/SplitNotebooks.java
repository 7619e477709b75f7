package org.musubi.ingest.readers;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.musubi.ingest.adapter.Location;
import org.musubi.ingest.adapter.MappingContext;
import org.musubi.ingest.adapter.ParseResult;
import org.musubi.ingest.adapter.Problem;
import org.musubi.ingest.adapter.ProblemTexts;
import org.musubi.ingest.adapter.SourceFile;
import org.musubi.ingest.adapter.SourceReader;
import org.musubi.ingest.hl7.Hl7Text;
import org.musubi.ingest.jahis.JahisReader;
import org.musubi.ingest.jahis.JahisSplit;
import org.musubi.ingest.jahis.SplitJoin;

/**
 * JAHIS notebooks split into parts for QR codes (record 911): a part is held until every part of its
 * data has come, then the parts are read joined, so that a dispensing cut between two parts is stored
 * whole and only once. A held part stores nothing but its patient (with a warning naming the parts still
 * missing); a part whose 911 disagrees with the parts held is rejected. Whole files are read as they are.
 */
public final class SplitNotebooks implements SourceReader {

    private static final ProblemTexts TEXTS = new ProblemTexts("org.musubi.ingest.messages");
    /** Split parts are read under one of these locks, chosen by institution and data id. */
    private static final Object[] LOCKS = IntStream.range(0, 64).mapToObj(i -> new Object()).toArray();
    private final JahisReader reader;
    private final HeldParts held;

    public SplitNotebooks(JahisReader reader, HeldParts held) {
        this.reader = reader;
        this.held = held;
    }

    /**
     * Files with a 911 record (split parts): which part is held first decides which of two disagreeing
     * parts is rejected. Looked for in the bytes, so the file is parsed once, on the reading thread.
     */
    @Override
    public boolean readsInOrder(SourceFile file) {
        return JahisSplit.hasSplitRecord(file.bytes());
    }

    @Override
    public void read(SourceFile file, MappingContext context, Consumer<ParseResult> results) {
        byte[] bytes = file.bytes();
        JahisReader.Opened opened = reader.open(SourceFile.of(file.name(), bytes));
        Optional<JahisSplit.Part> part = opened.part();
        if (part.isEmpty() || part.get().count() <= 1) {
            reader.read(opened, context, results); // parsed once: asked for its part, then mapped
            return;
        }
        JahisSplit.Part p = part.get();
        // parts are read in order within a batch (readsInOrder), but batches of the same pharmacy may
        // run at once: looking at the held parts and holding one more happen together
        synchronized (LOCKS[Math.floorMod((context.institutionCode() + "\u0000" + p.dataId()).hashCode(), LOCKS.length)]) {
            readPart(file, bytes, p, context, results);
        }
    }

    private void readPart(SourceFile file, byte[] bytes, JahisSplit.Part p, MappingContext context,
                          Consumer<ParseResult> results) {
        List<HeldParts.Part> before = held.parts(context.institutionCode(), p.dataId());
        if (before.stream().anyMatch(h -> h.count() != p.count())) {
            List<byte[]> all = new ArrayList<>(before.stream().map(HeldParts.Part::content).toList());
            all.add(bytes);
            if (JahisSplit.join(all) instanceof SplitJoin.NotJoined refused) {
                reject(file, bytes, refused.problem(), results);
                return;
            }
        }
        List<HeldParts.Part> parts = held.hold(context.institutionCode(), p.dataId(), p.count(), p.number(), bytes);
        if (parts.size() < p.count()) {
            heldOnly(file, bytes, context, p, parts, results);
            return;
        }
        switch (JahisSplit.join(parts.stream().map(HeldParts.Part::content).toList())) {
            case SplitJoin.Joined whole -> {
                held.release(context.institutionCode(), p.dataId());
                reader.read(SourceFile.of(file.name() + " (+" + (p.count() - 1) + " parts of " + p.dataId() + ")",
                        whole.bytes()), context, results);
            }
            case SplitJoin.NotJoined refused -> reject(file, bytes, refused.problem(), results);
        }
    }

    private static void reject(SourceFile file, byte[] bytes, Problem problem, Consumer<ParseResult> results) {
        results.accept(new ParseResult.Rejected(new Problem(Location.file(file.name()).field("911"), problem.code(),
                problem.japanese(), problem.english()), Hl7Text.decode(bytes)
                .map(Hl7Text.Decoded::text).orElse(new String(bytes, StandardCharsets.ISO_8859_1))));
    }

    /** The part's patient only, with a warning: its dispensings wait for the other parts. */
    private void heldOnly(SourceFile file, byte[] bytes, MappingContext context, JahisSplit.Part p,
                          List<HeldParts.Part> parts, Consumer<ParseResult> results) {
        List<Integer> missing = new ArrayList<>();
        for (int n = 1; n <= p.count(); n++) {
            int number = n;
            if (parts.stream().noneMatch(h -> h.number() == number)) {
                missing.add(n);
            }
        }
        Problem waiting = TEXTS.problem(Location.file(file.name()).field("911"), "ingest.splitHeld", p.number(), p.count(),
                p.dataId(), missing.toString());
        // the part's own patient; a part cut from the middle of the data has none: then a held part's patient
        List<byte[]> sources = new ArrayList<>();
        sources.add(bytes);
        parts.stream().filter(h -> h.number() != p.number()).map(HeldParts.Part::content).forEach(sources::add);
        for (byte[] source : sources) {
            ParseResult.Parsed patient = patientOnly(source, file.name(), context);
            if (patient != null) {
                List<Problem> warnings = new ArrayList<>(source == bytes ? patient.warnings() : List.of());
                warnings.add(waiting);
                results.accept(new ParseResult.Parsed(source == bytes ? patient.where() : waiting.where(),
                        patient.recordKey(), patient.version(), patient.action(), patient.patient(),
                        patient.patientResource(), patient.authoritative(), List.of(), warnings));
                return;
            }
        }
        // no part held so far names the patient: the part is kept all the same, and the batch says so
        reject(file, bytes, waiting, results);
    }

    /** The patient-only record the data names, or null when it names no patient that can be read. */
    private ParseResult.Parsed patientOnly(byte[] bytes, String name, MappingContext context) {
        ParseResult.Parsed[] found = new ParseResult.Parsed[1];
        reader.read(SourceFile.of(name, bytes), context, result -> {
            if (found[0] == null && result instanceof ParseResult.Parsed parsed && parsed.resources().isEmpty()
                    && parsed.recordKey().startsWith("jahis:patient:")) {
                found[0] = parsed;
            }
        });
        return found[0];
    }
}
