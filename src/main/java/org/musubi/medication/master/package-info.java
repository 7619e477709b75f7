/**
 * The drug master: its lookups ({@link org.musubi.medication.master.DrugMaster}), the store a price list is
 * loaded into, the load history, and the use case that loads a list. Private to the medication module; other
 * modules use the duplicate checks of the top-level package.
 */
package org.musubi.medication.master;
