/**
 * Who a patient is across the region: regional persons ({@link org.musubi.identity.Person},
 * {@link org.musubi.identity.RegisteredPerson}), the facilities' own patients
 * ({@link org.musubi.identity.SourcePatient}) and the links between them
 * ({@link org.musubi.identity.IdentityStore}), and finding the person in front of a user
 * ({@link org.musubi.identity.FindPerson}, {@link org.musubi.identity.SearchPersons}).
 *
 * <p>This package is the module's public API. Cohesive groups other features use are named interfaces
 * in sub-packages: {@code cards} (patient cards and their check codes), {@code link} (linking, unlinking,
 * merging and unmerging by hand), {@code linkage} (名寄せ of received source patients and its review
 * queue) and {@code matching} with {@code matching.normalize} and {@code matching.compare} (the matching
 * algorithm). {@code jdbc} and {@code internal} are private to the module.
 */
package org.musubi.identity;
