/**
 * Deliberate breaches of {@code ArchitectureTest}'s house rules, one class (or sub-package) per rule, for the test to
 * prove that each rule fails on its breach and on nothing else here: never used, never a Spring bean, never imported by
 * the checks of the application's own classes.
 */
package org.musubi.archfixtures.architecture;
