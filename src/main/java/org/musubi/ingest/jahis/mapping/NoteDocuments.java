package org.musubi.ingest.jahis.mapping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.musubi.ingest.adapter.DirectoryResource;
import org.musubi.ingest.adapter.Location;
import org.musubi.ingest.adapter.MappedResource;
import org.musubi.ingest.adapter.Problem;
import org.musubi.ingest.jahis.records.Dispensing;
import org.musubi.ingest.jahis.records.JahisProblems;
import org.musubi.ingest.jahis.records.JahisRecord.BlockNote;
import org.musubi.record.fhir.FhirSystems;
import org.musubi.medication.notebook.Creators;

/**
 * A dispensing block without a drug (201): what it says is not a dispensing, so there is no MedicationDispense to
 * carry its notes. A hospital that hands over 医療機関等提供情報 (411, e.g. 「嚥下困難が見られるため、錠剤は粉砕して投与する」)
 * at discharge writes such a block: 5, 11 and the 411. Each note (401 服用注意, 411 医療機関等提供情報, 421 残薬確認,
 * 501 備考, 601 患者等記入) becomes a DocumentReference the viewer lists among the documents: typed by its record
 * number ({@link FhirSystems#JAHIS_RECORD}), the text as text/plain, the block's date as {@code context.period.start}
 * (a 601's input date as the attachment's creation), the institution (11) and the pharmacist or doctor (15) as
 * authors (the stored directory resources), a 411's 提供情報種別 in {@link FhirSystems#JAHIS_INFO_TYPE}.
 * Each keeps its note's 作成者 ({@link Creators}; the block's 5, 11 and 15 are written back with the first note's, a
 * different one is a warning). The 51 and 55 of such a block name a prescription that has no drug: they are not kept, with a warning
 * ({@code jahis.block.prescriberNotKept}); a block with no note either gives a warning ({@code jahis.block.empty}).
 * Source keys: {@code <record key>:note:<n>}, n counting the block's notes from 1.
 */
final class NoteDocuments {

    /** The titles of the block notes by record number, as the format names them. */
    static final Map<Integer, String> TITLES = Map.of(401, "服用注意", 411, "医療機関等提供情報", 421, "残薬確認",
            501, "備考", 601, "患者等記入");

    private NoteDocuments() {
    }

    static boolean hasNoDrug(Dispensing block) {
        return block.prescriptions().stream().allMatch(p -> p.rps().isEmpty());
    }

    static RecordMapping map(Dispensing block, String recordKey, Parties.Known known, String file) {
        List<Problem> warnings = new ArrayList<>();
        if (block.institution() != null) {
            warnings.add(notKept(file, block.institution().line(), "51"));
        }
        block.prescriptions().stream().filter(p -> p.doctor() != null)
                .forEach(p -> warnings.add(notKept(file, p.doctor().line(), "55")));
        if (block.notes().isEmpty()) {
            warnings.add(JahisProblems.of(new Location(file, block.date().line(), "5", null), "jahis.block.empty"));
            return new RecordMapping(List.of(), List.of(), warnings);
        }
        Map<String, DirectoryResource> directory = new LinkedHashMap<>();
        List<Reference> authors = new ArrayList<>();
        if (block.pharmacy() != null) {
            DirectoryResource pharmacy = known.pharmacy(block.pharmacy());
            directory.put(pharmacy.id(), pharmacy);
            authors.add(Parties.toOrganization(pharmacy));
        }
        if (block.pharmacist() != null) {
            DirectoryResource pharmacist = known.pharmacist(block.pharmacist());
            directory.put(pharmacist.id(), pharmacist);
            authors.add(Parties.toPerson(pharmacist, block.pharmacist().name()));
        }
        warnings.addAll(BlockCreators.differing(block, block.notes().getFirst().creator(), file, false));
        List<MappedResource> documents = new ArrayList<>();
        for (BlockNote note : block.notes()) {
            documents.add(new MappedResource(recordKey + ":note:" + (documents.size() + 1), document(block, note, authors)));
        }
        return new RecordMapping(documents, List.copyOf(directory.values()), warnings);
    }

    private static DocumentReference document(Dispensing block, BlockNote note, List<Reference> authors) {
        DocumentReference document = Creators.mark(ItemMapping.document(String.valueOf(note.number()),
                TITLES.get(note.number()), note.content(), note.inputDate()), note.creator());
        authors.forEach(author -> document.addAuthor(author.copy()));
        document.getContext().setPeriod(new Period().setStartElement(Notes.day(block.date().date())));
        if (!note.infoType().isEmpty()) {
            document.addExtension(FhirSystems.JAHIS_INFO_TYPE, new CodeType(note.infoType()));
        }
        return document;
    }

    private static Problem notKept(String file, int line, String record) {
        return JahisProblems.of(new Location(file, line, record, null), "jahis.block.prescriberNotKept", record);
    }
}
