package org.musubi.ingest.adapter;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.hl7.fhir.r4.model.Patient;

/** What an adapter made of one source record: mapped FHIR resources, or a rejection. */
public sealed interface ParseResult permits ParseResult.Parsed, ParseResult.Rejected {

    /** What storing a parsed record does. */
    enum Action {
        /** Store the resources; resources stored before under this record key and not sent again are deleted. */
        STORE,
        /** The record was deleted at the source: every resource stored under its record key is marked deleted. */
        DELETE
    }

    /**
     * A record mapped to FHIR.
     *
     * @param recordKey the source's own key of the record (e.g. SS-MIX2 {@code ssmix2:OMP-01:20110701:000000011000185});
     *                  each resource's source key starts with it unless it is shared by several records
     *                  (an encounter written by admission and discharge messages)
     * @param version   orders versions of the same record (e.g. SS-MIX2's 17-digit 発生日時): a record whose
     *                  version is not newer than the one applied is not applied again; null when the
     *                  source has no such notion (then content decides: equal content changes nothing)
     * @param patient   who the record is about
     * @param patientResource the Patient resource as this record describes the patient (identifier with
     *                  {@link MappingContext#patientIdSystem()}, names, sex, birth date …); {@code authoritative}
     *                  when the record is the source's patient-information message (SS-MIX2 ADT-00), so
     *                  it replaces what was stored; otherwise it is stored only when nothing is yet
     * @param warnings  what was tolerated (e.g. Shift_JIS instead of ISO-2022-JP), kept with the batch; a patient whose
     *                  kana name stays whole ({@link PatientIdentity#kanaWhole()}) adds {@value #KANA_WHOLE}, for every
     *                  source alike
     * @param directory the directory resources the mapped resources refer to (pharmacy, pharmacist …),
     *                  stored once for all records and patients that name them ({@link DirectoryResource})
     */
    record Parsed(Location where, String recordKey, String version, Action action, PatientIdentity patient,
                  Patient patientResource, boolean authoritative, List<MappedResource> resources, List<Problem> warnings,
                  List<DirectoryResource> directory)
            implements ParseResult {

        /** The warning that the patient's kana name could not be split and was kept whole as the family name. */
        public static final String KANA_WHOLE = "ingest.name.kanaWhole";

        private static final ProblemTexts TEXTS = new ProblemTexts("org.musubi.ingest.adapter.messages");

        /** A record whose resources refer to no directory resource. */
        public Parsed(Location where, String recordKey, String version, Action action, PatientIdentity patient,
                      Patient patientResource, boolean authoritative, List<MappedResource> resources, List<Problem> warnings) {
            this(where, recordKey, version, action, patient, patientResource, authoritative, resources, warnings, List.of());
        }

        public Parsed {
            Objects.requireNonNull(where, "where");
            Objects.requireNonNull(recordKey, "recordKey");
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(patient, "patient");
            Objects.requireNonNull(patientResource, "patientResource");
            resources = List.copyOf(resources);
            if (patient.kanaWhole() && warnings.stream().noneMatch(w -> w.code().equals(KANA_WHOLE))) {
                List<Problem> told = new ArrayList<>(warnings);
                told.add(TEXTS.problem(where, KANA_WHOLE));
                warnings = told;
            }
            warnings = List.copyOf(warnings);
            directory = List.copyOf(directory);
        }

        /**
         * This record without its mapped resources, once they are prepared for storing: a batch holds
         * thousands of records read ahead, and their FHIR models are most of their memory.
         */
        public Parsed withoutResources() {
            return resources.isEmpty() && directory.isEmpty() ? this
                    : new Parsed(where, recordKey, version, action, patient, patientResource, authoritative, List.of(), warnings);
        }
    }

    /** A record that could not be taken: the problem, and the raw input it came from (kept for the sender). */
    record Rejected(Problem problem, String raw) implements ParseResult {

        public Rejected {
            Objects.requireNonNull(problem, "problem");
        }
    }
}
