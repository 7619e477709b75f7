/**
 * Deliberate breaches of the size rule, for {@code SizeRulesTest} to prove that it finds them ({@code LongStory}, over
 * 400 lines; {@code EverythingDesk}, eleven public methods) and counts only what it says it counts (the others, within
 * the rule or left out): never used, never a Spring bean, never imported by the rules' check of Musubi's own classes.
 */
package org.musubi.archfixtures.size;
