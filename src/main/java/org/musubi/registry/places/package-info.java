/**
 * Places of Japan the network names: the 47 prefectures (都道府県) by their number (the first two digits of a
 * local-government code and of a medical-institution code). A named interface: disaster mode reads addresses by them,
 * synthetic data writes them.
 */
@NamedInterface("places")
package org.musubi.registry.places;

import org.springframework.modulith.NamedInterface;
