package org.musubi.fhirapi.export;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.musubi.audit.Audit;
import org.musubi.audit.Purpose;
import org.musubi.database.Standby;
import org.musubi.fhirapi.access.Caller;
import org.musubi.policy.DataCategory;
import org.musubi.record.fhir.ResourceKind;
import org.musubi.registry.Profession;
import org.musubi.research.BulkExtractions;
import org.musubi.research.ResearchDesk;
import org.musubi.research.Researcher;
import org.musubi.security.SignedIn;
import org.springframework.stereotype.Component;

/**
 * A research project's cohort as a Bulk Data export (issue 48, item 4): {@code Group/research-<project>/$export} asked
 * by one of the project's named users, in their own signed-in session (Musubi issues staff no API token), declaring
 * the purpose of research ({@code X-Purpose-Of-Use: HRESCH}). It starts (or joins) the project's de-identified
 * extraction ({@link BulkExtractions}) — never the record's read path — and its status, files and cancellation live
 * under {@code [base]/bulk/research-<extraction>} for that user only. {@code _type} may name only Patient and the types
 * of the project's approved categories (another is 400, naming it); {@code _since} is 400 (an extraction is the
 * approved period whole). A project that is not approved or not running, a user not named, and a made-up id answer as
 * an unknown Group, audited once.
 */
@Component
public class ResearchExports {

    /** A research export's status id: {@code research-<extraction>}. */
    static final String PREFIX = "research-";

    private final BulkExtractions extractions;
    private final Audit audit;
    private final Standby standby;

    ResearchExports(BulkExtractions extractions, Audit audit, Standby standby) {
        this.extractions = extractions;
        this.audit = audit;
        this.standby = standby;
    }

    /** A signed-in user's browser session (not a system's or an app's token) declaring the purpose of research. */
    static boolean researchSession(Caller caller) {
        return !caller.system() && caller.patient() == null && caller.reader().purpose() == Purpose.RESEARCH;
    }

    /** The kick-off: 202 with the status URL, or a refusal (one audit row). */
    void kickOff(Caller caller, String groupId, ExportParameters asked, RequestDetails details,
                 HttpServletResponse response) {
        if (asked.since() != null) {
            throw ExportKickOff.refused(audit, Purpose.RESEARCH, new InvalidRequestException("_since は研究用の抽出には"
                    + "使えません（承認された期間の全体を抽出します） / _since does not apply to a research extraction: it"
                    + " holds the project's whole approved period"), "bulk.badRequest");
        }
        if (standby.readOnly()) {
            throw ExportKickOff.refused(audit, Purpose.RESEARCH, ExportKickOff.standbyRefusal(), "bulk.readOnlyStandby");
        }
        Researcher who = researcher(caller);
        Optional<Long> project = BulkExtractions.project(groupId);
        Optional<Set<DataCategory>> categories = project.flatMap(p -> extractions.exportable(who, p));
        if (categories.isEmpty()) {
            throw ExportKickOff.unknownGroup(audit, groupId, Purpose.RESEARCH);
        }
        Set<String> approved = approvedTypes(categories.get());
        List<String> outside = asked.typesNeeded().stream().filter(t -> !approved.contains(t)).toList();
        if (!outside.isEmpty()) {
            throw ExportKickOff.refused(audit, Purpose.RESEARCH, new InvalidRequestException("_type の " + outside
                    + " はこの研究計画で承認されたデータの種類ではありません / " + outside + " in _type is not a type this"
                    + " project was approved for (approved: " + approved + ")"), "bulk.typeNotApproved");
        }
        BulkExtractions.Started started;
        try {
            started = extractions.start(who, project.get(), details.getCompleteUrl());
        } catch (ResearchDesk.NotFound closedMeanwhile) {
            // the desk refused (and audited) it: the project ended between the two looks
            throw org.musubi.fhirapi.access.Refusals.notFound(new org.hl7.fhir.r4.model.IdType("Group", groupId));
        }
        response.setStatus(202);
        response.setHeader("Content-Location", details.getFhirServerBase() + "/" + ExportServlet.PATH + "/" + PREFIX
                + started.extractionId() + (asked.types() == null ? "" : "?_type=" + String.join(",", asked.types())));
    }

    /** The status of research export {@code extractionId}; {@code types}: the kick-off's {@code _type}, or null. */
    ExportStatus.Answer status(Caller caller, long extractionId, String base, String types) {
        return switch (extractions.status(researcher(caller), extractionId)) {
            case BulkExtractions.Waiting waiting -> new ExportStatus.Running(waiting.started() ? "running" : "queued");
            case BulkExtractions.Failed failed -> new ExportStatus.Failed("研究用の抽出に失敗しました / The research"
                    + " extraction failed: " + failed.error());
            case BulkExtractions.Unknown unknown -> new ExportStatus.Unknown();
            case BulkExtractions.Ready ready -> new ExportStatus.Done(manifest(ready, extractionId, base, types(types)));
        };
    }

    /** The NDJSON file of {@code type}, for the user who started the export, while it may be downloaded. */
    Optional<ExportStatus.Opened> file(Caller caller, long extractionId, String type) throws IOException {
        return extractions.file(researcher(caller), extractionId, type)
                .map(opened -> new ExportStatus.Opened(opened.content(), opened.bytes()));
    }

    /** Cancels it; false when it is not the caller's. */
    boolean cancel(Caller caller, long extractionId) throws IOException {
        return extractions.cancel(researcher(caller), extractionId);
    }

    /** The caller as the research module sees them: staff only through a signed-in session of a facility's user. */
    static Researcher researcher(Caller caller) {
        SignedIn user = caller.user();
        boolean staff = !caller.system() && caller.patient() == null && user.facilityId() != null
                && !Profession.FACILITY_SYSTEM.name().equals(user.profession())
                && !Profession.RESIDENT.name().equals(user.profession());
        return new Researcher(user.userId(), user.networkAdmin(), staff);
    }

    /**
     * The types an approved project's extraction may hold: its Patient (made from the regional person) and each type
     * of patient data whose category was approved (an Observation also when vital signs were).
     */
    static Set<String> approvedTypes(Set<DataCategory> categories) {
        Set<String> types = new TreeSet<>();
        types.add("Patient");
        for (String type : ResourceKind.types()) {
            ResourceKind kind = ResourceKind.of(type).orElseThrow();
            if (kind.patientData() && categories.contains(kind.category())) {
                types.add(type);
            }
        }
        if (categories.contains(DataCategory.VITALS)) {
            types.add("Observation");
        }
        return types;
    }

    /** The manifest: the extraction's NDJSON files (those of the kick-off's {@code _type}), served under the status URL. */
    static String manifest(BulkExtractions.Ready ready, long extractionId, String base, Set<String> types) {
        String output = ready.outputs().stream().filter(o -> types == null || types.contains(o.type()))
                .map(o -> "{\"type\":\"" + o.type() + "\",\"url\":\"" + ExportStatus.json(base + "/" + ExportServlet.PATH
                        + "/" + PREFIX + extractionId + "/" + o.type() + ".ndjson") + "\",\"count\":" + o.count() + "}")
                .collect(Collectors.joining(","));
        String request = base + "/Group/" + BulkExtractions.GROUP_PREFIX + ready.projectId() + "/$export"
                + (types == null ? "" : "?_type=" + String.join(",", types));
        return "{\"transactionTime\":\"" + ready.transactionTime() + "\",\"request\":\"" + ExportStatus.json(request)
                + "\",\"requiresAccessToken\":true,\"output\":[" + output + "],\"error\":[]}";
    }

    /** The status URL's {@code _type}: the types the kick-off asked (each checked then), or null for all. */
    private static Set<String> types(String asked) {
        if (asked == null || asked.isBlank()) {
            return null;
        }
        Set<String> types = new LinkedHashSet<>();
        for (String type : asked.split(",")) {
            if (type.strip().matches("[A-Za-z]{1,64}")) {
                types.add(type.strip());
            }
        }
        return types;
    }
}
