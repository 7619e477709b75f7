package org.musubi.carenet.municipal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.musubi.policy.Deny;
import org.musubi.policy.Interaction;
import org.musubi.record.Reader;
import org.musubi.registry.User;

/** A hospital holding the record sends the 退院時情報共有 sheet to a care manager. */
public final class SendDischargeSheet {

    private final MunicipalDocuments documents;
    private final RecordEntries entries;
    private final MunicipalDocuments.Settings settings;

    public SendDischargeSheet(MunicipalDocuments documents) {
        this.documents = documents;
        this.entries = documents.entries();
        this.settings = documents.settings();
    }

    /** A hospital holding the record sends the sheet to a care manager; faults when it cannot. */
    public MunicipalDocuments.Outcome<UUID> sendSheet(Reader by, long personId, long careManagerUserId,
                                              Map<String, List<String>> fields) {
        if (settings.readOnly().getAsBoolean()) {
            return MunicipalDocuments.Outcome.fault(MunicipalDocuments.STANDBY);
        }
        if (!documents.holds(by, personId)) {
            documents.refuseFor(by, personId, Deny.NO_STANDING);
            return MunicipalDocuments.Outcome.fault(MunicipalDocuments.NOT_OUR_PATIENT);
        }
        Optional<User> manager = settings.parties().staff(careManagerUserId, DocumentKind.DISCHARGE_SHEET.addresseeReaders())
                .filter(u -> !u.actingFacilityId().equals(Optional.ofNullable(by.facilityId())));
        if (manager.isEmpty()) {
            return MunicipalDocuments.Outcome.fault(MunicipalDocuments.CARE_MANAGER);
        }
        FormAnswers.Filled filled = FormAnswers.fill(DocumentKind.DISCHARGE_SHEET.form(), fields);
        if (!filled.faults().isEmpty()) {
            return MunicipalDocuments.Outcome.form(filled.faults());
        }
        UUID id = UUID.randomUUID();
        String author = settings.parties().name(by.userId());
        String json = MunicipalDocuments.FHIR.newJsonParser().encodeResourceToString(filled.response());
        Interaction<RecordEntries.Entered> entered = entries.response(by, personId, id, filled.response(), author,
                (ref, own) -> documents.insert(new MunicipalDocument(id, DocumentKind.DISCHARGE_SHEET, personId,
                        by.facilityId(), by.userId(), manager.get().actingFacilityId().orElseThrow(), manager.get().id(),
                        DocumentStatus.RECEIVED, null, own.nameKanji().isBlank()
                                ? MunicipalDocuments.name(own.familyKana(), own.givenKana()) : own.nameKanji(),
                        MunicipalDocuments.name(own.familyKana(), own.givenKana()),
                        own.birthDate(), null, null, null, null, json, null, ref, author, settings.clock().instant(),
                        settings.clock().instant(), null)));
        return MunicipalDocuments.entered(entered, id);
    }
}
