/**
 * Deliberate violations of the dependency rules, for {@code DependencyRulesTest} to prove that each rule fails on one:
 * never used, never a Spring bean, never imported by the rules' check of the application's own classes.
 */
package org.musubi.archfixtures.dependencies;
