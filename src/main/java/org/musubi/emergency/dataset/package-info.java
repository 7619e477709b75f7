/**
 * The emergency minimum dataset (救急時の最小データセット, issue 26 item 2): one screen's worth of a person's record for
 * an ambulance crew or an emergency room — allergies and adverse reactions first, current medicines (the last 100
 * days of prescriptions and dispensings, with the duplicate-medication alerts), active problems, the last encounters
 * and where the person was treated last, the last vital signs, the emergency sheet (命の宝箱: contacts, family doctor,
 * wishes about treatment, care level) and the recent abnormal laboratory results. Assembled by {@link
 * org.musubi.emergency.dataset.MinimumDataset} in one audited read through the access policy; a named interface so
 * that a FHIR {@code Patient/$summary} can serve the same assembly.
 */
@NamedInterface("dataset")
package org.musubi.emergency.dataset;

import org.springframework.modulith.NamedInterface;
