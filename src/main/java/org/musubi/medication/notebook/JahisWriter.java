package org.musubi.medication.notebook;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.MedicationDispense;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.musubi.text.JisX0208;

/**
 * Writes a person's medication history as a JAHIS TC text: version 08, output direction 1, CRLF,
 * UTF-8 or Shift_JIS ({@code windows-31j}; 〜 U+301C and ～ U+FF5E both as 0x8160, and likewise the other JIS X 0208
 * characters Windows reads otherwise: {@link JisX0208}; a character it lacks is written ■, as for 外字). In order:
 * the patient (1, with the blood type and weight of the newest such Observations given: {@link BodyValues}), notes
 * (2: AllergyIntolerance, Condition, the "other" DocumentReference), OTC
 * drugs (3/31: MedicationStatement), memos (4: DocumentReference), then the dispensing blocks from
 * the MedicationDispenses and from the notes of blocks without drugs (DocumentReferences of 401 … 601), newest first. Other resource types are ignored. What the mapping took from
 * JAHIS comes back as the same records (see {@link BlockLines}); 701 and 911 are not written.
 */
public final class JahisWriter {

    private static final byte[] GETA_MARK = "■".getBytes(JahisFormat.SHIFT_JIS);
    private final Charset charset;

    /** A writer for {@code charset}: UTF-8, or Shift_JIS (either name; written as windows-31j). */
    public JahisWriter(Charset charset) {
        Objects.requireNonNull(charset, "charset");
        this.charset = charset.equals(StandardCharsets.UTF_8) ? charset : JahisFormat.SHIFT_JIS;
    }

    /**
     * The JAHIS text of {@code patient}'s {@code history}. The resources are read from copies: HAPI's
     * getters create the elements they are asked for, and the caller's resources stay as they were.
     */
    public byte[] write(Patient patient, List<? extends Resource> given) {
        return write(patient, given, Map.of());
    }

    /**
     * As {@link #write(Patient, List)}, the dispensings' pharmacy, pharmacist, institution and doctor read
     * from {@code directory} (stored resources by {@code Type/id}) where the dispensings refer to them.
     */
    public byte[] write(Patient patient, List<? extends Resource> given, Map<String, ? extends Resource> directory) {
        List<Resource> history = given.stream().<Resource>map(Resource::copy).toList();
        if (!directory.isEmpty()) {
            history.forEach(r -> DirectoryTargets.attach(r, directory));
        }
        List<String> lines = new ArrayList<>();
        lines.add(JahisFormat.PREFIX + "0" + JahisFormat.NEWEST_KNOWN + ",1");
        lines.add(PatientLines.patient(patient.copy(), BodyValues.of(history.stream()
                .filter(Observation.class::isInstance).map(Observation.class::cast).toList())));
        List<String> memos = new ArrayList<>();
        List<MedicationDispense> dispenses = new ArrayList<>();
        List<DocumentReference> blockNotes = new ArrayList<>();
        int otcs = 0;
        for (Resource resource : history) {
            switch (resource) {
                case AllergyIntolerance allergy -> lines.add(ItemLines.allergy(allergy));
                case Condition condition -> lines.add(ItemLines.history(condition));
                case DocumentReference document when ItemLines.isBlockNote(document) -> blockNotes.add(document);
                case DocumentReference document when ItemLines.document(document) != null -> {
                    String line = ItemLines.document(document);
                    (line.startsWith("4,") ? memos : lines).add(line);
                }
                case MedicationDispense dispense -> dispenses.add(dispense);
                default -> {
                }
            }
        }
        for (Resource resource : history) {
            if (resource instanceof MedicationStatement statement) {
                lines.addAll(ItemLines.otc(statement, ++otcs));
            }
        }
        lines.addAll(memos);
        DispenseBlocks.of(dispenses, blockNotes).forEach(block -> lines.addAll(BlockLines.of(block)));
        return encode(String.join("\r\n", lines) + "\r\n");
    }

    private byte[] encode(String text) {
        if (charset.equals(StandardCharsets.UTF_8)) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        text = JisX0208.toWindows(text);
        CharsetEncoder encoder = charset.newEncoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE).replaceWith(GETA_MARK);
        try {
            ByteBuffer bytes = encoder.encode(CharBuffer.wrap(text));
            byte[] out = new byte[bytes.remaining()];
            bytes.get(out);
            return out;
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("replacing encoder failed", e);
        }
    }
}
