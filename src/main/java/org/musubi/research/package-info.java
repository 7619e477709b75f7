/**
 * The network's data for research (issue 48, build items 1 and 2): research projects that a researcher applies for and
 * the network's committee (network admins) approves, narrows or refuses ({@link org.musubi.research.ResearchDesk});
 * the residents' opt-out of secondary use ({@link org.musubi.research.OptOuts}); cohort counts for an approved
 * project's named users and the operators, small cells suppressed and secondary suppression applied
 * ({@link org.musubi.research.CohortCounts}, {@link org.musubi.research.Suppression}); and an approved project's
 * record-level de-identified extraction ({@code extraction}), whose release — categories, items ({@link
 * org.musubi.research.DataItem}), quasi-identifiers, k — is one description, {@link org.musubi.research.ReleaseScope},
 * also stated on the public research page. {@code jdbc} is its store and the counting SQL, {@code web} its pages.
 */
package org.musubi.research;
