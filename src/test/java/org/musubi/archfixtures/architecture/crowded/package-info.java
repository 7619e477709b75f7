/** A package of three top-level classes (one with a nested class): crowded above a limit of two, not at three. */
package org.musubi.archfixtures.architecture.crowded;
