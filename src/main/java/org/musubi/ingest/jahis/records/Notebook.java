package org.musubi.ingest.jahis.records;

import java.util.ArrayList;
import java.util.List;
import org.musubi.ingest.jahis.records.JahisRecord.Memo;
import org.musubi.ingest.jahis.records.JahisRecord.PatientInfo;
import org.musubi.ingest.jahis.records.JahisRecord.PatientNote;
import org.musubi.ingest.jahis.records.JahisRecord.SplitControl;

/**
 * A JAHIS TC text read into its parts. {@link #file} holds the header, the patient record and what
 * concerns the file as a whole (unknown records, 701); an error there rejects the file. Every other
 * part has a scope of its own, and {@link #strays} are records rejected alone (no parent, a broken 911).
 */
public final class Notebook {

    /** A note (2) or memo (4), taken or rejected alone. */
    public record Item<T extends JahisRecord>(T record, Scope scope) {
    }

    final String fileName;
    final Scope file = new Scope();
    final List<Item<PatientNote>> notes = new ArrayList<>();
    final List<OtcItem> otcs = new ArrayList<>();
    final List<Item<Memo>> memos = new ArrayList<>();
    final List<Dispensing> dispensings = new ArrayList<>();
    final List<Scope> strays = new ArrayList<>();
    Header header;
    PatientInfo patient;
    SplitControl split;

    Notebook(String fileName) {
        this.fileName = fileName;
    }

    public String fileName() {
        return fileName;
    }

    public Scope file() {
        return file;
    }

    public List<Item<PatientNote>> notes() {
        return notes;
    }

    public List<OtcItem> otcs() {
        return otcs;
    }

    public List<Item<Memo>> memos() {
        return memos;
    }

    public List<Dispensing> dispensings() {
        return dispensings;
    }

    public List<Scope> strays() {
        return strays;
    }

    public Header header() {
        return header;
    }

    public PatientInfo patient() {
        return patient;
    }

    public SplitControl split() {
        return split;
    }
}
