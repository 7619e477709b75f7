package org.musubi.ingest.jahis.mapping;

import java.util.ArrayList;
import java.util.List;
import org.musubi.ingest.jahis.records.Dispensing;
import org.musubi.ingest.jahis.records.Dispensing.DispensedDrug;
import org.musubi.ingest.jahis.records.Dispensing.Prescription;
import org.musubi.ingest.jahis.records.Dispensing.Rp;
import org.musubi.medication.notebook.JahisCodes;
import org.musubi.medication.notebook.JahisDate;
import org.musubi.ingest.jahis.records.JahisRecord.Memo;
import org.musubi.ingest.jahis.records.JahisRecord.Otc;
import org.musubi.ingest.jahis.records.JahisRecord.PatientNote;

/**
 * Record keys: the same thing sent again, in another file or encoding, gets the same key; file
 * names and line numbers never enter a key. JAHIS has no IDs, so keys are made of content:
 * <ul>
 * <li>{@code jahis:patient:<local id>} for the patient record;</li>
 * <li>{@code jahis:dispense:<yyyymmdd>:<pharmacy>:<fingerprint>}: pharmacy = the 10-digit 医療機関コード,
 * or {@code n} + 8 hex digits of its name; fingerprint = 16 hex digits over the prescribing
 * institution, the doctors, the RP numbers and each drug's code (or name). Corrected quantities,
 * usages or notes keep the key (the new content replaces the old); a different drug list makes a
 * different dispensing;</li>
 * <li>{@code jahis:note:<type>:<hash of content>}, {@code jahis:otc:<hash of name, JAN, start date>},
 * {@code jahis:memo:<hash of input date, content>}: an item seen again is the same item, and one not
 * sent again is never deleted (each item is its own record).</li>
 * </ul>
 */
final class RecordKeys {

    private RecordKeys() {
    }

    static String patient(String localId) {
        return "jahis:patient:" + localId;
    }

    static String note(PatientNote note) {
        return "jahis:note:" + note.type() + ":" + ContentHash.of(16, note.content());
    }

    static String otc(Otc otc) {
        return "jahis:otc:" + ContentHash.of(16, otc.name(), otc.janCode(), String.valueOf(otc.start()));
    }

    static String memo(Memo memo) {
        return "jahis:memo:" + ContentHash.of(16, String.valueOf(memo.inputDate()), memo.content());
    }

    static String dispensing(Dispensing block) {
        return "jahis:dispense:" + JahisDate.format(block.date().date()) + ":" + pharmacy(block) + ":" + fingerprint(block);
    }

    private static String pharmacy(Dispensing block) {
        if (block.pharmacy() == null) {
            return "none";
        }
        String code = Parties.institutionNumber(block.pharmacy().prefecture(), block.pharmacy().feeTable(), block.pharmacy().code());
        return code != null ? code : "n" + ContentHash.of(8, block.pharmacy().name());
    }

    private static String fingerprint(Dispensing block) {
        List<String> parts = new ArrayList<>();
        if (block.institution() != null) {
            String code = Parties.institutionNumber(block.institution().prefecture(), block.institution().feeTable(),
                    block.institution().code());
            parts.add(code != null ? code : block.institution().name());
        }
        for (Prescription prescription : block.prescriptions()) {
            parts.add("55:" + (prescription.doctor() == null ? "" : prescription.doctor().name()));
            for (Rp rp : prescription.rps().values()) {
                parts.add("rp:" + rp.number());
                for (DispensedDrug drug : rp.drugs()) {
                    boolean coded = JahisCodes.CODED_DRUG_TYPES.contains(drug.drug().codeType());
                    parts.add(coded ? drug.drug().codeType() + ":" + drug.drug().code() : drug.drug().name());
                }
            }
        }
        return ContentHash.of(16, parts.toArray(String[]::new));
    }
}
