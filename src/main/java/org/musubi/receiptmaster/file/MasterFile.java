package org.musubi.receiptmaster.file;

import java.util.List;
import java.util.Set;
import org.musubi.receiptmaster.MasterEntry;
import org.musubi.receiptmaster.MasterKind;

/** What a master file held: its entries (at most one per code), the masters they belong to, and the rows refused. */
public record MasterFile(String fileName, List<MasterEntry> entries, Set<MasterKind> kinds, List<MasterFileProblem> problems) {

    public MasterFile {
        entries = List.copyOf(entries);
        kinds = Set.copyOf(kinds);
        problems = List.copyOf(problems);
    }
}
