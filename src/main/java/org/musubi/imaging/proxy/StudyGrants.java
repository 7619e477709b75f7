package org.musubi.imaging.proxy;

import java.util.Optional;
import org.musubi.imaging.studies.IndexedStudy;
import org.musubi.record.Reader;

/**
 * A study a facility was asked about by another facility — a reading request to a reading centre, a screening
 * programme's double reading — read by the asked facility's users without a link to the person, like a case
 * consultation (症例相談): the policy's consultation rule decides ({@code AccessPolicy.decideDisclosed} (kind {@code READING}): the asked
 * facility's user, the profession matrix for IMAGING, and for a study of a third facility the person's consent). Each
 * part that asks (reading, programmes) gives one bean; {@link StudyPasses} consults them before the ordinary read.
 */
public interface StudyGrants {

    /**
     * The grant by which {@code reader} may open {@code study} now, if one is open: the work item must be open, addressed
     * to a facility the reader acts for, and (for work assigned to named readers) assigned to this reader.
     */
    Optional<StudyGrant> granted(Reader reader, IndexedStudy study);

    /**
     * What a grant names for the record's read door: the person the study is about, the disclosure the study was
     * sent to the asked facility with (made from the asking facility's source patient of that person), and the asked
     * facility (which a pass's later checks hold the reader to).
     *
     * @param personId            the regional person
     * @param disclosureId        the disclosure's id ({@code policy.disclosure.Disclose#idOf})
     * @param addresseeFacilityId the facility asked (the reading centre)
     */
    record StudyGrant(long personId, long disclosureId, long addresseeFacilityId) {
    }
}
