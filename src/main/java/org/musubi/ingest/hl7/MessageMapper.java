package org.musubi.ingest.hl7;

import java.util.List;
import org.musubi.ingest.adapter.MappedResource;

/**
 * Maps one HL7 v2 message (an SS-MIX2 data type, a lab centre's result) to FHIR resources about its
 * patient. Tolerated faults go to {@link MessageInput#warn}; a fault that makes the message unusable
 * throws {@link MessageRejected} naming the segment and field.
 */
@FunctionalInterface
public interface MessageMapper {

    List<MappedResource> map(MessageInput input) throws MessageRejected;
}
