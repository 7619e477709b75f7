/**
 * The profession × data-category matrix: which categories each profession may see for treatment and
 * emergencies ({@link org.musubi.policy.matrix.ProfessionMatrix}, with its documented defaults), and how
 * operators override it through {@code musubi.policy.matrix.*} properties. {@link org.musubi.policy.AccessPolicy}
 * consults it; the decision rules themselves stay in the top-level package.
 */
package org.musubi.policy.matrix;
