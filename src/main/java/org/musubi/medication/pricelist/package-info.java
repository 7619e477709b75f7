/**
 * Reading the MHLW drug price list (.xlsx or CSV) into products, with the rows refused
 * ({@link org.musubi.medication.pricelist.PriceListProblem}) and the file that is no list at all
 * ({@link org.musubi.medication.pricelist.UnreadablePriceList}). Private to the medication module.
 */
package org.musubi.medication.pricelist;
