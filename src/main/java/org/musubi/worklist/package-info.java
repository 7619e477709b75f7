/**
 * What waits for a user (issue 44: the home page's "what needs me"): each part of Musubi that gives users work — Box
 * files, due pathway stages, care-team tasks, unread consultation messages, municipal requests — contributes a {@link
 * org.musubi.worklist.WaitingWork}; {@link org.musubi.worklist.Worklist} gathers them for the home page. A contributor
 * counts only what its own access rules let the user see, and reads no patient data beyond counting its own rows
 * (the home page is not a reading of any record, so it writes no audit row).
 */
package org.musubi.worklist;
