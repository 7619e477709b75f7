package org.musubi.record.fhir;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Resource;

/**
 * The JP-CLINS (電子カルテ情報共有サービス) constraints that matter for sharing, checked on resources that
 * claim a JP-CLINS eCS profile: the codes a receiver needs to recognise the drug or the test. Each
 * fault names the element. (Base R4 is {@link BaseValidation}'s job; JP Core and JP-CLINS profiles
 * as a whole are not validated.)
 */
public final class ClinsRules {

    static final String ECS = FhirSystems.ECS_PROFILES;
    static final Set<String> DRUG_CODES = Set.of(
            FhirSystems.YJ,
            FhirSystems.GENERIC_NAME,
            "http://jpfhir.jp/fhir/eCS/CodeSystem/MedicationCodeNocoded_CS");
    static final String LOCAL_LAB_CODE = "http://jpfhir.jp/fhir/clins/CodeSystem/JP_CLINS_ObsLabResult_LocalCode_CS";

    private ClinsRules() {
    }

    public static List<Fault> check(IBaseResource resource) {
        List<Fault> faults = new ArrayList<>();
        if (claims(resource, "JP_MedicationRequest_eCS") && resource instanceof MedicationRequest request
                && request.getMedicationCodeableConcept().getCoding().stream().map(Coding::getSystem)
                        .noneMatch(DRUG_CODES::contains)) {
            faults.add(new Fault("MedicationRequest.medication.coding", "required",
                    "YJ コード・一般処方名コード・「標準コードなし」のいずれかが必要です",
                    "needs a YJ code, a generic-name (一般処方名) code or the NOCODED marker"));
        }
        if (claims(resource, "JP_Observation_LabResult_eCS") && resource instanceof Observation observation
                && observation.getCode().getCoding().stream().noneMatch(c -> LOCAL_LAB_CODE.equals(c.getSystem()))) {
            faults.add(new Fault("Observation.code.coding", "required",
                    "検査のローカルコード（" + LOCAL_LAB_CODE + "）が必要です",
                    "needs the laboratory's local code (" + LOCAL_LAB_CODE + ")"));
        }
        return faults;
    }

    private static boolean claims(IBaseResource resource, String profile) {
        return ((Resource) resource).getMeta().getProfile().stream().map(p -> p.getValue())
                .map(p -> p.contains("|") ? p.substring(0, p.indexOf('|')) : p)
                .anyMatch((ECS + profile)::equals);
    }
}
