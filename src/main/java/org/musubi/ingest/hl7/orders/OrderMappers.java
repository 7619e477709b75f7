package org.musubi.ingest.hl7.orders;

import java.util.Map;
import org.musubi.ingest.hl7.MessageMapper;
import org.musubi.ingest.hl7.orders.medication.AdministrationMapper;
import org.musubi.ingest.hl7.orders.medication.PrescriptionMapper;
import org.musubi.ingest.hl7.orders.results.ResultMapper;
import org.musubi.ingest.hl7.orders.services.DietOrderMapper;
import org.musubi.ingest.hl7.orders.services.ImagingMapper;
import org.musubi.ingest.hl7.orders.services.ServiceCategory;
import org.musubi.ingest.hl7.orders.services.ServiceOrderMapper;
import org.musubi.ingest.results.ResultKind;

/**
 * The order and result mappers by SS-MIX2 data type (the storage's data-type folder). Mappers hold no
 * state: one map serves all threads.
 */
public final class OrderMappers {

    private static final Map<String, MessageMapper> BY_DATA_TYPE = Map.ofEntries(
            Map.entry("OMP-01", new PrescriptionMapper(false)),
            Map.entry("OMP-02", new PrescriptionMapper(true)),
            Map.entry("OMP-11", new AdministrationMapper(false)),
            Map.entry("OMP-12", new AdministrationMapper(true)),
            Map.entry("OML-01", new ServiceOrderMapper(ServiceCategory.LABORATORY)),
            Map.entry("OML-11", new ResultMapper(ResultKind.LABORATORY)),
            Map.entry("OMG-01", new ServiceOrderMapper(ServiceCategory.RADIOLOGY)),
            Map.entry("OMG-02", new ServiceOrderMapper(ServiceCategory.ENDOSCOPY)),
            Map.entry("OMG-03", new ServiceOrderMapper(ServiceCategory.PHYSIOLOGY)),
            Map.entry("OMG-11", new ImagingMapper(ServiceCategory.RADIOLOGY)),
            Map.entry("OMG-12", new ImagingMapper(ServiceCategory.ENDOSCOPY)),
            Map.entry("OMG-13", new ResultMapper(ResultKind.PHYSIOLOGY)),
            Map.entry("OMD", new DietOrderMapper()));

    private OrderMappers() {
    }

    /** Keys OMP-01, OMP-02, OMP-11, OMP-12, OML-01, OML-11, OMG-01, OMG-02, OMG-03, OMG-11, OMG-12, OMG-13, OMD. */
    public static Map<String, MessageMapper> byDataType() {
        return BY_DATA_TYPE;
    }

    /** Lab results (OUL^R22, ORU^R01) from any sender, as SS-MIX2's OML-11 maps them. */
    public static MessageMapper labResults() {
        return BY_DATA_TYPE.get("OML-11");
    }
}
