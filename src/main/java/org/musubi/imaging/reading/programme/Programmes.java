package org.musubi.imaging.reading.programme;

import java.util.List;
import java.util.Optional;
import org.musubi.imaging.reading.ScreeningCategory;
import org.musubi.imaging.studies.IndexedStudy;
import org.musubi.record.ReadRecords;
import org.musubi.record.WriteRecords;

/**
 * The double reading programmes and what their use cases share. Operators (network administrators) set programmes up
 * ({@link CreateProgramme}, {@link ShowProgrammeStatistics}); a screening facility's doctor submits a study ({@link
 * SubmitForDoubleReading}: decided as opening the study is, through the record's write door); the programme's readers
 * and comparers see the study and what they may of the readings through the consultation door ({@link
 * ListProgrammeWorklist}, {@link OpenProgrammeStudy}, {@link ReadProgrammeStudy}, {@link CompareReadings}; {@link
 * ReadRecords#readDisclosed}, {@link WriteRecords#answerDisclosed}: the study's ImagingStudy, nothing else of the record);
 * the final reading is a DiagnosticReport entered under the submitting facility's patient. Every door leaves one audit
 * row; an entry the caller takes no part in, a step its phase or the caller does not allow and an id nobody has all
 * answer empty after one audit row, alike.
 */
public final class Programmes {

    /** The type the audit rows of submissions and readings name (the study's ImagingStudy). */
    public static final String TYPE = "ImagingStudy";
    /** The type the audit rows of programmes name (no patient data). */
    public static final String PROGRAMME = "ReadingProgramme";
    public static final int LIST_LIMIT = 200;
    public static final int TEXT_LIMIT = 4000;

    private final ProgrammeRows rows;

    public Programmes(ProgrammeRows rows) {
        this.rows = rows;
    }

    /** An entry as a reader, a comparer or the submitter sees it: only the readings the viewer may see. */
    public record Shown(ProgrammeStudy entry, Programme programme, IndexedStudy study, Role role,
                        ScreeningCategory own, ScreeningCategory other, boolean bothShown) {
    }

    /** Who looks at an entry. */
    public enum Role { READER, COMPARER, SUBMITTER }

    /**
     * A line of a worklist or of a facility's submissions, with the study as the index holds it (its kind, date and
     * counts the list names it by; null when the index no longer has it).
     */
    public record Line(ProgrammeStudy entry, Programme programme, Role role, IndexedStudy study) {
    }

    /** Every programme (the operators' list). */
    public List<Programme> programmes() {
        return rows.programmes();
    }

    public Optional<Programme> programme(long id) {
        return rows.programme(id);
    }
}
