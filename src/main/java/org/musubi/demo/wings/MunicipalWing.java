package org.musubi.demo.wings;

import java.util.Optional;
import java.util.UUID;
import org.musubi.carenet.municipal.MunicipalDocuments;
import org.musubi.carenet.municipal.RequestOpinion;
import org.musubi.registry.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A municipal document: the municipality's public-health nurse, handling the elderly resident's application for
 * long-term care certification, asks the clinic's doctor for the attending physician's opinion (主治医意見書), due in two
 * weeks; it waits in the doctor's list.
 */
final class MunicipalWing {

    private static final Logger log = LoggerFactory.getLogger(MunicipalWing.class);

    private final RequestOpinion documents;

    MunicipalWing(RequestOpinion documents) {
        this.documents = documents;
    }

    /** The request sent; empty when it was refused (logged). */
    Optional<UUID> tell(WingContext c, User officer, User doctor, long personId) {
        MunicipalDocuments.Outcome<UUID> asked = c.actAs().user(officer.id(), () -> documents.request(c.reader(officer),
                new MunicipalDocuments.Request(personId, doctor.id(), c.today().plusDays(14), "NEW", "0000012345",
                        "要介護認定の新規申請です。主治医意見書の作成をお願いいたします。")));
        if (!asked.ok()) {
            log.warn("Demo municipal: the opinion was not requested: {}", asked.faults());
            return Optional.empty();
        }
        return Optional.of(asked.value());
    }
}
