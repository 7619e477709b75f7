/**
 * The operator area ({@code /admin}): its entry and the administrator as the registry sees it. Each screen
 * family has its own sub-package ({@code accounts}, {@code audit}, {@code facilities}, {@code imports},
 * {@code matching}, {@code notices}, {@code persons}); templates stay under {@code templates/admin}.
 */
package org.musubi.portal.admin;
