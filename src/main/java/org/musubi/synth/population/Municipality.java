package org.musubi.synth.population;

/**
 * A municipality addresses are drawn from: its name as written in an address (e.g. 広島市中区),
 * the city or town it belongs to (広島市), a short stem for facility names (広島), the first three
 * postal-code digits, the landline area code, and a relative population weight.
 */
public record Municipality(
        String name, Reading city, Reading stem, String postalPrefix, String areaCode, int weight) {
}
