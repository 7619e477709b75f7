/**
 * The profession × data-category matrix: which categories each profession may see for treatment and
 * emergencies ({@link org.musubi.policy.matrix.ProfessionMatrix}, with its documented defaults), and how
 * operators override it through {@code musubi.policy.matrix.*} properties. {@link org.musubi.policy.AccessPolicy}
 * consults it; the decision rules themselves stay in the top-level package. A named interface: the policy's
 * public constructor takes the matrix, so whoever builds a policy (tests, tools) names it.
 */
@NamedInterface("matrix")
package org.musubi.policy.matrix;

import org.springframework.modulith.NamedInterface;
