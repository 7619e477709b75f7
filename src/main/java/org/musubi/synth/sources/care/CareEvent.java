package org.musubi.synth.sources.care;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.musubi.synth.fhir.ClinicalCodes;

/**
 * Something that happened in a person's care at one facility and that its system records as one
 * SS-MIX2 message (two when an order is later updated or deleted). {@code at} is when the message
 * was sent.
 */
public sealed interface CareEvent {

    LocalDateTime at();

    /** The patient registered (ADT-00). */
    record Registration(LocalDateTime at) implements CareEvent {
    }

    /** An outpatient visit (ADT-12). */
    record Visit(LocalDateTime at) implements CareEvent {
    }

    /** An admission to a ward (ADT-22). */
    record Admission(LocalDateTime at, Ward ward) implements CareEvent {
    }

    /** A discharge from the ward (ADT-52). */
    record Discharge(LocalDateTime at, Ward ward) implements CareEvent {
    }

    /** The problem list as it stood at {@code at} (PPR-01); {@code superseded} when a later one replaced it. */
    record Problems(LocalDateTime at, List<Problem> problems, boolean superseded) implements CareEvent {
        public Problems {
            problems = List.copyOf(problems);
        }
    }

    /** An outpatient prescription (OMP-01), dispensed outside at a pharmacy. */
    record Prescription(Order order, List<ClinicalCodes.Drug> drugs, int days) implements CareEvent {
        public Prescription {
            drugs = List.copyOf(drugs);
        }

        @Override
        public LocalDateTime at() {
            return order.at();
        }
    }

    /** One day's drips and injections on the ward (OMP-02). */
    record Injections(Order order, List<ClinicalCodes.Injection> drugs, Ward ward) implements CareEvent {
        public Injections {
            drugs = List.copyOf(drugs);
        }

        @Override
        public LocalDateTime at() {
            return order.at();
        }
    }

    /** Laboratory results of one specimen collection (OML-11); {@code ward} is null for outpatients. */
    record LabReport(Order order, LocalDateTime collected, List<LabValue> values, Ward ward) implements CareEvent {
        public LabReport {
            values = List.copyOf(values);
        }

        @Override
        public LocalDateTime at() {
            return order.at();
        }
    }

    /** An order's number, when it was sent, and whether it was later updated or deleted (and when). */
    record Order(String number, LocalDateTime at, Revision revision, LocalDateTime revisedAt) {
    }

    enum Revision {
        NONE, UPDATED, DELETED
    }

    /** Ward, room and bed of an inpatient, and when they were admitted. */
    record Ward(String ward, String room, String bed, LocalDateTime admitted) {
    }

    /** One laboratory result. */
    record LabValue(ClinicalCodes.Lab lab, double value) {
    }

    /**
     * A diagnosis on the problem list: its MEDIS codes, ICD-10, onset, the day it was recorded (on
     * admission or in outpatients), whether it is the main diagnosis or only suspected, and the day it
     * resolved (null while it lasts).
     */
    record Problem(String instanceId, String medisKey, String exchangeCode, String icd10, String name,
                   LocalDate onset, LocalDate recorded, boolean onAdmission, boolean main, boolean suspected,
                   LocalDate resolved) {
    }
}
