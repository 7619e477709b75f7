/**
 * Deliberate breaches of the framework-free rule, for {@code ArchitectureTest} to prove that the rule fails on them
 * and passes what it must pass: {@code plain} is a room no list names (so only matching packages by role covers it),
 * {@code web} an adapter where framework types belong. Never used, never a Spring bean (no stereotype, no
 * {@code @Configuration}), never imported by the checks of the application's own classes.
 */
package org.musubi.archfixtures.frameworkfree;
