/**
 * The residents' health notebook (PHR, 健康手帳) at {@code /phr}: residents' own accounts — registration with the
 * regional card, birth date and a one-time registration code a facility's counter or the operator issues
 * ({@link org.musubi.phr.IssueRegistrationCode}, {@link org.musubi.phr.RegisterResident}); password and a second
 * factor through the shared login — and what a resident sees of their own record, through the same access policy
 * (self access) and audit trail as everyone else.
 *
 * <p>This package is the module's public API; {@code jdbc} (its tables) and {@code web} (its pages) are private.
 */
package org.musubi.phr;
