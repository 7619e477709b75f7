/** Box's REST routes for facility systems (bearer tokens of API clients). */
package org.musubi.box.web;
