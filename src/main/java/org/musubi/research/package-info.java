/**
 * The network's data for research (issue 48, build items 1 and 2): research projects that a researcher applies for and
 * the network's committee (network admins) approves, narrows or refuses ({@link org.musubi.research.ResearchDesk});
 * the residents' opt-out of secondary use ({@link org.musubi.research.OptOuts}); cohort counts for an approved
 * project's named users and the operators, small cells suppressed and secondary suppression applied
 * ({@link org.musubi.research.CohortCounts}, {@link org.musubi.research.Suppression}). Counts only: no patient-level
 * data leaves here. {@code jdbc} is its store and the counting SQL, {@code web} its pages.
 */
package org.musubi.research;
