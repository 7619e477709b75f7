package org.musubi.demo.wings;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.musubi.blob.Blob;
import org.musubi.registry.User;
import org.musubi.research.ApplyForResearch;
import org.musubi.research.Criteria;
import org.musubi.research.DecideResearchProject;
import org.musubi.research.EthicsDocuments;
import org.musubi.research.ProjectStatus;
import org.musubi.research.Researcher;
import org.musubi.research.Scope;
import org.musubi.research.extraction.ExtractionDesk;

/**
 * Research use (docs/research.md): the researcher applies for a project on type 2 diabetes (ICD-10 E11) with his
 * ethics committee's approval (a synthetic PDF), the operator (the network's research committee) approves it as
 * requested, and the researcher starts its first extraction, which the extraction runner then makes in the background.
 */
final class ResearchWing {

    /** The project's title as the researcher typed it. */
    static final String TITLE = "2型糖尿病患者の血糖管理と腎機能の推移に関する後ろ向き観察研究";

    private final ApplyForResearch applications;
    private final DecideResearchProject decisions;
    private final ExtractionDesk extractions;
    private final EthicsDocuments ethics;

    ResearchWing(ApplyForResearch applications, DecideResearchProject decisions, ExtractionDesk extractions,
                 EthicsDocuments ethics) {
        this.applications = applications;
        this.decisions = decisions;
        this.extractions = extractions;
        this.ethics = ethics;
    }

    /** The project's id once approved with its extraction started; empty when the operator is missing. */
    Optional<Long> tell(WingContext c, User researcher, User operator) {
        Blob pdf;
        try {
            pdf = ethics.store(new ByteArrayInputStream(WingContext.pdf(
                    "Ethics committee approval HAH-2026-031 (synthetic demo document)")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Researcher applicant = new Researcher(researcher.id(), false, true);
        Scope scope = new Scope(new Criteria(List.of("E11"), List.of(), 40, null, null, null, null,
                c.today().minusYears(3), c.today()), List.of("DIAGNOSES", "MEDICATIONS", "LAB_RESULTS"), Map.of());
        long id = c.actAs().user(researcher.id(), () -> applications.apply(applicant, new ApplyForResearch.Form(TITLE,
                "広島朝日病院 糖尿病・内分泌内科", "地域の2型糖尿病患者について、HbA1c と eGFR の推移、処方の変化を"
                        + "匿名加工したデータで後ろ向きに観察し、地域連携での血糖管理の実態を明らかにする。",
                "HAH-2026-031", pdf.key(), pdf.size(), c.today().minusDays(30), c.today().plusYears(1).minusDays(30),
                scope, List.of())));
        c.actAs().user(operator.id(), () -> {
            decisions.decide(new Researcher(operator.id(), true, false), id, ProjectStatus.APPROVED, null, null);
            return null;
        });
        c.actAs().user(researcher.id(), () -> extractions.start(applicant, id));
        return Optional.of(id);
    }
}
