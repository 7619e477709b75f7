package org.musubi.synth.sources.ssmix2;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.BiFunction;
import org.musubi.synth.sources.care.CareEvent;
import org.musubi.synth.sources.care.Chart;

/**
 * Turns the events of one chart into SS-MIX2 files: the data type, the care date the standard takes
 * from each message (PV1-44 or PV1-45, ORC-9, SPM-17, or {@code -}), the order number
 * ({@value #NO_ORDER} for data that is no order), the send time and the condition flag. An updated
 * order gives its first version (flag 2) and the update (flag 1); a deleted one gives the order
 * and its cancellation, both flag 0.
 */
final class Ssmix2Messages {

    static final String NO_ORDER = "999999999999999";
    private static final String UNDATED = "-";

    private final Chart chart;
    private int sequence;

    Ssmix2Messages(Chart chart) {
        this.chart = chart;
    }

    List<Ssmix2File> files(CareEvent event) {
        return switch (event) {
            case CareEvent.Registration e -> List.of(file(UNDATED, "ADT-00", NO_ORDER, e.at(), UNDATED, '1',
                    AdtMessages.patientInfo(chart, e, controlId(e.at()))));
            case CareEvent.Visit e -> List.of(file(date(e.at()), "ADT-12", NO_ORDER, e.at(), department(), '1',
                    AdtMessages.visit(chart, e, controlId(e.at()))));
            case CareEvent.Admission e -> List.of(file(date(e.at()), "ADT-22", NO_ORDER, e.at(), department(), '1',
                    AdtMessages.admission(chart, e, controlId(e.at()))));
            case CareEvent.Discharge e -> List.of(file(date(e.at()), "ADT-52", NO_ORDER, e.at(), department(), '1',
                    AdtMessages.discharge(chart, e, controlId(e.at()))));
            case CareEvent.Problems e -> List.of(file(UNDATED, "PPR-01", NO_ORDER, e.at(), department(),
                    e.superseded() ? '2' : '1', ProblemMessages.problems(chart, e, controlId(e.at()))));
            case CareEvent.Prescription e -> order(e.order(), "OMP-01", e.order().at().toLocalDate(),
                    (version, sent) -> PrescriptionMessages.prescription(chart, e, version, sent, controlId(sent)));
            case CareEvent.Injections e -> order(e.order(), "OMP-02", e.order().at().toLocalDate(),
                    (version, sent) -> PrescriptionMessages.injections(chart, e, version, sent, controlId(sent)));
            case CareEvent.LabReport e -> order(e.order(), "OML-11", e.collected().toLocalDate(),
                    (version, sent) -> LabMessages.report(chart, e, version, sent, controlId(sent)));
        };
    }

    private List<Ssmix2File> order(CareEvent.Order order, String type, LocalDate careDay,
                                   BiFunction<Version, LocalDateTime, String> render) {
        String careDate = Hl7Time.date(careDay);
        return switch (order.revision()) {
            case NONE -> List.of(file(careDate, type, order.number(), order.at(), department(), '1',
                    render.apply(Version.NEW, order.at())));
            case UPDATED -> List.of(
                    file(careDate, type, order.number(), order.at(), department(), '2', render.apply(Version.DRAFT, order.at())),
                    file(careDate, type, order.number(), order.revisedAt(), department(), '1',
                            render.apply(Version.UPDATE, order.revisedAt())));
            case DELETED -> List.of(
                    file(careDate, type, order.number(), order.at(), department(), '0', render.apply(Version.NEW, order.at())),
                    file(careDate, type, order.number(), order.revisedAt(), department(), '0',
                            render.apply(Version.CANCEL, order.revisedAt())));
        };
    }

    private Ssmix2File file(String careDate, String type, String orderNumber, LocalDateTime sent, String department,
                            char flag, String message) {
        return new Ssmix2File(chart.patientId(), careDate, type, orderNumber, Hl7Time.millis(sent), department, flag, message);
    }

    /** MSH-10: the send time to the millisecond and a running number, 20 characters. */
    private String controlId(LocalDateTime sent) {
        return Hl7Time.millis(sent) + "%03d".formatted(sequence++ % 1000);
    }

    private String department() {
        return chart.department().code();
    }

    private static String date(LocalDateTime time) {
        return Hl7Time.date(time.toLocalDate());
    }
}
