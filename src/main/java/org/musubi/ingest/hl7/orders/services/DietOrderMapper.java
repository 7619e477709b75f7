package org.musubi.ingest.hl7.orders.services;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.NutritionOrder;
import org.hl7.fhir.r4.model.NutritionOrder.NutritionOrderStatus;
import org.hl7.fhir.r4.model.Timing;
import org.musubi.ingest.adapter.MappedResource;
import org.musubi.ingest.adapter.SourceRefs;
import org.musubi.ingest.hl7.Hl7Segment;
import org.musubi.ingest.hl7.Hl7Values;
import org.musubi.ingest.hl7.MessageInput;
import org.musubi.ingest.hl7.MessageMapper;
import org.musubi.ingest.hl7.MessageRejected;
import org.musubi.ingest.hl7.orders.segments.OrderControl;
import org.musubi.ingest.hl7.orders.segments.OrderHeader;
import org.musubi.ingest.hl7.orders.segments.OrderProblems;
import org.musubi.ingest.hl7.orders.segments.SegmentRun;
import org.musubi.ingest.hl7.orders.segments.Timestamps;

/**
 * SS-MIX2 OMD (diet order, OMD^O03: ORC, TQ1, ODS): one NutritionOrder per order group (JP Core has no
 * profile for it). ORC-9 is its dateTime (required by FHIR: missing or unreadable rejects the message),
 * ORC-12 the orderer; each ODS by its type (ODS-1: D diet, S supplement, P preference) gives the oral
 * diet's type (ODS-3) and instructions (ODS-4, e.g. 塩分控えめ), a supplement, or a food preference;
 * TQ1 gives the diet's schedule (TQ1-3 e.g. {@code TID} １日３回, TQ1-7/8 from and until, as in NHO's
 * doc/dietary_order.md). Source key {@code <record>/diet/<n>}, n counting ORCs in the message.
 */
public final class DietOrderMapper implements MessageMapper {

    @Override
    public List<MappedResource> map(MessageInput input) throws MessageRejected {
        List<MappedResource> resources = new ArrayList<>();
        int number = 0;
        for (SegmentRun order : SegmentRun.split(input.message().segments(), Set.of("ORC"))) {
            number++;
            if (order.all("ODS").isEmpty()) {
                continue;
            }
            resources.add(new MappedResource(input.recordKey() + "/diet/" + number, resource(input, order)));
        }
        if (resources.isEmpty()) {
            throw OrderProblems.missing(input, "ODS");
        }
        return resources;
    }

    private static NutritionOrder resource(MessageInput input, SegmentRun order) throws MessageRejected {
        OrderHeader header = OrderHeader.read(input, order.head());
        NutritionOrder nutrition = new NutritionOrder();
        header.numbers().identifiers(input.facility()).forEach(nutrition::addIdentifier);
        nutrition.setStatus(status(header.control())).setIntent(NutritionOrder.NutritiionOrderIntent.ORDER);
        nutrition.setPatient(SourceRefs.patient());
        nutrition.setDateTimeElement(Timestamps.required(input, order.head(), 9));
        nutrition.setOrderer(header.requester());
        for (Hl7Segment ods : order.all("ODS")) {
            diet(ods, nutrition);
        }
        var tq1 = order.first("TQ1");
        if (tq1.isPresent() && nutrition.hasOralDiet()) {
            nutrition.getOralDiet().addSchedule(schedule(input, tq1.get()));
        }
        return nutrition;
    }

    private static void diet(Hl7Segment ods, NutritionOrder nutrition) {
        var code = Hl7Values.concept(ods.field(3));
        List<String> texts = ods.repetitions(4).stream().map(f -> f.component(1)).filter(t -> !t.isBlank()).toList();
        switch (ods.text(1).strip()) {
            case "S" -> {
                var supplement = nutrition.addSupplement();
                code.ifPresent(supplement::setType);
                supplement.setInstruction(texts.isEmpty() ? null : String.join("\n", texts));
            }
            case "P" -> code.or(() -> texts.isEmpty() ? Optional.empty()
                    : Optional.of(new CodeableConcept().setText(String.join("\n", texts))))
                    .ifPresent(nutrition::addFoodPreferenceModifier);
            default -> {
                var diet = nutrition.getOralDiet();
                code.ifPresent(diet::addType);
                texts.forEach(t -> diet.setInstruction(diet.hasInstruction() ? diet.getInstruction() + "\n" + t : t));
            }
        }
    }

    private static Timing schedule(MessageInput input, Hl7Segment tq1) throws MessageRejected {
        Timing timing = new Timing();
        Hl7Values.concept(tq1.field(3).componentAsField(1)).ifPresent(timing::setCode);
        var period = Timestamps.period(input, tq1, 7, 8);
        if (period != null) {
            timing.getRepeat().setBounds(period);
        }
        return timing;
    }

    static NutritionOrderStatus status(OrderControl control) {
        return switch (control) {
            case ACTIVE -> NutritionOrderStatus.ACTIVE;
            case CANCELLED, STOPPED -> NutritionOrderStatus.REVOKED;
            case ON_HOLD -> NutritionOrderStatus.ONHOLD;
            case COMPLETED -> NutritionOrderStatus.COMPLETED;
        };
    }
}
