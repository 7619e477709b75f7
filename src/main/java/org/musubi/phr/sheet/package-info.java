/**
 * The emergency sheet (命の宝箱) of the health notebook (issue 25, items 3, 8 and 9): what a resident wants an
 * ambulance crew or an emergency doctor to know — conditions, current medicines, allergies, family doctor and
 * hospital, emergency contacts, care level, blood type, wishes about treatment at the end of life (ACP), where the paper
 * sheet is kept, photos of the paper form. Stored as one FHIR QuestionnaireResponse per person under the resident's
 * own source patient at the notebook's facility (policy category EMERGENCY_SHEET), versioned by the record store; each
 * version says who entered it (the resident, their proxy, or a facility's pharmacist or care worker on their behalf,
 * which the resident then confirms or corrects) and which sections changed, and is accompanied by a Provenance
 * (agent, onBehalfOf). Printed as an A4 PDF with the person's QR code. Plain Java but for its configuration; its pages
 * are in {@code web}. A named interface: the clinicians' viewer (portal) shows the sheet through it.
 */
@NamedInterface("sheet")
package org.musubi.phr.sheet;

import org.springframework.modulith.NamedInterface;
