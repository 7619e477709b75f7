package org.musubi.ingest.jahis.records;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.musubi.ingest.adapter.Problem;

/**
 * A part of a file that is taken or rejected as a whole (the file itself, one dispensing block, one
 * OTC drug with its ingredients, one note or memo, one stray record): its lines and what was found in
 * them. Any error rejects the scope; warnings go with what is taken.
 */
public final class Scope {

    private final List<RawRecord> records = new ArrayList<>();
    private final List<Finding> findings = new ArrayList<>();

    static Scope of(RawRecord raw, List<Finding> found) {
        Scope scope = new Scope();
        scope.add(raw, found);
        return scope;
    }

    void add(RawRecord raw, List<Finding> found) {
        records.add(raw);
        findings.addAll(found);
    }

    void error(Problem problem) {
        findings.add(new Finding(problem, true));
    }

    void warn(Problem problem) {
        findings.add(new Finding(problem, false));
    }

    /** The line of the first record, 0 when the scope has none. */
    public int firstLine() {
        return records.isEmpty() ? 0 : records.getFirst().line();
    }

    /** The record number of the first record, null when the scope has none. */
    public String firstNumber() {
        return records.isEmpty() ? null : records.getFirst().number();
    }

    public boolean rejected() {
        return findings.stream().anyMatch(Finding::error);
    }

    public Optional<Problem> firstError() {
        return findings.stream().filter(Finding::error).map(Finding::problem).findFirst();
    }

    public List<Problem> warnings() {
        return findings.stream().filter(f -> !f.error()).map(Finding::problem).toList();
    }

    /** The scope's lines as sent, one per line. */
    public String raw() {
        return records.stream().map(RawRecord::text).collect(Collectors.joining("\n"));
    }
}
