/**
 * Account recovery of the health notebook (issue 37): a registration with a new code for a person who already has an
 * account never re-keys it at once. {@link org.musubi.phr.RegisterResident} keeps the new login id, password and
 * authenticator aside as a pending recovery ({@link org.musubi.phr.recovery.AccountRecoveries}); the old login keeps
 * working until staff of a facility linked to the person with consent confirm it at the counter with the person's
 * card, or the network office confirms it ({@link org.musubi.phr.recovery.DecideRecovery}; the confirmation's writes:
 * {@link org.musubi.phr.recovery.ApplyRecovery}). The resident sees it on their notebook and may cancel it, and is
 * told afterwards what changed ({@link org.musubi.phr.recovery.MyRecovery}); unconfirmed ones expire
 * ({@link org.musubi.phr.recovery.ExpireRecoveries}). Plain Java but for its configuration; its pages are in
 * {@code web}, the table's adapter in {@code org.musubi.phr.jdbc}.
 */
package org.musubi.phr.recovery;
