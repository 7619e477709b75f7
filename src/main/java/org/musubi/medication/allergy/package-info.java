/**
 * Allergy–drug class alerts (issue 63): which drug classes a recorded allergy names ({@link
 * org.musubi.medication.allergy.DrugClass}, the documented table of docs/drug-master.md), which classes a drug belongs
 * to (its 薬効分類 from the drug master, else the table's ingredients), and how an allergy and a drug relate ({@link
 * org.musubi.medication.allergy.AllergyMatch}: the allergy names the drug itself, the drug is of the class the allergy
 * names, or of a class the table says may cross-react), found over a person's medications by {@link
 * org.musubi.medication.allergy.AllergyChecks}. A named interface: the letter composer checks the medicines a letter
 * lists with it. Plain Java.
 */
@NamedInterface("allergy")
package org.musubi.medication.allergy;

import org.springframework.modulith.NamedInterface;
