package org.musubi.phr.sheet;

import java.util.List;
import java.util.Objects;

/**
 * The content of an emergency sheet (命の宝箱), as entered: every text stripped, blank rows dropped. Coded answers
 * ({@link SheetChoices}) are {@code null} when not given.
 *
 * @param conditions    illnesses and operations, current and past
 * @param medicines     what the person takes now (prefilled from the dispensing record, editable)
 * @param allergies     drugs, foods and other things, with the reaction (prefilled from the facilities' records, editable)
 * @param familyDoctor  かかりつけ医
 * @param hospital      かかりつけ病院 (and the patient number on its card)
 * @param contacts      whom to call, in order
 * @param careLevel     要介護度
 * @param bloodAbo      ABO blood group
 * @param bloodRh       Rh
 * @param acpWish       what the person wants about life-prolonging treatment
 * @param acpNote       the person's own words about it
 * @param acpConfidant  who knows the person's wishes
 * @param paperLocation where the paper sheet (the 宝箱) is kept, e.g. 冷蔵庫
 * @param notes         anything else
 * @param photos        photos of the paper form
 */
public record EmergencySheet(List<Condition> conditions, List<Medicine> medicines, List<Allergy> allergies,
                             Doctor familyDoctor, Hospital hospital, List<Contact> contacts,
                             SheetChoices.CareLevel careLevel, SheetChoices.BloodAbo bloodAbo,
                             SheetChoices.BloodRh bloodRh, SheetChoices.AcpWish acpWish, String acpNote,
                             String acpConfidant, String paperLocation, String notes, List<Photo> photos) {

    public EmergencySheet {
        conditions = List.copyOf(conditions);
        medicines = List.copyOf(medicines);
        allergies = List.copyOf(allergies);
        contacts = List.copyOf(contacts);
        photos = List.copyOf(photos);
        familyDoctor = Objects.requireNonNullElse(familyDoctor, Doctor.NONE);
        hospital = Objects.requireNonNullElse(hospital, Hospital.NONE);
        acpNote = text(acpNote);
        acpConfidant = text(acpConfidant);
        paperLocation = text(paperLocation);
        notes = text(notes);
    }

    /** A sheet with nothing in it. */
    public static EmergencySheet empty() {
        return new EmergencySheet(List.of(), List.of(), List.of(), null, null, List.of(), null, null, null, null, null,
                null, null, null, List.of());
    }

    public boolean isEmpty() {
        return equals(empty());
    }

    /** An illness or operation, since when (free text: 「2015年ごろ」), and a note. */
    public record Condition(String name, String since, String note) {
        public Condition {
            name = text(name);
            since = text(since);
            note = text(note);
        }
    }

    /** A medicine and how it is taken; {@code fromRecord} when it was taken over from the dispensing record. */
    public record Medicine(String name, String dose, boolean fromRecord) {
        public Medicine {
            name = text(name);
            dose = text(dose);
        }
    }

    /**
     * What the person reacts to and how; {@code fromRecord} when it was taken over from the allergies the facilities
     * recorded (the form's prefill), not written by the person.
     */
    public record Allergy(String substance, String reaction, boolean fromRecord) {
        public Allergy {
            substance = text(substance);
            reaction = text(reaction);
        }

        /** An allergy the person wrote themself. */
        public Allergy(String substance, String reaction) {
            this(substance, reaction, false);
        }
    }

    /** A family doctor: name, clinic, telephone. */
    public record Doctor(String name, String clinic, String phone) {
        static final Doctor NONE = new Doctor(null, null, null);

        public Doctor {
            name = text(name);
            clinic = text(clinic);
            phone = text(phone);
        }

        public boolean isEmpty() {
            return equals(NONE);
        }
    }

    /** A hospital the person is treated at: name, department, telephone, the patient number on its card. */
    public record Hospital(String name, String department, String phone, String patientNumber) {
        static final Hospital NONE = new Hospital(null, null, null, null);

        public Hospital {
            name = text(name);
            department = text(department);
            phone = text(phone);
            patientNumber = text(patientNumber);
        }

        public boolean isEmpty() {
            return equals(NONE);
        }
    }

    /** Someone to call: name, relation (長男 …), telephone. */
    public record Contact(String name, String relation, String phone) {
        public Contact {
            name = text(name);
            relation = text(relation);
            phone = text(phone);
        }
    }

    /**
     * A photo of the paper form, kept in the blob store under its SHA-256 (hex): media type, size in bytes, and the
     * resident's caption.
     */
    public record Photo(String sha256, String mediaType, long size, String caption) {
        public Photo {
            Objects.requireNonNull(sha256, "sha256");
            Objects.requireNonNull(mediaType, "mediaType");
            caption = text(caption);
        }
    }

    /** Stripped, or {@code null} when blank. */
    static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
