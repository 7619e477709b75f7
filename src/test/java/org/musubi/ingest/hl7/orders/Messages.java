package org.musubi.ingest.hl7.orders;

import java.util.List;
import org.hl7.fhir.r4.model.Resource;
import org.musubi.ingest.adapter.MappedResource;
import org.musubi.ingest.adapter.MappingContext;
import org.musubi.ingest.hl7.Hl7Parsing;
import org.musubi.ingest.hl7.MessageInput;
import org.musubi.ingest.hl7.MessageRejected;

/** Test fixtures: a facility, inline messages, and mapping one through a data type's mapper. */
public final class Messages {

    public static final MappingContext FACILITY = new MappingContext("3412345678", "テスト病院");
    public static final String MSH = "MSH|^~\\&|HIS123|SEND|GW|RCV|20111220103059||%s|1|P|2.5||||||~ISO IR87||ISO 2022-1994";
    public static final String PID = "PID|0001||9999013^^^^PI||患者^太郎^^^^^L^I~カンジャ^タロウ^^^^^L^P||19480405|M";
    private static final Hl7Parsing PARSING = new Hl7Parsing();

    private Messages() {
    }

    public static String message(String type, String... segments) {
        return MSH.formatted(type) + "\r" + PID + "\r" + String.join("\r", segments) + "\r";
    }

    public static MessageInput input(String dataType, String text) {
        try {
            return new MessageInput(PARSING.parse(text), FACILITY, "ssmix2:" + dataType + ":1", "file-" + dataType);
        } catch (Hl7Parsing.Hl7Failure e) {
            throw new IllegalArgumentException(e);
        }
    }

    public static List<MappedResource> map(MessageInput input, String dataType) throws MessageRejected {
        return OrderMappers.byDataType().get(dataType).map(input);
    }

    public static List<MappedResource> map(String dataType, String text) throws MessageRejected {
        return map(input(dataType, text), dataType);
    }

    @SuppressWarnings("unchecked")
    public static <T extends Resource> List<T> of(List<MappedResource> resources, Class<T> type) {
        return resources.stream().map(MappedResource::resource).filter(type::isInstance).map(r -> (T) r).toList();
    }
}
